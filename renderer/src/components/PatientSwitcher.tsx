import type { Patient } from '../../../shared/library-types.ts';
import { formatDate } from '../format.ts';
import './PatientSwitcher.css';

/** Whose records are shown: an advocate switches between clients here. */
export function PatientSwitcher({ patients, patientId, onSelect, onAdd }: { patients: readonly Patient[]; patientId: number; onSelect: (id: number) => void; onAdd: () => void }) {
  return (
    <div className="patient-switcher">
      <label htmlFor="patient-select">Patient</label>
      <select
        id="patient-select"
        value={patientId}
        onChange={(e) => {
          if (e.target.value === 'add') onAdd();
          else onSelect(Number(e.target.value));
        }}
      >
        {patients.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.dateOfBirth ? ` (born ${formatDate(p.dateOfBirth)})` : ''}
          </option>
        ))}
        <option value="add">Add a patient…</option>
      </select>
    </div>
  );
}
