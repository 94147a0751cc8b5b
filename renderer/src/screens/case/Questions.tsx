import { useState } from 'react';
import type { CaseDetails } from '../../../../shared/case-types.ts';
import { SPECIALTY_LABELS } from '../../../../shared/case-types.ts';
import { STARTER_QUESTIONS } from '../../../../shared/starter-questions.ts';
import { invoke } from '../../api.ts';
import type { Patient } from '../../../../shared/library-types.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { formatDate } from '../../format.ts';
import { printQuestions } from '../../print.ts';
import type { QuestionSheet } from '../../print.ts';
import { caller } from './form.tsx';
import { Priorities } from './Priorities.tsx';

/** The question sheet for the appointment: whose case, the decision, for whom, the questions in order. */
function questionSheet(details: CaseDetails, patient: Patient): QuestionSheet {
  const specialist = details.specialists[0];
  const rec = details.recommendations[0];
  return {
    patient: patient.name,
    born: patient.dateOfBirth ? formatDate(patient.dateOfBirth) : null,
    caseTitle: details.title,
    decision: rec ? `Recommended: ${rec.procedure}${rec.clinician ? `, by ${rec.clinician}` : ''}${rec.date ? ` on ${formatDate(rec.date)}` : ''}.` : details.condition || null,
    specialist: specialist ? `${specialist.name}${specialist.institution ? `, ${specialist.institution}` : ''}` : null,
    questions: details.questions.map((q) => q.text),
  };
}

export function Questions({ details, patient, onError }: { details: CaseDetails; patient: Patient; onError: (m: string) => void }) {
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const asked = new Set(details.questions.map((q) => q.text));
  const starters = STARTER_QUESTIONS[details.specialty].filter((q) => !asked.has(q));
  const call = caller(onError);
  const move = (index: number, by: number) => {
    const ids = details.questions.map((q) => q.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    call(invoke('cases:order-questions', details.id, ids));
  };
  return (
    <section className="case-section" aria-labelledby="questions-title">
      <h2 id="questions-title">Questions for the specialist</h2>
      {details.questions.length > 0 && (
        <p className="questions-print">
          <PrintButton className="small" label="Print the questions for the appointment…" print={() => printQuestions(questionSheet(details, patient))} onError={onError} />
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
                <input aria-label={`Question ${i + 1}`} value={editing.text} onChange={(e) => setEditing({ id: q.id, text: e.target.value })} autoFocus />
                <button type="submit" className="small">
                  Save
                </button>
              </form>
            ) : (
              <span>{q.text}</span>
            )}
            <span className="row-actions">
              <button type="button" className="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move question ${i + 1} up`}>
                ↑
              </button>
              <button type="button" className="small" onClick={() => move(i, 1)} disabled={i === details.questions.length - 1} aria-label={`Move question ${i + 1} down`}>
                ↓
              </button>
              <button type="button" className="small" onClick={() => setEditing({ id: q.id, text: q.text })} aria-label={`Edit question ${i + 1}`}>
                Edit
              </button>
              <button type="button" className="small" onClick={() => call(invoke('cases:remove-question', q.id))} aria-label={`Remove question ${i + 1}`}>
                Remove
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
        <input aria-label="A question of your own" placeholder="Your question…" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Add</button>
      </form>
      {starters.length > 0 && (
        <div className="starters">
          <p className="hint">Questions others ask in a {SPECIALTY_LABELS[details.specialty].toLowerCase()} case: add any, then make them yours.</p>
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
