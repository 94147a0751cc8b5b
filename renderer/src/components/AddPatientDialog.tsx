import { useEffect, useRef } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import { PatientForm } from './PatientForm.tsx';

/** A modal dialog to add another person (an advocate keeps many). */
export function AddPatientDialog({ onAdded, onClose }: { onAdded: (p: Patient) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="add-patient-title" onClose={onClose} onCancel={onClose}>
      <h2 id="add-patient-title">Add a patient</h2>
      <PatientForm onAdded={onAdded} submitLabel="Add patient" autoFocus />
      <button type="button" className="link" onClick={onClose}>
        Cancel
      </button>
    </dialog>
  );
}
