import type { Patient } from '../../../shared/library-types.ts';
import { PatientForm } from '../components/PatientForm.tsx';
import { useT } from '../i18n/index.ts';
import './Welcome.css';

/** First run: what Casebinder does, and the first person whose records it will keep. */
export function Welcome({ onCreated }: { onCreated: (p: Patient) => void }) {
  const { t } = useT();
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <h1 id="welcome-title">{t('welcome.title')}</h1>
        <p className="lead">{t('welcome.lead')}</p>
        <h2>{t('welcome.whose')}</h2>
        <p>{t('welcome.start')}</p>
        <PatientForm onAdded={onCreated} submitLabel={t('welcome.continue')} autoFocus />
      </div>
    </main>
  );
}
