import { useMemo, useState } from 'react';
import type { CaseDetails } from '../../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../../shared/ipc-contract.ts';
import { invoke } from '../../api.ts';
import { formatDate, typeLabel } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { useLoaded } from '../../loaded.ts';
import { routeHash } from '../../route.ts';
import { caller } from './form.tsx';

export function Documents({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const [adding, setAdding] = useState(false);
  const [filter, setFilter] = useState('');
  // The patient's whole library only when adding from it.
  const library = useLoaded(adding ? () => invoke('documents:list', { patientId: details.patientId }) : null, [adding, details.patientId, onError], onError) ?? [];
  const byId = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const inCase = new Set(details.documents.map((d) => d.documentId));
  const call = caller(onError);
  const { t } = useT();
  const move = (index: number, by: number) => {
    const ids = details.documents.map((d) => d.documentId);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    call(invoke('cases:order-documents', details.id, ids));
  };
  const candidates = library.filter((d) => !inCase.has(d.id) && `${d.title} ${d.facility ?? d.suggested.facility ?? ''} ${typeLabel(d.type ?? d.suggested.type)}`.toLowerCase().includes(filter.toLowerCase()));
  return (
    <section
      className="case-section"
      aria-labelledby="case-documents-title"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('application/x-casebinder-document')) e.preventDefault();
      }}
      onDrop={(e) => {
        const id = Number(e.dataTransfer.getData('application/x-casebinder-document'));
        if (id) {
          e.preventDefault();
          call(invoke('cases:add-documents', details.id, [id]));
        }
      }}
    >
      <h2 id="case-documents-title">{t('caseDocuments.title')}</h2>
      {details.documents.length === 0 && <p className="empty">{t('caseDocuments.none')}</p>}
      <ol className="case-documents">
        {details.documents.map((d, i) => {
          const doc = byId.get(d.documentId);
          return (
            <li key={d.documentId} className={d.included ? '' : 'left-out'}>
              <label className="include">
                <input type="checkbox" checked={d.included} onChange={(e) => call(invoke('cases:set-included', details.id, d.documentId, e.target.checked))} />
                <span className="visually-hidden">{t('caseDocuments.send', { title: doc?.title ?? '' })}</span>
              </label>
              <a href={routeHash({ name: 'document', id: d.documentId })}>{doc?.title ?? t('recommendation.documentNumber', { id: d.documentId })}</a>
              <small>
                {typeLabel(doc?.type ?? doc?.suggested.type ?? null)}
                {(doc?.dateOfService ?? doc?.suggested.dateOfService) ? ' · ' + formatDate(doc?.dateOfService ?? doc?.suggested.dateOfService) : ''}
                {d.included ? '' : ' · ' + t('caseDocuments.leftOut')}
              </small>
              <span className="row-actions">
                <button type="button" className="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('caseDocuments.up', { title: doc?.title ?? '' })}>
                  ↑
                </button>
                <button type="button" className="small" onClick={() => move(i, 1)} disabled={i === details.documents.length - 1} aria-label={t('caseDocuments.down', { title: doc?.title ?? '' })}>
                  ↓
                </button>
                <button type="button" className="small" onClick={() => call(invoke('cases:remove-document', details.id, d.documentId))} aria-label={t('caseDocuments.takeOutLabel', { title: doc?.title ?? '' })}>
                  {t('caseDocuments.takeOut')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {adding ? (
        <div className="add-documents">
          <input aria-label={t('caseDocuments.find')} placeholder={t('caseDocuments.findPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus />
          <ul>
            {candidates.slice(0, 50).map((d) => (
              <li
                key={d.id}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData('application/x-casebinder-document', String(d.id));
                  e.dataTransfer.effectAllowed = 'copy';
                }}
              >
                <button type="button" className="link" onClick={() => call(invoke('cases:add-documents', details.id, [d.id]))} aria-label={t('caseDocuments.add', { title: d.title })}>
                  + {d.title}
                </button>
                <small>
                  {typeLabel(d.type ?? d.suggested.type)}
                  {(d.dateOfService ?? d.suggested.dateOfService) ? ' · ' + formatDate(d.dateOfService ?? d.suggested.dateOfService) : ''}
                </small>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setAdding(false)}>
            {t('caseDocuments.doneAdding')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('caseDocuments.addFromLibrary')}
        </button>
      )}
    </section>
  );
}
