import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CaseDetails, OpinionStand, Recommendation } from '../../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../../shared/ipc-contract.ts';
import { invoke, messageOf } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { routeHash } from '../../route.ts';
import { orNull, useForm } from './form.tsx';

const POINTS = ['procedure', 'urgency', 'risks', 'alternatives'] as const;

export function Opinions({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const form = useForm({ by: '', date: '', summary: '', procedure: '', urgency: '', risks: '', alternatives: '', document: '' });
  const [stand, setStand] = useState<OpinionStand>('agrees');
  const [open, setOpen] = useState(false);
  const original: Recommendation | undefined = details.recommendations[0];
  const { t } = useT();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    try {
      await invoke('cases:add-opinion', details.id, {
        specialistId: null,
        by: v.by,
        date: orNull(v.date),
        summary: v.summary,
        stand,
        procedure: orNull(v.procedure),
        urgency: orNull(v.urgency),
        risks: orNull(v.risks),
        alternatives: orNull(v.alternatives),
        documentId: v.document ? Number(v.document) : null,
      });
      form.reset();
      setOpen(false);
    } catch (e) {
      onError(messageOf(e));
    }
  };
  return (
    <section className="case-section" aria-labelledby="opinions-title">
      <h2 id="opinions-title">{t('opinions.title')}</h2>
      {details.opinions.length > 0 && original && (
        <div className="compare" tabIndex={0} role="region" aria-label={t('opinions.compare')}>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('opinions.point')}</span>
                </th>
                <th scope="col">
                  {t('opinions.underReview', { clinician: original.clinician })}
                  {original.date ? ' (' + formatDate(original.date) + ')' : ''}
                </th>
                {details.opinions.map((o) => (
                  <th scope="col" key={o.id}>
                    {o.documentId ? <a href={routeHash({ name: 'document', id: o.documentId })}>{o.by}</a> : o.by}
                    {o.date ? ' (' + formatDate(o.date) + ')' : ''}
                    <span className={`stand stand-${o.stand}`}>{t('opinions.stand', { stand: o.stand })}</span>
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        if (window.confirm(t('opinions.confirmRemove', { by: o.by }))) void invoke('cases:remove-opinion', details.id, o.id).catch((e: unknown) => onError(messageOf(e)));
                      }}
                    >
                      {t('record.remove')}
                      <span className="visually-hidden"> {t('opinions.removeWhose', { by: o.by })}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {POINTS.map((key) => (
                <tr key={key}>
                  <th scope="row">{t('opinions.pointName', { key })}</th>
                  <td>{original[key] ?? '—'}</td>
                  {details.opinions.map((o) => (
                    <td key={o.id} className={o[key] && o[key] !== original[key] ? 'differs' : ''}>
                      {o[key] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('opinions.inShort')}</th>
                <td>{original.reasons ?? '—'}</td>
                {details.opinions.map((o) => (
                  <td key={o.id}>{o.summary || '—'}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {details.opinions.length === 0 && <p className="empty">{t('opinions.none')}</p>}
      {open ? (
        <form className="case-form" onSubmit={(e) => void submit(e)} aria-label={t('opinions.received')}>
          {form.field('by', t('opinions.from'), { required: true, placeholder: t('opinions.fromExample') })}
          {form.field('date', t('record.date'), { type: 'date' })}
          <label>
            {t('opinions.onRecommendation')}
            <select value={stand} onChange={(e) => setStand(e.target.value as OpinionStand)}>
              <option value="agrees">{t('opinions.stand', { stand: 'agrees' })}</option>
              <option value="partly">{t('opinions.stand', { stand: 'partly' })}</option>
              <option value="differs">{t('opinions.stand', { stand: 'differs' })}</option>
            </select>
          </label>
          {form.field('procedure', t('opinions.plan'))}
          {form.field('urgency', t('opinions.pointName', { key: 'urgency' }))}
          {form.field('risks', t('opinions.risks'), { multiline: true })}
          {form.field('alternatives', t('opinions.alternatives'), { multiline: true })}
          {form.field('summary', t('opinions.inShort'), { multiline: true })}
          <label>
            {t('opinions.letter')}
            <select value={form.values.document} onChange={(e) => form.setValues({ ...form.values, document: e.target.value })}>
              <option value="">{t('opinions.notInLibrary')}</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          <div className="panel-actions">
            <button type="submit" className="primary">
              {t('opinions.save')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t('opinions.record')}
        </button>
      )}
    </section>
  );
}
