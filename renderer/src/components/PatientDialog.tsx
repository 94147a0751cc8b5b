import { useEffect, useRef, useState } from 'react';
import type { NameVariant, Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate } from '../format.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { useT } from '../i18n/index.ts';
import './PatientDialog.css';

interface Props {
  readonly patient: Patient;
  readonly patients: readonly Patient[];
  readonly onClose: () => void;
  readonly onCorrected: (message: string) => void;
}

/**
 * A patient's details, corrected: name, date of birth, how a specialist reaches them, the other names
 * they go by (kept when they say a document naming them that way is theirs); and merging two records
 * of one person.
 */
export function PatientDialog({ patient, patients, onClose, onCorrected }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(patient.name);
  const [dob, setDob] = useState(patient.dateOfBirth ?? '');
  const [contact, setContact] = useState(patient.contact);
  const [language, setLanguage] = useState(patient.language ?? '');
  const [interpreter, setInterpreter] = useState(patient.interpreter);
  const [mergeFrom, setMergeFrom] = useState<number | ''>('');
  const [variants, setVariants] = useState<readonly NameVariant[]>([]);
  useEffect(() => {
    void invoke('patients:name-variants', patient.id).then(setVariants, () => setVariants([]));
  }, [patient.id]);
  const [error, setError] = useState<string | null>(null);
  const { t } = useT();
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  const others = patients.filter((p) => p.id !== patient.id);
  const save = () =>
    void invoke('patients:edit', patient.id, { name, dateOfBirth: dob || null, contact, language: language || null, interpreter }).then(
      (p) => {
        onCorrected(t('patientDialog.saved', { name: p.name }));
        onClose();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  const merge = () => {
    const other = others.find((p) => p.id === mergeFrom);
    if (!other) return;
    void invoke('patients:merge', other.id, patient.id).then(
      () => {
        onCorrected(t('patientDialog.merged', { from: other.name, into: patient.name }));
        onClose();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };
  return (
    <dialog ref={ref} className="modal patient-dialog" aria-labelledby="patient-dialog-title" onClose={onClose} onCancel={onClose}>
      <h2 id="patient-dialog-title">{t('patientDialog.title', { name: patient.name })}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor="patient-name">{t('patientDialog.name')}</label>
        <input id="patient-name" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
        <label htmlFor="patient-dob">{t('patientForm.dateOfBirth')}</label>
        <input id="patient-dob" type="date" value={dob} onChange={(e) => setDob(e.target.value)} />
        <label htmlFor="patient-contact">{t('patientDialog.contact')}</label>
        <textarea id="patient-contact" rows={2} value={contact} onChange={(e) => setContact(e.target.value)} />
        <label htmlFor="patient-language">{t('patientDialog.language')}</label>
        <LanguageSelect id="patient-language" value={language} onChange={setLanguage} notSaid={t('patientDialog.notSaid')} />
        <label className="inline-check">
          <input type="checkbox" checked={interpreter} onChange={(e) => setInterpreter(e.target.checked)} /> {t('patientDialog.interpreter')}
        </label>
        {patient.otherNames.length > 0 && <p className="hint">{t('patientDialog.otherNames', { names: patient.otherNames.join(', ') })}</p>}
        {variants.length > 0 && (
          <div className="name-variants">
            <p className="hint">{t('patientDialog.variants')}</p>
            <ul>
              {variants.map((v) => (
                <li key={v.name}>
                  <bdi>{v.name}</bdi> · {t('patientDialog.variant', { documents: v.documents, otherScript: v.otherScript ? 'yes' : 'no' })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('patientDialog.save')}
          </button>
          <button type="button" className="link" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      {others.length > 0 && (
        <section className="merge" aria-labelledby="merge-title">
          <h3 id="merge-title">{t('patientDialog.mergeTitle')}</h3>
          <p className="hint">{t('patientDialog.mergeHint', { name: patient.name })}</p>
          <label htmlFor="merge-from">{t('patientDialog.mergeInto', { name: patient.name })}</label>
          <select id="merge-from" value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value ? Number(e.target.value) : '')}>
            <option value="">{t('patientDialog.choose')}</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {t('patientDialog.option', { name: p.name, born: p.dateOfBirth ? 'yes' : 'no', date: p.dateOfBirth ? formatDate(p.dateOfBirth) : '', documents: p.documentCount })}
              </option>
            ))}
          </select>
          <button type="button" onClick={merge} disabled={mergeFrom === ''}>
            {t('patientDialog.merge')}
          </button>
        </section>
      )}
    </dialog>
  );
}
