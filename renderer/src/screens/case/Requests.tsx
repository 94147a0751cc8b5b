import { useState } from 'react';
import type { CaseDetails, RequestMethod, RequestState } from '../../../../shared/case-types.ts';
import { REQUEST_METHOD_LABELS, REQUEST_METHODS } from '../../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../../shared/ipc-contract.ts';
import { invoke } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { caller, useForm } from './form.tsx';
import { daysBetween, todayIso } from '../../../../shared/dates.ts';
import { isOverdue } from '../../../../shared/practice.ts';

export function Requests({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const form = useForm({ facility: '', what: '', askedOn: new Date().toISOString().slice(0, 10) });
  const [method, setMethod] = useState<RequestMethod>('portal');
  const call = caller(onError);
  const today = todayIso();
  return (
    <section className="case-section" aria-labelledby="requests-title">
      <h2 id="requests-title">Records asked for</h2>
      <ul className="requests">
        {details.requests.map((r) => {
          const days = daysBetween(r.askedOn, today);
          return (
            <li key={r.id}>
              <div>
                <strong>{r.facility}</strong>: {r.what}
                <small>
                  asked {formatDate(r.askedOn)} {REQUEST_METHOD_LABELS[r.method]}
                  {isOverdue(r, today) && <span className="reminder"> · {days} days ago: time to ask again</span>}
                  {r.documentIds.length > 0 && ` · came: ${r.documentIds.map((id) => documents.find((d) => d.id === id)?.title ?? `#${id}`).join(', ')}`}
                </small>
              </div>
              <select aria-label={`State of the request to ${r.facility}`} value={r.state} onChange={(e) => call(invoke('cases:set-request-state', r.id, e.target.value as RequestState))}>
                <option value="asked">Asked</option>
                <option value="received">Received</option>
                <option value="refused">Refused</option>
              </select>
              {r.state === 'received' && (
                <select
                  aria-label={`What came from ${r.facility}`}
                  value=""
                  onChange={(e) => e.target.value && call(invoke('cases:set-request-state', r.id, 'received', [Number(e.target.value)]))}
                >
                  <option value="">{r.documentIds.length ? `${r.documentIds.length} document(s) came; add one…` : 'Which document came?'}</option>
                  {documents
                    .filter((d) => !r.documentIds.includes(d.id))
                    .map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="case-form compact"
        aria-label="Ask for records"
        onSubmit={(e) => {
          e.preventDefault();
          call(invoke('cases:add-request', details.id, { ...form.values, method }).then(() => form.reset()));
        }}
      >
        {form.field('facility', 'From', { required: true, placeholder: 'Lakeshore Imaging' })}
        {form.field('what', 'What', { required: true, placeholder: 'MRI lumbar spine images on CD' })}
        {form.field('askedOn', 'Asked on', { type: 'date', required: true })}
        <label>
          How
          <select value={method} onChange={(e) => setMethod(e.target.value as RequestMethod)}>
            {REQUEST_METHODS.map((m) => (
              <option key={m} value={m}>
                {REQUEST_METHOD_LABELS[m][0]!.toUpperCase() + REQUEST_METHOD_LABELS[m].slice(1)}
              </option>
            ))}
          </select>
        </label>
        <div className="panel-actions">
          <button type="submit">Add the request</button>
        </div>
      </form>
    </section>
  );
}
