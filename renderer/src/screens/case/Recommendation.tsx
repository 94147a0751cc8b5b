import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { CaseDetails, Recommendation } from '../../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../../shared/ipc-contract.ts';
import { invoke, messageOf } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useLoaded } from '../../loaded.ts';
import { routeHash } from '../../route.ts';
import { orNull, useForm } from './form.tsx';

function RecommendationForm({
  caseId,
  patientId,
  editing,
  onDone,
  onError,
}: {
  caseId: number;
  patientId: number;
  /** The recommendation being corrected; a new one when absent. */
  editing?: Recommendation;
  onDone: () => void;
  onError: (m: string) => void;
}) {
  const form = useForm({
    clinician: editing?.clinician ?? '',
    facility: editing?.facility ?? '',
    date: editing?.date ?? '',
    procedure: editing?.procedure ?? '',
    urgency: editing?.urgency ?? '',
    reasons: editing?.reasons ?? '',
    risks: editing?.risks ?? '',
    alternatives: editing?.alternatives ?? '',
    document: '',
  });
  const letters = useLoaded(() => invoke('documents:list', { patientId, types: ['recommendation', 'consult-note', 'operative-note'] }), [patientId, onError], onError) ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const fields = {
      clinician: v.clinician,
      facility: orNull(v.facility),
      date: orNull(v.date),
      procedure: v.procedure,
      urgency: orNull(v.urgency),
      reasons: orNull(v.reasons),
      risks: orNull(v.risks),
      alternatives: orNull(v.alternatives),
    };
    try {
      if (editing) await invoke('cases:update-recommendation', caseId, editing.id, fields);
      else await invoke('cases:add-recommendation', caseId, { ...fields, documentIds: v.document ? [Number(v.document)] : [] });
      // The form goes away once saved (it is not blanked first: a blank form reads as nothing saved).
      onDone();
    } catch (e) {
      onError(messageOf(e));
    }
  };
  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} aria-label="The recommendation under review">
      {form.field('procedure', 'Recommended procedure or treatment', { required: true, placeholder: 'L4-L5 posterior lumbar fusion' })}
      {form.field('clinician', 'Recommended by', { required: true, placeholder: 'Daniel Whitaker, MD' })}
      {form.field('facility', 'Where')}
      {form.field('date', 'When', { type: 'date' })}
      {form.field('urgency', 'Urgency, as stated', { placeholder: 'within 6 weeks' })}
      {!editing && <label>
        Where it is written
        <select value={form.values.document} onChange={(e) => form.setValues({ ...form.values, document: e.target.value })}>
          <option value="">No document yet</option>
          {letters.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
              {(d.dateOfService ?? d.suggested.dateOfService) ? ` (${formatDate(d.dateOfService ?? d.suggested.dateOfService)})` : ''}
            </option>
          ))}
        </select>
      </label>}
      {form.field('reasons', 'Reasons given', { multiline: true })}
      {form.field('risks', 'Risks mentioned', { multiline: true })}
      {form.field('alternatives', 'Alternatives mentioned', { multiline: true })}
      <div className="panel-actions">
        <button type="submit" className="primary">
          Save the recommendation
        </button>
        {editing && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The recommendation under review (or several): what, by whom, why, with its risks and alternatives; corrected or added here. */
export function Recommendations({ details, patientId, documents, onError }: { details: CaseDetails; patientId: number; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  // Saved, until the case comes back holding it: the form must not stand there again, blank, meanwhile
  // (on a large case that reload is noticeable, and a blank form reads as "nothing was saved").
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const count = details.recommendations.length;
  useEffect(() => setSavedAt(null), [count]);
  const waiting = savedAt !== null && savedAt === count;
  return (
    <section className="case-section" aria-labelledby="recommendation-title">
      <h2 id="recommendation-title">The recommendation under review</h2>
      {details.recommendations.map((r) =>
        editing === r.id ? (
          <RecommendationForm key={r.id} caseId={details.id} patientId={patientId} editing={r} onDone={() => setEditing(null)} onError={onError} />
        ) : (
        <dl key={r.id} className="recommendation">
          <dt>Recommended</dt>
          <dd>
            <strong>{r.procedure}</strong>
          </dd>
          <dt>By</dt>
          <dd>
            {r.clinician}
            {r.facility ? `, ${r.facility}` : ''}
            {r.date ? `, ${formatDate(r.date)}` : ''}
          </dd>
          {r.urgency && (
            <>
              <dt>Urgency</dt>
              <dd>{r.urgency}</dd>
            </>
          )}
          {r.reasons && (
            <>
              <dt>Reasons given</dt>
              <dd>{r.reasons}</dd>
            </>
          )}
          {r.risks && (
            <>
              <dt>Risks mentioned</dt>
              <dd>{r.risks}</dd>
            </>
          )}
          {r.alternatives && (
            <>
              <dt>Alternatives mentioned</dt>
              <dd>{r.alternatives}</dd>
            </>
          )}
          <dd className="recommendation-actions">
            <button type="button" className="small" onClick={() => setEditing(r.id)}>
              Edit
            </button>{' '}
            <button
              type="button"
              className="small"
              onClick={() => {
                if (window.confirm(`Remove the recommendation "${r.procedure}" from this case?`)) {
                  void invoke('cases:remove-recommendation', details.id, r.id).catch((e: unknown) => onError(messageOf(e)));
                }
              }}
            >
              Remove this recommendation
            </button>
          </dd>
          {r.documentIds.length > 0 && (
            <>
              <dt>Written in</dt>
              <dd>
                {r.documentIds.map((id) => (
                  <a key={id} href={routeHash({ name: 'document', id })}>
                    {documents.find((d) => d.id === id)?.title ?? `Document #${id}`}
                  </a>
                ))}
              </dd>
            </>
          )}
        </dl>
        ),
      )}
      {waiting ? (
        <p role="status">Saved. Adding it to the case…</p>
      ) : adding || count === 0 ? (
        <RecommendationForm
          caseId={details.id}
          patientId={patientId}
          onDone={() => {
            setAdding(false);
            setSavedAt(count);
          }}
          onError={onError}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add another recommendation…
        </button>
      )}
    </section>
  );
}
