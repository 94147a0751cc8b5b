import { useEffect, useRef } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import { PatientForm } from './PatientForm.tsx';
import { useT } from '../i18n/index.ts';

/** A modal dialog to add another person (an advocate keeps many). */
export function AddPatientDialog({ onAdded, onClose }: { onAdded: (p: Patient) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useT();
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="add-patient-title" onClose={onClose} onCancel={onClose}>
      <h2 id="add-patient-title">{t('addPatient.title')}</h2>
      <PatientForm onAdded={onAdded} submitLabel={t('addPatient.add')} autoFocus />
      <button type="button" className="link" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </dialog>
  );
}
