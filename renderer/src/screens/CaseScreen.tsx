import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { CaseDetails, CaseStatus, ChecklistItem, OpinionStand, Recommendation, RequestMethod, RequestState, SubmissionMethod } from '../../../shared/case-types.ts';
import { CASE_STATUSES, CASE_STATUS_LABELS, REQUEST_METHODS, SPECIALTY_LABELS, SUBMISSION_METHODS } from '../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../shared/ipc-contract.ts';
import type { Patient } from '../../../shared/library-types.ts';
import { STARTER_QUESTIONS } from '../../../shared/starter-questions.ts';
import type { TimelineEntry } from '../../../shared/timeline.ts';
import { CheckItems } from '../components/CheckItems.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { invoke, messageOf } from '../api.ts';
import { formatDate, typeLabel } from '../format.ts';
import { useLoaded } from '../loaded.ts';
import { routeHash } from '../route.ts';
import type { Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';

interface Props {
  readonly patient: Patient;
  readonly route: Extract<Route, { name: 'case' }>;
  readonly libraryVersion: number;
  readonly onError: (message: string) => void;
}

type Fields<K extends string> = Record<K, string>;

function useForm<K extends string>(initial: Fields<K>) {
  const [values, setValues] = useState(initial);
  const field = (key: K, label: ReactNode, props: { required?: boolean; type?: string; placeholder?: string; multiline?: boolean } = {}) => (
    <label>
      {label}
      {props.multiline ? (
        <textarea value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} required={props.required} rows={2} />
      ) : (
        <input
          type={props.type ?? 'text'}
          value={values[key]}
          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          required={props.required}
          placeholder={props.placeholder}
        />
      )}
    </label>
  );
  return { values, setValues, field, reset: () => setValues(initial) };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const open = items.filter((i) => i.status !== 'met');
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Ready to send?</h2>
      <p className="hint" role="status">
        {open.length === 0 ? 'Everything a specialist usually asks for is here.' : `${open.filter((i) => i.status === 'missing').length} missing, ${open.filter((i) => i.status === 'warning').length} to check.`}
      </p>
      <CheckItems items={items} />
    </section>
  );
}

function RecommendationForm({
  caseId,
  patientId,
  editing,
  onDone,
  onError,
}: {
  caseId: number;
  patientId: number;
  /** The recommendation being corrected; a new one when absent. */
  editing?: Recommendation;
  onDone: () => void;
  onError: (m: string) => void;
}) {
  const form = useForm({
    clinician: editing?.clinician ?? '',
    facility: editing?.facility ?? '',
    date: editing?.date ?? '',
    procedure: editing?.procedure ?? '',
    urgency: editing?.urgency ?? '',
    reasons: editing?.reasons ?? '',
    risks: editing?.risks ?? '',
    alternatives: editing?.alternatives ?? '',
    document: '',
  });
  const letters = useLoaded(() => invoke('documents:list', { patientId, types: ['recommendation', 'consult-note', 'operative-note'] }), [patientId, onError], onError) ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const fields = {
      clinician: v.clinician,
      facility: orNull(v.facility),
      date: orNull(v.date),
      procedure: v.procedure,
      urgency: orNull(v.urgency),
      reasons: orNull(v.reasons),
      risks: orNull(v.risks),
      alternatives: orNull(v.alternatives),
    };
    try {
      if (editing) await invoke('cases:update-recommendation', caseId, editing.id, fields);
      else await invoke('cases:add-recommendation', caseId, { ...fields, documentIds: v.document ? [Number(v.document)] : [] });
      form.reset();
      onDone();
    } catch (e) {
      onError(messageOf(e));
    }
  };
  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} aria-label="The recommendation under review">
      {form.field('procedure', 'Recommended procedure or treatment', { required: true, placeholder: 'L4-L5 posterior lumbar fusion' })}
      {form.field('clinician', 'Recommended by', { required: true, placeholder: 'Daniel Whitaker, MD' })}
      {form.field('facility', 'Where')}
      {form.field('date', 'When', { type: 'date' })}
      {form.field('urgency', 'Urgency, as stated', { placeholder: 'within 6 weeks' })}
      {!editing && <label>
        Where it is written
        <select value={form.values.document} onChange={(e) => form.setValues({ ...form.values, document: e.target.value })}>
          <option value="">No document yet</option>
          {letters.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
              {(d.dateOfService ?? d.suggested.dateOfService) ? ` (${formatDate(d.dateOfService ?? d.suggested.dateOfService)})` : ''}
            </option>
          ))}
        </select>
      </label>}
      {form.field('reasons', 'Reasons given', { multiline: true })}
      {form.field('risks', 'Risks mentioned', { multiline: true })}
      {form.field('alternatives', 'Alternatives mentioned', { multiline: true })}
      <div className="panel-actions">
        <button type="submit" className="primary">
          Save the recommendation
        </button>
        {editing && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function Questions({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const asked = new Set(details.questions.map((q) => q.text));
  const starters = STARTER_QUESTIONS[details.specialty].filter((q) => !asked.has(q));
  const call = (p: Promise<unknown>) => void p.catch((e: unknown) => onError(messageOf(e)));
  const move = (index: number, by: number) => {
    const ids = details.questions.map((q) => q.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    call(invoke('cases:order-questions', details.id, ids));
  };
  return (
    <section className="case-section" aria-labelledby="questions-title">
      <h2 id="questions-title">Questions for the specialist</h2>
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

function Priorities({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const [text, setText] = useState('');
  const save = (priorities: string[]) => void invoke('cases:update', details.id, { priorities }).catch((e: unknown) => onError(messageOf(e)));
  return (
    <div className="priorities">
      <h3>What matters most to the patient</h3>
      <ul>
        {details.priorities.map((p, i) => (
          <li key={`${p}-${i}`}>
            {p}{' '}
            <button type="button" className="small" onClick={() => save(details.priorities.filter((_, j) => j !== i))} aria-label={`Remove “${p}”`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) {
            save([...details.priorities, text.trim()]);
            setText('');
          }
        }}
      >
        <input aria-label="What matters most" placeholder="Avoid surgery if possible; return to work by spring…" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Add</button>
      </form>
    </div>
  );
}

function Documents({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const [adding, setAdding] = useState(false);
  const [filter, setFilter] = useState('');
  // The patient's whole library only when adding from it.
  const library = useLoaded(adding ? () => invoke('documents:list', { patientId: details.patientId }) : null, [adding, details.patientId, onError], onError) ?? [];
  const byId = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const inCase = new Set(details.documents.map((d) => d.documentId));
  const call = (p: Promise<unknown>) => void p.catch((e: unknown) => onError(messageOf(e)));
  const move = (index: number, by: number) => {
    const ids = details.documents.map((d) => d.documentId);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    call(invoke('cases:order-documents', details.id, ids));
  };
  const candidates = library.filter((d) => !inCase.has(d.id) && `${d.title} ${d.facility ?? d.suggested.facility ?? ''} ${typeLabel(d.type ?? d.suggested.type)}`.toLowerCase().includes(filter.toLowerCase()));
  return (
    <section
      className="case-section"
      aria-labelledby="case-documents-title"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('application/x-casebinder-document')) e.preventDefault();
      }}
      onDrop={(e) => {
        const id = Number(e.dataTransfer.getData('application/x-casebinder-document'));
        if (id) {
          e.preventDefault();
          call(invoke('cases:add-documents', details.id, [id]));
        }
      }}
    >
      <h2 id="case-documents-title">Documents in this case</h2>
      {details.documents.length === 0 && <p className="empty">None yet. Add them from the library (or drag them here from the list below).</p>}
      <ol className="case-documents">
        {details.documents.map((d, i) => {
          const doc = byId.get(d.documentId);
          return (
            <li key={d.documentId} className={d.included ? '' : 'left-out'}>
              <label className="include">
                <input type="checkbox" checked={d.included} onChange={(e) => call(invoke('cases:set-included', details.id, d.documentId, e.target.checked))} />
                <span className="visually-hidden">Send {doc?.title}</span>
              </label>
              <a href={routeHash({ name: 'document', id: d.documentId })}>{doc?.title ?? `Document #${d.documentId}`}</a>
              <small>
                {typeLabel(doc?.type ?? doc?.suggested.type ?? null)}
                {(doc?.dateOfService ?? doc?.suggested.dateOfService) ? ` · ${formatDate(doc?.dateOfService ?? doc?.suggested.dateOfService)}` : ''}
                {d.included ? '' : ' · left out of what is sent'}
              </small>
              <span className="row-actions">
                <button type="button" className="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${doc?.title} up`}>
                  ↑
                </button>
                <button type="button" className="small" onClick={() => move(i, 1)} disabled={i === details.documents.length - 1} aria-label={`Move ${doc?.title} down`}>
                  ↓
                </button>
                <button type="button" className="small" onClick={() => call(invoke('cases:remove-document', details.id, d.documentId))} aria-label={`Take out ${doc?.title ?? 'this document'}`}>
                  Take out
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {adding ? (
        <div className="add-documents">
          <input aria-label="Find a document to add" placeholder="Find by title, facility or kind…" value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus />
          <ul>
            {candidates.slice(0, 50).map((d) => (
              <li
                key={d.id}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData('application/x-casebinder-document', String(d.id));
                  e.dataTransfer.effectAllowed = 'copy';
                }}
              >
                <button type="button" className="link" onClick={() => call(invoke('cases:add-documents', details.id, [d.id]))} aria-label={`Add ${d.title}`}>
                  + {d.title}
                </button>
                <small>
                  {typeLabel(d.type ?? d.suggested.type)}
                  {(d.dateOfService ?? d.suggested.dateOfService) ? ` · ${formatDate(d.dateOfService ?? d.suggested.dateOfService)}` : ''}
                </small>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setAdding(false)}>
            Done adding
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add documents from the library…
        </button>
      )}
    </section>
  );
}

const POINTS = [
  ['procedure', 'Procedure or treatment'],
  ['urgency', 'Urgency'],
  ['risks', 'Risks'],
  ['alternatives', 'Alternatives'],
] as const;

function Opinions({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const form = useForm({ by: '', date: '', summary: '', procedure: '', urgency: '', risks: '', alternatives: '', document: '' });
  const [stand, setStand] = useState<OpinionStand>('agrees');
  const [open, setOpen] = useState(false);
  const original: Recommendation | undefined = details.recommendations[0];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    try {
      await invoke('cases:add-opinion', details.id, {
        specialistId: null,
        by: v.by,
        date: orNull(v.date),
        summary: v.summary,
        stand,
        procedure: orNull(v.procedure),
        urgency: orNull(v.urgency),
        risks: orNull(v.risks),
        alternatives: orNull(v.alternatives),
        documentId: v.document ? Number(v.document) : null,
      });
      form.reset();
      setOpen(false);
    } catch (e) {
      onError(messageOf(e));
    }
  };
  return (
    <section className="case-section" aria-labelledby="opinions-title">
      <h2 id="opinions-title">Opinions</h2>
      {details.opinions.length > 0 && original && (
        <div className="compare" tabIndex={0} role="region" aria-label="The recommendation and the opinions, point by point">
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Point</span>
                </th>
                <th scope="col">
                  Under review: {original.clinician}
                  {original.date ? ` (${formatDate(original.date)})` : ''}
                </th>
                {details.opinions.map((o) => (
                  <th scope="col" key={o.id}>
                    {o.documentId ? <a href={routeHash({ name: 'document', id: o.documentId })}>{o.by}</a> : o.by}
                    {o.date ? ` (${formatDate(o.date)})` : ''}
                    <span className={`stand stand-${o.stand}`}>{o.stand === 'agrees' ? 'Agrees' : o.stand === 'differs' ? 'Differs' : 'Partly agrees'}</span>
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        if (window.confirm(`Remove the opinion of ${o.by}?`)) void invoke('cases:remove-opinion', details.id, o.id).catch((e: unknown) => onError(messageOf(e)));
                      }}
                    >
                      Remove<span className="visually-hidden"> the opinion of {o.by}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {POINTS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{original[key] ?? '—'}</td>
                  {details.opinions.map((o) => (
                    <td key={o.id} className={o[key] && o[key] !== original[key] ? 'differs' : ''}>
                      {o[key] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">In short</th>
                <td>{original.reasons ?? '—'}</td>
                {details.opinions.map((o) => (
                  <td key={o.id}>{o.summary || '—'}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {details.opinions.length === 0 && <p className="empty">No opinion recorded yet.</p>}
      {open ? (
        <form className="case-form" onSubmit={(e) => void submit(e)} aria-label="An opinion received">
          {form.field('by', 'From', { required: true, placeholder: 'Dr Ana Ruiz, University Spine Center' })}
          {form.field('date', 'Date', { type: 'date' })}
          <label>
            On the recommendation
            <select value={stand} onChange={(e) => setStand(e.target.value as OpinionStand)}>
              <option value="agrees">Agrees</option>
              <option value="partly">Partly agrees</option>
              <option value="differs">Differs</option>
            </select>
          </label>
          {form.field('procedure', 'Their recommended plan')}
          {form.field('urgency', 'Urgency')}
          {form.field('risks', 'Risks they mention', { multiline: true })}
          {form.field('alternatives', 'Alternatives they mention', { multiline: true })}
          {form.field('summary', 'In short', { multiline: true })}
          <label>
            Their letter
            <select value={form.values.document} onChange={(e) => form.setValues({ ...form.values, document: e.target.value })}>
              <option value="">Not in the library yet</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          <div className="panel-actions">
            <button type="submit" className="primary">
              Save the opinion
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Record an opinion…
        </button>
      )}
    </section>
  );
}

const DAY = 86_400_000;

function Requests({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const form = useForm({ facility: '', what: '', askedOn: new Date().toISOString().slice(0, 10) });
  const [method, setMethod] = useState<RequestMethod>('portal');
  const call = (p: Promise<unknown>) => void p.catch((e: unknown) => onError(messageOf(e)));
  return (
    <section className="case-section" aria-labelledby="requests-title">
      <h2 id="requests-title">Records asked for</h2>
      <ul className="requests">
        {details.requests.map((r) => {
          const days = Math.floor((Date.now() - Date.parse(r.askedOn)) / DAY);
          return (
            <li key={r.id}>
              <div>
                <strong>{r.facility}</strong>: {r.what}
                <small>
                  asked {formatDate(r.askedOn)} by {r.method}
                  {r.state === 'asked' && days > 30 && <span className="reminder"> · {days} days ago: time to ask again</span>}
                  {r.documentIds.length > 0 && ` · came: ${r.documentIds.map((id) => documents.find((d) => d.id === id)?.title ?? `#${id}`).join(', ')}`}
                </small>
              </div>
              <select aria-label={`State of the request to ${r.facility}`} value={r.state} onChange={(e) => call(invoke('cases:set-request-state', r.id, e.target.value as RequestState))}>
                <option value="asked">Asked</option>
                <option value="received">Received</option>
                <option value="refused">Refused</option>
              </select>
              {r.state === 'received' && (
                <select
                  aria-label={`What came from ${r.facility}`}
                  value=""
                  onChange={(e) => e.target.value && call(invoke('cases:set-request-state', r.id, 'received', [Number(e.target.value)]))}
                >
                  <option value="">{r.documentIds.length ? `${r.documentIds.length} document(s) came; add one…` : 'Which document came?'}</option>
                  {documents
                    .filter((d) => !r.documentIds.includes(d.id))
                    .map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="case-form compact"
        aria-label="Ask for records"
        onSubmit={(e) => {
          e.preventDefault();
          call(invoke('cases:add-request', details.id, { ...form.values, method }).then(() => form.reset()));
        }}
      >
        {form.field('facility', 'From', { required: true, placeholder: 'Lakeshore Imaging' })}
        {form.field('what', 'What', { required: true, placeholder: 'MRI lumbar spine images on CD' })}
        {form.field('askedOn', 'Asked on', { type: 'date', required: true })}
        <label>
          How
          <select value={method} onChange={(e) => setMethod(e.target.value as RequestMethod)}>
            {REQUEST_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <div className="panel-actions">
          <button type="submit">Add the request</button>
        </div>
      </form>
    </section>
  );
}

function Specialists({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const form = useForm({ name: '', institution: '', sizeLimitMb: '' });
  const [accepts, setAccepts] = useState<SubmissionMethod | ''>('');
  const call = (p: Promise<unknown>) => void p.catch((e: unknown) => onError(messageOf(e)));
  return (
    <section className="case-section" aria-labelledby="specialists-title">
      <h2 id="specialists-title">Specialists asked</h2>
      <ul className="requests">
        {details.specialists.map((sp) => (
          <li key={sp.id}>
            <div>
              <strong>{sp.name}</strong>
              {sp.institution ? `, ${sp.institution}` : ''}
              <small>
                {sp.accepts ? `takes records by ${sp.accepts}` : 'how they take records: not known yet'}
                {sp.sizeLimitMb ? ` · up to ${sp.sizeLimitMb} MB` : ''}
              </small>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="case-form compact"
        aria-label="Add a specialist"
        onSubmit={(e) => {
          e.preventDefault();
          call(
            invoke('cases:add-specialist', details.id, {
              name: form.values.name,
              institution: orNull(form.values.institution),
              accepts: accepts || null,
              sizeLimitMb: form.values.sizeLimitMb ? Number(form.values.sizeLimitMb) : null,
            }).then(() => {
              form.reset();
              setAccepts('');
            }),
          );
        }}
      >
        {form.field('name', 'Name', { required: true, placeholder: 'Ana Ruiz, MD' })}
        {form.field('institution', 'Institution')}
        <label>
          Takes records by
          <select value={accepts} onChange={(e) => setAccepts(e.target.value as SubmissionMethod | '')}>
            <option value="">Not known</option>
            {SUBMISSION_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {form.field('sizeLimitMb', 'Size limit (MB)', { type: 'number' })}
        <div className="panel-actions">
          <button type="submit">Add the specialist</button>
        </div>
      </form>
    </section>
  );
}

/** One case: the recommendation under review, questions, documents, opinions, requests, timeline, and whether it is ready. */
export function CaseScreen({ patient, route, libraryVersion, onError }: Props) {
  const [data, setData] = useState<{ case: CaseDetails; checklist: ChecklistItem[]; documents: DocumentSummary[] } | null>(null);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [addingRecommendation, setAddingRecommendation] = useState(false);
  const [editingRecommendation, setEditingRecommendation] = useState<number | null>(null);
  const [openedAt] = useState(() => performance.now());
  const load = useCallback(() => {
    let live = true;
    Promise.all([invoke('cases:get', route.id), invoke('timeline', patient.id, route.id)]).then(
      ([c, t]) => {
        if (!live) return;
        setData(c);
        setEntries(t);
      },
      (e: unknown) => onError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [route.id, patient.id, onError]);
  useEffect(() => load(), [load, libraryVersion]);
  const shown = data !== null;
  useEffect(() => {
    // For the bench: from opening the case to it, its checklist and timeline on screen.
    if (shown) requestAnimationFrame(() => performance.measure('casebinder:case-rendered', { start: openedAt, end: performance.now() }));
  }, [shown, openedAt]);

  if (!data) return <p className="screen-loading" role="status">Opening the case…</p>;
  const c = data.case;
  const documents = data.documents;
  return (
    <div className="record-screen case-screen">
      <ScreenHeader back={{ href: routeHash({ name: 'cases' }), label: 'Cases' }} title={c.title} subtitle={`${SPECIALTY_LABELS[c.specialty]}${c.condition ? ` · ${c.condition}` : ''} · ${patient.name}`}>
        <label className="case-status">
          Status
          <select value={c.status} onChange={(e) => void invoke('cases:update', c.id, { status: e.target.value as CaseStatus }).catch((err: unknown) => onError(messageOf(err)))}>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CASE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <a className="button primary" href={routeHash({ name: 'export', caseId: c.id })}>
          Prepare the bundle…
        </a>
      </ScreenHeader>
      <div className="case-body">
        <main className="case-main" aria-label="The case">
          <section className="case-section" aria-labelledby="recommendation-title">
            <h2 id="recommendation-title">The recommendation under review</h2>
            {c.recommendations.map((r) =>
              editingRecommendation === r.id ? (
                <RecommendationForm key={r.id} caseId={c.id} patientId={patient.id} editing={r} onDone={() => setEditingRecommendation(null)} onError={onError} />
              ) : (
              <dl key={r.id} className="recommendation">
                <dt>Recommended</dt>
                <dd>
                  <strong>{r.procedure}</strong>
                </dd>
                <dt>By</dt>
                <dd>
                  {r.clinician}
                  {r.facility ? `, ${r.facility}` : ''}
                  {r.date ? `, ${formatDate(r.date)}` : ''}
                </dd>
                {r.urgency && (
                  <>
                    <dt>Urgency</dt>
                    <dd>{r.urgency}</dd>
                  </>
                )}
                {r.reasons && (
                  <>
                    <dt>Reasons given</dt>
                    <dd>{r.reasons}</dd>
                  </>
                )}
                {r.risks && (
                  <>
                    <dt>Risks mentioned</dt>
                    <dd>{r.risks}</dd>
                  </>
                )}
                {r.alternatives && (
                  <>
                    <dt>Alternatives mentioned</dt>
                    <dd>{r.alternatives}</dd>
                  </>
                )}
                <dd className="recommendation-actions">
                  <button type="button" className="small" onClick={() => setEditingRecommendation(r.id)}>
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    className="small"
                    onClick={() => {
                      if (window.confirm(`Remove the recommendation "${r.procedure}" from this case?`)) {
                        void invoke('cases:remove-recommendation', c.id, r.id).catch((e: unknown) => onError(messageOf(e)));
                      }
                    }}
                  >
                    Remove this recommendation
                  </button>
                </dd>
                {r.documentIds.length > 0 && (
                  <>
                    <dt>Written in</dt>
                    <dd>
                      {r.documentIds.map((id) => (
                        <a key={id} href={routeHash({ name: 'document', id })}>
                          {documents.find((d) => d.id === id)?.title ?? `Document #${id}`}
                        </a>
                      ))}
                    </dd>
                  </>
                )}
              </dl>
              ),
            )}
            {addingRecommendation || c.recommendations.length === 0 ? (
              <RecommendationForm caseId={c.id} patientId={patient.id} onDone={() => setAddingRecommendation(false)} onError={onError} />
            ) : (
              <button type="button" onClick={() => setAddingRecommendation(true)}>
                Add another recommendation…
              </button>
            )}
          </section>
          <Questions details={c} onError={onError} />
          <section className="case-section" aria-labelledby="notes-title">
            <h2 id="notes-title">Notes</h2>
            <textarea
              key={c.notes}
              className="case-notes"
              aria-labelledby="notes-title"
              defaultValue={c.notes}
              rows={3}
              placeholder="Anything to remember about this decision…"
              onBlur={(e) => {
                if (e.target.value !== c.notes) void invoke('cases:update', c.id, { notes: e.target.value }).catch((err: unknown) => onError(messageOf(err)));
              }}
            />
          </section>
          <Documents details={c} documents={documents} onError={onError} />
          <Specialists details={c} onError={onError} />
          <Opinions details={c} documents={documents} onError={onError} />
          <Requests details={c} documents={documents} onError={onError} />
          <Timeline entries={entries} />
        </main>
        {/* Focusable so a long checklist scrolls from the keyboard. */}
        <aside className="case-aside" aria-label="Completeness" tabIndex={0}>
          <Checklist items={data.checklist} />
        </aside>
      </div>
    </div>
  );
}
