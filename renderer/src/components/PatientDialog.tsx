import { useEffect, useRef, useState } from 'react';
import type { NameVariant, Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate } from '../format.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
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
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  const others = patients.filter((p) => p.id !== patient.id);
  const save = () =>
    void invoke('patients:edit', patient.id, { name, dateOfBirth: dob || null, contact, language: language || null, interpreter }).then(
      (p) => {
        onCorrected(`Saved ${p.name}’s details.`);
        onClose();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  const merge = () => {
    const other = others.find((p) => p.id === mergeFrom);
    if (!other) return;
    void invoke('patients:merge', other.id, patient.id).then(
      () => {
        onCorrected(`Merged ${other.name} into ${patient.name}: their documents, cases and records are ${patient.name}’s now.`);
        onClose();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };
  return (
    <dialog ref={ref} className="modal patient-dialog" aria-labelledby="patient-dialog-title" onClose={onClose} onCancel={onClose}>
      <h2 id="patient-dialog-title">{patient.name}’s details</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor="patient-name">Name</label>
        <input id="patient-name" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
        <label htmlFor="patient-dob">Date of birth</label>
        <input id="patient-dob" type="date" value={dob} onChange={(e) => setDob(e.target.value)} />
        <label htmlFor="patient-contact">How a specialist reaches them (printed on the packet’s cover)</label>
        <textarea id="patient-contact" rows={2} value={contact} onChange={(e) => setContact(e.target.value)} />
        <label htmlFor="patient-language">Language they prefer to speak (printed on the packet’s cover)</label>
        <LanguageSelect id="patient-language" value={language} onChange={setLanguage} notSaid="Not said" />
        <label className="inline-check">
          <input type="checkbox" checked={interpreter} onChange={(e) => setInterpreter(e.target.checked)} /> Needs an interpreter at appointments
        </label>
        {patient.otherNames.length > 0 && <p className="hint">Other names in their records: {patient.otherNames.join(', ')}.</p>}
        {variants.length > 0 && (
          <div className="name-variants">
            <p className="hint">How their documents write their name:</p>
            <ul>
              {variants.map((v) => (
                <li key={v.name}>
                  <bdi>{v.name}</bdi> · {v.documents === 1 ? '1 document' : `${v.documents} documents`}
                  {v.otherScript ? ' · in another script, read as a likely match' : ''}
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
            Save
          </button>
          <button type="button" className="link" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
      {others.length > 0 && (
        <section className="merge" aria-labelledby="merge-title">
          <h3 id="merge-title">Two records of one person?</h3>
          <p className="hint">Merging moves the other record’s documents, cases, lab values and lists here; its name becomes one of {patient.name}’s other names. It can be undone until the trash is emptied.</p>
          <label htmlFor="merge-from">Merge into {patient.name}</label>
          <select id="merge-from" value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value ? Number(e.target.value) : '')}>
            <option value="">Choose a patient…</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.dateOfBirth ? ` (born ${formatDate(p.dateOfBirth)})` : ''} · {p.documentCount} documents
              </option>
            ))}
          </select>
          <button type="button" onClick={merge} disabled={mergeFrom === ''}>
            Merge
          </button>
        </section>
      )}
    </dialog>
  );
}
