import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CaseDetails, OpinionStand, Recommendation } from '../../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../../shared/ipc-contract.ts';
import { invoke, messageOf } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { routeHash } from '../../route.ts';
import { orNull, useForm } from './form.tsx';

const POINTS = [
  ['procedure', 'Procedure or treatment'],
  ['urgency', 'Urgency'],
  ['risks', 'Risks'],
  ['alternatives', 'Alternatives'],
] as const;

export function Opinions({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const form = useForm({ by: '', date: '', summary: '', procedure: '', urgency: '', risks: '', alternatives: '', document: '' });
  const [stand, setStand] = useState<OpinionStand>('agrees');
  const [open, setOpen] = useState(false);
  const original: Recommendation | undefined = details.recommendations[0];
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
      <h2 id="opinions-title">Opinions</h2>
      {details.opinions.length > 0 && original && (
        <div className="compare" tabIndex={0} role="region" aria-label="The recommendation and the opinions, point by point">
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Point</span>
                </th>
                <th scope="col">
                  Under review: {original.clinician}
                  {original.date ? ` (${formatDate(original.date)})` : ''}
                </th>
                {details.opinions.map((o) => (
                  <th scope="col" key={o.id}>
                    {o.documentId ? <a href={routeHash({ name: 'document', id: o.documentId })}>{o.by}</a> : o.by}
                    {o.date ? ` (${formatDate(o.date)})` : ''}
                    <span className={`stand stand-${o.stand}`}>{o.stand === 'agrees' ? 'Agrees' : o.stand === 'differs' ? 'Differs' : 'Partly agrees'}</span>
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        if (window.confirm(`Remove the opinion of ${o.by}?`)) void invoke('cases:remove-opinion', details.id, o.id).catch((e: unknown) => onError(messageOf(e)));
                      }}
                    >
                      Remove<span className="visually-hidden"> the opinion of {o.by}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {POINTS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{original[key] ?? '—'}</td>
                  {details.opinions.map((o) => (
                    <td key={o.id} className={o[key] && o[key] !== original[key] ? 'differs' : ''}>
                      {o[key] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">In short</th>
                <td>{original.reasons ?? '—'}</td>
                {details.opinions.map((o) => (
                  <td key={o.id}>{o.summary || '—'}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {details.opinions.length === 0 && <p className="empty">No opinion recorded yet.</p>}
      {open ? (
        <form className="case-form" onSubmit={(e) => void submit(e)} aria-label="An opinion received">
          {form.field('by', 'From', { required: true, placeholder: 'Dr Ana Ruiz, University Spine Center' })}
          {form.field('date', 'Date', { type: 'date' })}
          <label>
            On the recommendation
            <select value={stand} onChange={(e) => setStand(e.target.value as OpinionStand)}>
              <option value="agrees">Agrees</option>
              <option value="partly">Partly agrees</option>
              <option value="differs">Differs</option>
            </select>
          </label>
          {form.field('procedure', 'Their recommended plan')}
          {form.field('urgency', 'Urgency')}
          {form.field('risks', 'Risks they mention', { multiline: true })}
          {form.field('alternatives', 'Alternatives they mention', { multiline: true })}
          {form.field('summary', 'In short', { multiline: true })}
          <label>
            Their letter
            <select value={form.values.document} onChange={(e) => form.setValues({ ...form.values, document: e.target.value })}>
              <option value="">Not in the library yet</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          <div className="panel-actions">
            <button type="submit" className="primary">
              Save the opinion
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Record an opinion…
        </button>
      )}
    </section>
  );
}
