import { useState } from 'react';
import type { CaseDetails } from '../../../../shared/case-types.ts';
import { WINDOW_LANGUAGES } from '../../../../shared/languages.ts';
import { starterQuestions } from '../../../../shared/starter-questions.ts';
import { invoke } from '../../api.ts';
import type { Patient } from '../../../../shared/library-types.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { formatDate } from '../../format.ts';
import { currentTranslator, useT } from '../../i18n/index.ts';
import { printQuestions } from '../../print.ts';
import type { QuestionSheet } from '../../print.ts';
import { caller } from './form.tsx';
import { Priorities } from './Priorities.tsx';

/** The question sheet for the appointment: whose case, the decision, for whom, the questions in order. */
function questionSheet(details: CaseDetails, patient: Patient): QuestionSheet {
  const specialist = details.specialists[0];
  const rec = details.recommendations[0];
  const { t } = currentTranslator();
  return {
    patient: patient.name,
    born: patient.dateOfBirth ? formatDate(patient.dateOfBirth) : null,
    caseTitle: details.title,
    decision: rec ? t('questions.decision', { procedure: rec.procedure, clinician: rec.clinician || 'none', date: rec.date ? formatDate(rec.date) : 'none' }) : details.condition || null,
    specialist: specialist ? `${specialist.name}${specialist.institution ? `, ${specialist.institution}` : ''}` : null,
    questions: details.questions.map((q) => q.text),
  };
}

export function Questions({ details, patient, onError }: { details: CaseDetails; patient: Patient; onError: (m: string) => void }) {
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const asked = new Set(details.questions.map((q) => q.text));
  const { t, language } = useT();
  // In the window's language; one already asked in any language is not offered again.
  const everyLanguage = WINDOW_LANGUAGES.map((l) => starterQuestions(details.specialty, l));
  const starters = starterQuestions(details.specialty, language).filter((_, i) => !everyLanguage.some((questions) => asked.has(questions[i]!)));
  const call = caller(onError);
  const move = (index: number, by: number) => {
    const ids = details.questions.map((q) => q.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    call(invoke('cases:order-questions', details.id, ids));
  };
  return (
    <section className="case-section" aria-labelledby="questions-title">
      <h2 id="questions-title">{t('questions.title')}</h2>
      {details.questions.length > 0 && (
        <p className="questions-print">
          <PrintButton className="small" label={t('questions.print')} print={() => printQuestions(questionSheet(details, patient))} onError={onError} />
        </p>
      )}
      <ol className="questions">
        {details.questions.map((q, i) => (
          <li key={q.id}>
            {editing?.id === q.id ? (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  call(invoke('cases:update-question', q.id, editing.text).then(() => setEditing(null)));
                }}
              >
                <input aria-label={t('questions.question', { n: i + 1 })} value={editing.text} onChange={(e) => setEditing({ id: q.id, text: e.target.value })} autoFocus />
                <button type="submit" className="small">
                  {t('common.save')}
                </button>
              </form>
            ) : (
              <span>{q.text}</span>
            )}
            <span className="row-actions">
              <button type="button" className="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('questions.up', { n: i + 1 })}>
                ↑
              </button>
              <button type="button" className="small" onClick={() => move(i, 1)} disabled={i === details.questions.length - 1} aria-label={t('questions.down', { n: i + 1 })}>
                ↓
              </button>
              <button type="button" className="small" onClick={() => setEditing({ id: q.id, text: q.text })} aria-label={t('questions.edit', { n: i + 1 })}>
                {t('record.edit')}
              </button>
              <button type="button" className="small" onClick={() => call(invoke('cases:remove-question', q.id))} aria-label={t('questions.remove', { n: i + 1 })}>
                {t('record.remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) call(invoke('cases:add-question', details.id, text).then(() => setText('')));
        }}
      >
        <input aria-label={t('questions.own')} placeholder={t('questions.placeholder')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('questions.add')}</button>
      </form>
      {starters.length > 0 && (
        <div className="starters">
          <p className="hint">{t('questions.starters', { specialty: t(`specialty.${details.specialty}`).toLocaleLowerCase() })}</p>
          <ul>
            {starters.map((q) => (
              <li key={q}>
                <button type="button" className="chip" onClick={() => call(invoke('cases:add-question', details.id, q))}>
                  + {q}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Priorities details={details} onError={onError} />
    </section>
  );
}
