import { useState } from 'react';
import type { CaseDetails, Specialist, SubmissionMethod } from '../../../../shared/case-types.ts';
import { SUBMISSION_METHODS } from '../../../../shared/case-types.ts';
import { invoke } from '../../api.ts';
import { caller, orNull, useForm } from './form.tsx';
import { languageNames } from '../../../../shared/languages.ts';
import { LanguagesPicker } from '../../components/LanguageSelect.tsx';
import { useT } from '../../i18n/index.ts';

type SpecialistChange = { name: string; institution: string | null; accepts: SubmissionMethod | null; sizeLimitMb: number | null; reads: string[] };

/** A specialist as the form holds them: a new one (English read) or one being corrected. */
function SpecialistForm(props: { specialist?: Specialist; label: string; submit: string; onSave: (change: SpecialistChange) => Promise<unknown>; onCancel?: () => void }) {
  const { specialist, label, submit, onSave, onCancel } = props;
  const initial = { name: specialist?.name ?? '', institution: specialist?.institution ?? '', sizeLimitMb: specialist?.sizeLimitMb ? String(specialist.sizeLimitMb) : '' };
  const form = useForm(initial);
  const [accepts, setAccepts] = useState<SubmissionMethod | ''>(specialist?.accepts ?? '');
  const [reads, setReads] = useState<string[]>(specialist ? [...specialist.reads] : ['en']);
  const { t } = useT();
  const id = `specialist-${specialist?.id ?? 'new'}`;
  return (
    <form
      className="case-form compact"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({
          name: form.values.name,
          institution: orNull(form.values.institution),
          accepts: accepts || null,
          sizeLimitMb: form.values.sizeLimitMb ? Number(form.values.sizeLimitMb) : null,
          reads,
        }).then(() => {
          form.reset();
          setAccepts(specialist?.accepts ?? '');
          setReads(specialist ? [...specialist.reads] : ['en']);
        });
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
      <div className="field wide">
        <label htmlFor={`${id}-reads`} id={`${id}-reads-label`}>
          {t('specialists.reads')}
        </label>
        <LanguagesPicker id={`${id}-reads`} labelledBy={`${id}-reads-label`} value={reads} onChange={setReads} min={1} describedBy={`${id}-reads-how`} />
        <small className="hint" id={`${id}-reads-how`}>
          {t('specialists.readsHow')}
        </small>
      </div>
      <div className="panel-actions">
        <button type="submit">{submit}</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function Specialists({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const [editing, setEditing] = useState<number | null>(null);
  const call = caller(onError);
  const { t, language } = useT();
  /** Runs a change, reporting its failure; resolves only when it was made (a form keeps what was typed otherwise). */
  const save = (p: Promise<unknown>) =>
    new Promise<void>((resolve) => {
      call(p.then(() => resolve()));
    });
  return (
    <section className="case-section" aria-labelledby="specialists-title">
      <h2 id="specialists-title">{t('specialists.title')}</h2>
      <ul className="requests">
        {details.specialists.map((sp) =>
          editing === sp.id ? (
            <li key={sp.id}>
              <SpecialistForm
                specialist={sp}
                label={t('specialists.editWhose', { name: sp.name })}
                submit={t('common.save')}
                onSave={(change) => save(invoke('cases:update-specialist', details.id, sp.id, change)).then(() => setEditing(null))}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={sp.id}>
              <div>
                <strong>{sp.name}</strong>
                {sp.institution ? t('specialists.institution', { institution: sp.institution }) : null}
                <small>
                  {[
                    t('specialists.accepts', { accepts: sp.accepts ?? 'unknown' }),
                    ...(sp.sizeLimitMb ? [t('specialists.limit', { mb: sp.sizeLimitMb })] : []),
                    t('specialists.readsIn', { languages: languageNames(sp.reads, language) }),
                  ].join(' · ')}
                </small>
              </div>
              <div className="row-actions">
                <button type="button" className="small" onClick={() => setEditing(sp.id)}>
                  {t('record.edit')}
                  <span className="visually-hidden"> {sp.name}</span>
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    if (window.confirm(t('specialists.confirmRemove', { name: sp.name }))) call(invoke('cases:remove-specialist', details.id, sp.id));
                  }}
                >
                  {t('record.remove')}
                  <span className="visually-hidden"> {sp.name}</span>
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <SpecialistForm label={t('specialists.add')} submit={t('specialists.addButton')} onSave={(change) => save(invoke('cases:add-specialist', details.id, change))} />
    </section>
  );
}
