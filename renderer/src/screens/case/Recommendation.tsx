import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { CaseDetails, Recommendation } from '../../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../../shared/ipc-contract.ts';
import { invoke, messageOf } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
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
  const { t } = useT();
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
    <form className="case-form" onSubmit={(e) => void submit(e)} aria-label={t('recommendation.title')}>
      {form.field('procedure', t('recommendation.procedure'), { required: true, placeholder: t('recommendation.procedureExample') })}
      {form.field('clinician', t('recommendation.by'), { required: true, placeholder: t('recommendation.byExample') })}
      {form.field('facility', t('recommendation.where'))}
      {form.field('date', t('recommendation.when'), { type: 'date' })}
      {form.field('urgency', t('recommendation.urgencyStated'), { placeholder: t('recommendation.urgencyExample') })}
      {!editing && <label>
        {t('recommendation.writtenWhere')}
        <select value={form.values.document} onChange={(e) => form.setValues({ ...form.values, document: e.target.value })}>
          <option value="">{t('recommendation.noDocument')}</option>
          {letters.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
              {(d.dateOfService ?? d.suggested.dateOfService) ? ' (' + formatDate(d.dateOfService ?? d.suggested.dateOfService) + ')' : ''}
            </option>
          ))}
        </select>
      </label>}
      {form.field('reasons', t('recommendation.reasons'), { multiline: true })}
      {form.field('risks', t('recommendation.risks'), { multiline: true })}
      {form.field('alternatives', t('recommendation.alternatives'), { multiline: true })}
      <div className="panel-actions">
        <button type="submit" className="primary">
          {t('recommendation.save')}
        </button>
        {editing && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
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
  const { t } = useT();
  return (
    <section className="case-section" aria-labelledby="recommendation-title">
      <h2 id="recommendation-title">{t('recommendation.title')}</h2>
      {details.recommendations.map((r) =>
        editing === r.id ? (
          <RecommendationForm key={r.id} caseId={details.id} patientId={patientId} editing={r} onDone={() => setEditing(null)} onError={onError} />
        ) : (
        <dl key={r.id} className="recommendation">
          <dt>{t('recommendation.recommended')}</dt>
          <dd>
            <strong>{r.procedure}</strong>
          </dd>
          <dt>{t('recommendation.byShort')}</dt>
          <dd>{[r.clinician, r.facility, r.date ? formatDate(r.date) : null].filter(Boolean).join(', ')}</dd>
          {r.urgency && (
            <>
              <dt>{t('opinions.pointName', { key: 'urgency' })}</dt>
              <dd>{r.urgency}</dd>
            </>
          )}
          {r.reasons && (
            <>
              <dt>{t('recommendation.reasons')}</dt>
              <dd>{r.reasons}</dd>
            </>
          )}
          {r.risks && (
            <>
              <dt>{t('recommendation.risks')}</dt>
              <dd>{r.risks}</dd>
            </>
          )}
          {r.alternatives && (
            <>
              <dt>{t('recommendation.alternatives')}</dt>
              <dd>{r.alternatives}</dd>
            </>
          )}
          <dd className="recommendation-actions">
            <button type="button" className="small" onClick={() => setEditing(r.id)}>
              {t('record.edit')}
            </button>{' '}
            <button
              type="button"
              className="small"
              onClick={() => {
                if (window.confirm(t('recommendation.confirmRemove', { procedure: r.procedure }))) {
                  void invoke('cases:remove-recommendation', details.id, r.id).catch((e: unknown) => onError(messageOf(e)));
                }
              }}
            >
              {t('recommendation.remove')}
            </button>
          </dd>
          {r.documentIds.length > 0 && (
            <>
              <dt>{t('recommendation.writtenIn')}</dt>
              <dd>
                {r.documentIds.map((id) => (
                  <a key={id} href={routeHash({ name: 'document', id })}>
                    {documents.find((d) => d.id === id)?.title ?? t('recommendation.documentNumber', { id })}
                  </a>
                ))}
              </dd>
            </>
          )}
        </dl>
        ),
      )}
      {waiting ? (
        <p role="status">{t('recommendation.adding')}</p>
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
          {t('recommendation.another')}
        </button>
      )}
    </section>
  );
}
