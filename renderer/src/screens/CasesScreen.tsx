import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Specialty } from '../../../shared/case-types.ts';
import { CASE_STATUS_LABELS, SPECIALTIES, SPECIALTY_LABELS } from '../../../shared/case-types.ts';
import type { Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate } from '../format.ts';
import { useLoaded } from '../loaded.ts';
import { routeHash } from '../route.ts';
import type { Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import './CasesScreen.css';

/** A patient's cases, and a new one: a title, the specialty, the condition. */
export function CasesScreen({ patient, libraryVersion, navigate, onError }: { patient: Patient; libraryVersion: number; navigate: (r: Route) => void; onError: (m: string) => void }) {
  const cases = useLoaded(() => invoke('cases:list', patient.id), [patient.id, libraryVersion, onError], onError);
  const [form, setForm] = useState<{ title: string; specialty: Specialty | ''; condition: string }>({ title: '', specialty: '', condition: '' });
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.specialty) return;
    try {
      const created = await invoke('cases:create', patient.id, { title: form.title, specialty: form.specialty, condition: form.condition || null });
      navigate({ name: 'case', id: created.id });
    } catch (e) {
      onError(messageOf(e));
    }
  };

  return (
    <div className="record-screen">
      <ScreenHeader
        back={{ href: '#/', label: 'Library' }}
        title={`${patient.name}’s cases`}
        subtitle="A case is one decision to be reviewed: the recommendation, the records behind it, your questions, the opinions that come back."
      />
      <main className="record-body" aria-label="Cases">
        {cases === null ? (
          <p role="status">Loading…</p>
        ) : (
          <ul className="case-list">
            {cases.map((c) => (
              <li key={c.id}>
                <a href={routeHash({ name: 'case', id: c.id })} className="case-card">
                  <strong>{c.title}</strong>
                  <span>
                    {SPECIALTY_LABELS[c.specialty]} · {CASE_STATUS_LABELS[c.status]} · started {formatDate(c.createdAt.slice(0, 10))}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
        <form className="new-case" onSubmit={(e) => void create(e)} aria-labelledby="new-case-title">
          <h2 id="new-case-title">{cases?.length ? 'Start another case' : 'Start a case'}</h2>
          <label>
            What is to be decided
            <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} placeholder="e.g. Recommended L4-L5 spinal fusion" required />
          </label>
          <label>
            Specialty
            <select value={form.specialty} onChange={(e) => setForm({ ...form, specialty: e.target.value as Specialty })} required>
              <option value="" disabled>
                Choose…
              </option>
              {SPECIALTIES.map((s) => (
                <option key={s} value={s}>
                  {SPECIALTY_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Condition or diagnosis <span className="hint">(if known)</span>
            <input value={form.condition} onChange={(e) => setForm({ ...form, condition: e.target.value })} placeholder="e.g. Degenerative spondylolisthesis" />
          </label>
          <button type="submit" className="primary">
            Start the case
          </button>
        </form>
      </main>
    </div>
  );
}
