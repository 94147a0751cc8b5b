import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { useT } from '../i18n/index.ts';
import './PatientForm.css';

/** Name and date of birth of a person whose records the library will keep. */
export function PatientForm({ onAdded, submitLabel, autoFocus }: { onAdded: (p: Patient) => void; submitLabel: string; autoFocus?: boolean }) {
  const id = useId();
  const [name, setName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useT();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onAdded(await invoke('patients:add', { name, dateOfBirth: dateOfBirth || null }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="patient-form" onSubmit={(e) => void submit(e)} aria-describedby={error ? `${id}-error` : undefined}>
      <label htmlFor={`${id}-name`}>{t('patientForm.name')}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="name" autoFocus={autoFocus} />
      <label htmlFor={`${id}-dob`}>
        {t('patientForm.dateOfBirth')} <span className="hint">{t('patientForm.dateOfBirthHint')}</span>
      </label>
      <input id={`${id}-dob`} type="date" value={dateOfBirth} max={new Date().toISOString().slice(0, 10)} onChange={(e) => setDateOfBirth(e.target.value)} />
      {error && (
        <p className="form-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !name.trim()}>
        {submitLabel}
      </button>
    </form>
  );
}
