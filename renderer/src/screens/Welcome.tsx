import type { Patient } from '../../../shared/library-types.ts';
import { PatientForm } from '../components/PatientForm.tsx';
import './Welcome.css';

/** First run: what Casebinder does, and the first person whose records it will keep. */
export function Welcome({ onCreated }: { onCreated: (p: Patient) => void }) {
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <h1 id="welcome-title">Welcome to Casebinder</h1>
        <p className="lead">
          Gather the records a specialist needs for a second opinion: reports, scans, lab results, letters and the surgeon’s
          recommendation. Everything stays on this computer until you choose to export it.
        </p>
        <h2>Whose records are these?</h2>
        <p>Start with one person. An advocate can add more people later.</p>
        <PatientForm onAdded={onCreated} submitLabel="Continue" autoFocus />
      </div>
    </main>
  );
}
