import type { ClinicalRecord } from '../../../shared/records-types.ts';
import { invoke, messageOf } from '../api.ts';
import { useT } from '../i18n/index.ts';
import { useLoaded } from '../loaded.ts';
import './PageRecords.css';

/**
 * Medications and allergies read from this page's lists, beside the page, to be checked against it:
 * each is confirmed, or taken out when it is not one; only then does it count in the health record's
 * lists, the checklist and the packet (which marks those not yet checked).
 */
export function PageRecords({ documentId, patientId, page, libraryVersion, onError }: { documentId: number; patientId: number; page: number; libraryVersion: number; onError: (m: string) => void }) {
  const { t } = useT();
  const all = useLoaded(() => invoke('records:list', patientId, undefined, { withHeldBack: true }), [patientId, libraryVersion, onError], onError);
  const read = (all ?? []).filter((r) => r.source.documentId === documentId && r.origin === 'pdf' && (r.kind === 'medication' || r.kind === 'allergy'));
  if (read.length === 0) return null;
  const here = read.filter((r) => r.source.page === page).sort((a, b) => a.id - b.id);
  const waiting = read.filter((r) => !r.confirmed);
  const label = (r: ClinicalRecord) => t('pageRecords.kind', { kind: r.kind });
  const notOne = (r: ClinicalRecord) => t('pageRecords.notOne', { kind: r.kind });
  return (
    <section className="page-labs page-records" aria-labelledby="page-records-title">
      <h2 id="page-records-title">{t('pageRecords.title', { page })}</h2>
      <p className="hint">
        {t('pageRecords.hint')}
        {waiting.length > 0 && <> {t('pageRecords.waiting', { waiting: waiting.length, total: read.length })}</>}
      </p>
      {here.length === 0 ? (
        <p className="empty">{t('pageLabs.none')}</p>
      ) : (
        <>
          <ul>
            {here.map((r) => (
              <li key={`${r.id}:${r.confirmed}`} className={r.confirmed ? 'page-lab confirmed' : 'page-lab'}>
                <p className="page-record">
                  <span className="badge badge-info">{label(r)}</span> <strong>{r.name}</strong>
                  {r.detail && <span className="page-record-detail"> · {r.detail}</span>}
                  {r.status && r.status !== 'active' && <span className="page-record-detail"> · {r.status}</span>}
                </p>
                <div className="page-lab-actions">
                  {r.confirmed ? (
                    <span className="badge badge-ok">{t('pageLabs.checked')}</span>
                  ) : (
                    <>
                      <button type="button" className="small primary" onClick={() => void invoke('records:confirm', [r.id]).catch((e: unknown) => onError(messageOf(e)))} aria-label={t('pageRecords.confirmName', { name: r.name })}>
                        {t('pageLabs.confirm')}
                      </button>
                      <button type="button" className="small" onClick={() => void invoke('records:remove', r.id).catch((e: unknown) => onError(messageOf(e)))} aria-label={t('pageRecords.notOneName', { what: notOne(r), name: r.name })}>
                        {notOne(r)}
                      </button>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {here.some((r) => !r.confirmed) && (
            <button type="button" onClick={() => void invoke('records:confirm', here.filter((r) => !r.confirmed).map((r) => r.id)).catch((e: unknown) => onError(messageOf(e)))}>
              {t('pageLabs.allRight')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
