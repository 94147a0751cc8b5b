import { useState } from 'react';
import type { CaseDetails, SubmissionMethod } from '../../../../shared/case-types.ts';
import { SUBMISSION_METHOD_LABELS, SUBMISSION_METHODS } from '../../../../shared/case-types.ts';
import { invoke } from '../../api.ts';
import { caller, orNull, useForm } from './form.tsx';
import { languageNames } from '../../../../shared/languages.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';

export function Specialists({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const form = useForm({ name: '', institution: '', sizeLimitMb: '' });
  const [accepts, setAccepts] = useState<SubmissionMethod | ''>('');
  const [reads, setReads] = useState('en');
  const [alsoEnglish, setAlsoEnglish] = useState(true);
  const call = caller(onError);
  return (
    <section className="case-section" aria-labelledby="specialists-title">
      <h2 id="specialists-title">Specialists asked</h2>
      <ul className="requests">
        {details.specialists.map((sp) => (
          <li key={sp.id}>
            <div>
              <strong>{sp.name}</strong>
              {sp.institution ? `, ${sp.institution}` : ''}
              <small>
                {sp.accepts ? `takes records as ${SUBMISSION_METHOD_LABELS[sp.accepts]}` : 'how they take records: not known yet'}
                {sp.sizeLimitMb ? ` · up to ${sp.sizeLimitMb} MB` : ''}
                {sp.reads.join(' ') !== 'en' ? ` · reads records in ${languageNames(sp.reads)}` : ''}
              </small>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="case-form compact"
        aria-label="Add a specialist"
        onSubmit={(e) => {
          e.preventDefault();
          call(
            invoke('cases:add-specialist', details.id, {
              name: form.values.name,
              institution: orNull(form.values.institution),
              accepts: accepts || null,
              sizeLimitMb: form.values.sizeLimitMb ? Number(form.values.sizeLimitMb) : null,
              reads: reads === 'en' || !alsoEnglish ? [reads] : [reads, 'en'],
            }).then(() => {
              form.reset();
              setAccepts('');
              setReads('en');
            }),
          );
        }}
      >
        {form.field('name', 'Name', { required: true, placeholder: 'Ana Ruiz, MD' })}
        {form.field('institution', 'Institution')}
        <label>
          Takes records as
          <select value={accepts} onChange={(e) => setAccepts(e.target.value as SubmissionMethod | '')}>
            <option value="">Not known</option>
            {SUBMISSION_METHODS.map((m) => (
              <option key={m} value={m}>
                {SUBMISSION_METHOD_LABELS[m][0]!.toUpperCase() + SUBMISSION_METHOD_LABELS[m].slice(1)}
              </option>
            ))}
          </select>
        </label>
        {form.field('sizeLimitMb', 'Size limit (MB)', { type: 'number' })}
        <label>
          Their centre reads records in
          <LanguageSelect id="specialist-reads" value={reads} onChange={setReads} />
        </label>
        {reads !== 'en' && (
          <label className="inline-check">
            <input type="checkbox" checked={alsoEnglish} onChange={(e) => setAlsoEnglish(e.target.checked)} /> and in English
          </label>
        )}
        <div className="panel-actions">
          <button type="submit">Add the specialist</button>
        </div>
      </form>
    </section>
  );
}
