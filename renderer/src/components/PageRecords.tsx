import type { ClinicalRecord } from '../../../shared/records-types.ts';
import { invoke, messageOf } from '../api.ts';
import { useLoaded } from '../loaded.ts';
import './PageRecords.css';

/**
 * Medications and allergies read from this page's lists, beside the page, to be checked against it:
 * each is confirmed, or taken out when it is not one; only then does it count in the health record's
 * lists, the checklist and the packet (which marks those not yet checked).
 */
export function PageRecords({ documentId, patientId, page, libraryVersion, onError }: { documentId: number; patientId: number; page: number; libraryVersion: number; onError: (m: string) => void }) {
  const all = useLoaded(() => invoke('records:list', patientId, undefined, { withHeldBack: true }), [patientId, libraryVersion, onError], onError);
  const read = (all ?? []).filter((r) => r.source.documentId === documentId && r.origin === 'pdf' && (r.kind === 'medication' || r.kind === 'allergy'));
  if (read.length === 0) return null;
  const here = read.filter((r) => r.source.page === page).sort((a, b) => a.id - b.id);
  const waiting = read.filter((r) => !r.confirmed);
  const label = (r: ClinicalRecord) => (r.kind === 'medication' ? 'Medication' : 'Allergy');
  const notOne = (r: ClinicalRecord) => (r.kind === 'medication' ? 'Not a medication' : 'Not an allergy');
  return (
    <section className="page-labs page-records" aria-labelledby="page-records-title">
      <h2 id="page-records-title">Medications and allergies on page {page}</h2>
      <p className="hint">
        Read from the page’s lists. Check each against the page and confirm it, or take it out if it is not one.
        {waiting.length > 0 && ` ${waiting.length} of ${read.length} still to check.`}
      </p>
      {here.length === 0 ? (
        <p className="empty">None on this page.</p>
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
                    <span className="badge badge-ok">Checked</span>
                  ) : (
                    <>
                      <button type="button" className="small primary" onClick={() => void invoke('records:confirm', [r.id]).catch((e: unknown) => onError(messageOf(e)))} aria-label={`Confirm ${r.name}`}>
                        Confirm
                      </button>
                      <button type="button" className="small" onClick={() => void invoke('records:remove', r.id).catch((e: unknown) => onError(messageOf(e)))} aria-label={`${notOne(r)}: ${r.name}`}>
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
              All on this page are right: confirm them
            </button>
          )}
        </>
      )}
    </section>
  );
}
