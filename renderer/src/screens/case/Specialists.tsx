import { useState } from 'react';
import type { CaseDetails, SubmissionMethod } from '../../../../shared/case-types.ts';
import { SUBMISSION_METHODS } from '../../../../shared/case-types.ts';
import { invoke } from '../../api.ts';
import { caller, orNull, useForm } from './form.tsx';
import { languageNames } from '../../../../shared/languages.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { useT } from '../../i18n/index.ts';

export function Specialists({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const form = useForm({ name: '', institution: '', sizeLimitMb: '' });
  const [accepts, setAccepts] = useState<SubmissionMethod | ''>('');
  const [reads, setReads] = useState('en');
  const [alsoEnglish, setAlsoEnglish] = useState(true);
  const call = caller(onError);
  const { t, language } = useT();
  return (
    <section className="case-section" aria-labelledby="specialists-title">
      <h2 id="specialists-title">{t('specialists.title')}</h2>
      <ul className="requests">
        {details.specialists.map((sp) => (
          <li key={sp.id}>
            <div>
              <strong>{sp.name}</strong>
              {sp.institution ? t('specialists.institution', { institution: sp.institution }) : null}
              <small>
                {[
                  t('specialists.accepts', { accepts: sp.accepts ?? 'unknown' }),
                  ...(sp.sizeLimitMb ? [t('specialists.limit', { mb: sp.sizeLimitMb })] : []),
                  ...(sp.reads.join(' ') !== 'en' ? [t('specialists.readsIn', { languages: languageNames(sp.reads, language) })] : []),
                ].join(' · ')}
              </small>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="case-form compact"
        aria-label={t('specialists.add')}
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
        {form.field('name', t('specialists.name'), { required: true, placeholder: 'Ana Ruiz, MD' })}
        {form.field('institution', t('specialists.institutionLabel'))}
        <label>
          {t('specialists.takes')}
          <select value={accepts} onChange={(e) => setAccepts(e.target.value as SubmissionMethod | '')}>
            <option value="">{t('specialists.notKnown')}</option>
            {SUBMISSION_METHODS.map((m) => (
              <option key={m} value={m}>
                {t('specialists.method', { method: m })}
              </option>
            ))}
          </select>
        </label>
        {form.field('sizeLimitMb', t('specialists.sizeLimit'), { type: 'number' })}
        <label>
          {t('specialists.reads')}
          <LanguageSelect id="specialist-reads" value={reads} onChange={setReads} />
        </label>
        {reads !== 'en' && (
          <label className="inline-check">
            <input type="checkbox" checked={alsoEnglish} onChange={(e) => setAlsoEnglish(e.target.checked)} /> {t('specialists.alsoEnglish')}
          </label>
        )}
        <div className="panel-actions">
          <button type="submit">{t('specialists.addButton')}</button>
        </div>
      </form>
    </section>
  );
}
