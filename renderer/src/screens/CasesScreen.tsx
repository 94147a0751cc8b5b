import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Specialty } from '../../../shared/case-types.ts';
import { SPECIALTIES } from '../../../shared/case-types.ts';
import type { Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate } from '../format.ts';
import { useLoaded } from '../loaded.ts';
import { routeHash } from '../route.ts';
import type { Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useT } from '../i18n/index.ts';
import './CasesScreen.css';

/** A patient's cases, and a new one: a title, the specialty, the condition. */
export function CasesScreen({ patient, libraryVersion, navigate, onError }: { patient: Patient; libraryVersion: number; navigate: (r: Route) => void; onError: (m: string) => void }) {
  const cases = useLoaded(() => invoke('cases:list', patient.id), [patient.id, libraryVersion, onError], onError);
  const [form, setForm] = useState<{ title: string; specialty: Specialty | ''; condition: string }>({ title: '', specialty: '', condition: '' });
  const { t } = useT();
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
        back={{ href: '#/', label: t('trash.library') }}
        title={t('cases.title', { name: patient.name })}
        subtitle={t('cases.subtitle')}
      />
      <main className="record-body" aria-label={t('library.cases')}>
        {cases === null ? (
          <p role="status">{t('cases.loading')}</p>
        ) : (
          <ul className="case-list">
            {cases.map((c) => (
              <li key={c.id}>
                <a href={routeHash({ name: 'case', id: c.id })} className="case-card">
                  <strong>{c.title}</strong>
                  <span>
                    {t('cases.card', { specialty: t(`specialty.${c.specialty}`), status: t(`status.${c.status}`), started: formatDate(c.createdAt.slice(0, 10)) })}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
        <form className="new-case" onSubmit={(e) => void create(e)} aria-labelledby="new-case-title">
          <h2 id="new-case-title">{cases?.length ? t('cases.startAnother') : t('cases.start')}</h2>
          <label>
            {t('cases.what')}
            <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} placeholder={t('cases.whatExample')} required />
          </label>
          <label>
            {t('cases.specialty')}
            <select value={form.specialty} onChange={(e) => setForm({ ...form, specialty: e.target.value as Specialty })} required>
              <option value="" disabled>
                {t('cases.choose')}
              </option>
              {SPECIALTIES.map((s) => (
                <option key={s} value={s}>
                  {t(`specialty.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('cases.condition')} <span className="hint">{t('cases.ifKnown')}</span>
            <input value={form.condition} onChange={(e) => setForm({ ...form, condition: e.target.value })} placeholder={t('cases.conditionExample')} />
          </label>
          <button type="submit" className="primary">
            {t('cases.create')}
          </button>
        </form>
      </main>
    </div>
  );
}
