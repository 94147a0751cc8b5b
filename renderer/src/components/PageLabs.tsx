import { useState } from 'react';
import type { LabResult } from '../../../shared/records-types.ts';
import { invoke, messageOf } from '../api.ts';
import { useT } from '../i18n/index.ts';
import { useLoaded } from '../loaded.ts';
import './PageLabs.css';

const FLAGS = ['', 'H', 'L', 'HH', 'LL', 'A'] as const;

function Row({ lab, onError }: { lab: LabResult; onError: (m: string) => void }) {
  const [draft, setDraft] = useState({ analyte: lab.analyteAsPrinted, value: lab.value.printed, unit: lab.unitAsPrinted ?? '', range: lab.range?.text ?? '', flag: lab.flag });
  const changed =
    draft.analyte !== lab.analyteAsPrinted || draft.value !== lab.value.printed || draft.unit !== (lab.unitAsPrinted ?? '') || draft.range !== (lab.range?.text ?? '') || draft.flag !== lab.flag;
  const save = () =>
    void (changed
      ? invoke('labs:correct', lab.id, { analyte: draft.analyte, value: draft.value, unit: draft.unit || null, range: draft.range || null, flag: draft.flag })
      : invoke('labs:confirm', [lab.id])
    ).catch((e: unknown) => onError(messageOf(e)));
  const name = lab.analyteAsPrinted;
  const { t } = useT();
  return (
    <li className={lab.confirmed ? 'page-lab confirmed' : 'page-lab'}>
      <input className="page-lab-name" aria-label={t('pageLabs.test', { name })} value={draft.analyte} onChange={(e) => setDraft({ ...draft, analyte: e.target.value })} />
      <div className="page-lab-fields">
        <label>
          <span aria-hidden="true">{t('record.value')}</span>
          <input aria-label={t('pageLabs.field', { field: 'value', name })} value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} />
        </label>
        <label>
          <span aria-hidden="true">{t('record.unit')}</span>
          <input aria-label={t('pageLabs.field', { field: 'unit', name })} value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value })} />
        </label>
        <label>
          <span aria-hidden="true">{t('record.range')}</span>
          <input aria-label={t('pageLabs.field', { field: 'range', name })} value={draft.range} onChange={(e) => setDraft({ ...draft, range: e.target.value })} />
        </label>
        <label>
          <span aria-hidden="true">{t('record.flagHeader')}</span>
          <select aria-label={t('pageLabs.field', { field: 'flag', name })} value={draft.flag} onChange={(e) => setDraft({ ...draft, flag: e.target.value as LabResult['flag'] })}>
            {FLAGS.map((f) => (
              <option key={f} value={f}>
                {f || '—'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="page-lab-actions">
        {lab.confirmed && !changed ? (
          <span className="badge badge-ok">{t('pageLabs.checked')}</span>
        ) : (
          <button type="button" className="small primary" onClick={save}>
            {changed ? t('pageLabs.saveConfirm') : t('pageLabs.confirm')}
          </button>
        )}
        {!lab.confirmed && (
          <button type="button" className="small" onClick={() => void invoke('labs:remove', lab.id).catch((e: unknown) => onError(messageOf(e)))} aria-label={t('pageLabs.notResultLabel', { name })}>
            {t('pageLabs.notResult')}
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Lab values read from this page of a PDF, beside the page, to be checked against it: each can be
 * corrected and confirmed; only then does it count as data.
 */
export function PageLabs({ documentId, patientId, page, libraryVersion, onError }: { documentId: number; patientId: number; page: number; libraryVersion: number; onError: (m: string) => void }) {
  const all = useLoaded(() => invoke('labs:list', patientId, { withHeldBack: true }), [patientId, libraryVersion, onError], onError);
  const { t } = useT();
  const labs = (all ?? []).filter((l) => l.source.documentId === documentId && l.origin === 'pdf');
  if (labs.length === 0) return null;
  // In the order they are on the page (the order they were read in).
  const here = labs.filter((l) => l.source.page === page).sort((a, b) => a.id - b.id);
  const waiting = labs.filter((l) => !l.confirmed);
  const unchecked = here.filter((l) => !l.confirmed);
  const confirmAll = () => void invoke('labs:confirm', unchecked.map((l) => l.id)).catch((e: unknown) => onError(messageOf(e)));
  return (
    <section className="page-labs" aria-labelledby="page-labs-title">
      <h2 id="page-labs-title">{t('pageLabs.title', { page })}</h2>
      <p className="hint">
        {t('pageLabs.hint')}
        {waiting.length > 0 && <> {t('pageLabs.waiting', { waiting: waiting.length, total: labs.length })}</>}
      </p>
      {here.length === 0 ? (
        <p className="empty">{t('pageLabs.none')}</p>
      ) : (
        <>
          {/* At the top, where the checking starts; again at the bottom of a long list, where it ends. */}
          {unchecked.length > 0 && (
            <button type="button" className="page-labs-all" onClick={confirmAll}>
              {t('pageLabs.allRight')}
            </button>
          )}
          <ul>
            {here.map((lab) => (
              <Row key={`${lab.id}:${lab.confirmed}`} lab={lab} onError={onError} />
            ))}
          </ul>
          {unchecked.length > 0 && here.length > 4 && (
            <button type="button" className="page-labs-all" onClick={confirmAll}>
              {t('pageLabs.confirmAll', { count: unchecked.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
