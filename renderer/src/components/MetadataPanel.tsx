import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { DOCUMENT_TYPES } from '../../../shared/document-types.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import type { DocumentEdit, MedicalDocument, SuggestedField } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { draft, dropDraft, saveDraft } from '../cache.ts';
import { formatDate, formatSize, plural, typeLabel } from '../format.ts';
import { routeHash } from '../route.ts';
import './MetadataPanel.css';

interface Form {
  title: string;
  type: string;
  dateOfService: string;
  facility: string;
  clinician: string;
  tags: string;
  notes: string;
}

function formOf(doc: MedicalDocument): Form {
  return {
    title: doc.title,
    type: doc.type ?? '',
    dateOfService: doc.dateOfService ?? '',
    facility: doc.facility ?? '',
    clinician: doc.clinician ?? '',
    tags: doc.tags.join(', '),
    notes: doc.notes,
  };
}

function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** What changed between the saved document and the form, as the back end wants it. */
function editOf(doc: MedicalDocument, form: Form): DocumentEdit {
  const saved = formOf(doc);
  const edit: { -readonly [K in keyof DocumentEdit]: DocumentEdit[K] } = {};
  if (form.title !== saved.title) edit.title = form.title;
  if (form.type !== saved.type) edit.type = (form.type || null) as DocumentType | null;
  if (form.dateOfService !== saved.dateOfService) edit.dateOfService = form.dateOfService || null;
  if (form.facility !== saved.facility) edit.facility = form.facility || null;
  if (form.clinician !== saved.clinician) edit.clinician = form.clinician || null;
  if (tagsOf(form.tags).join(',') !== doc.tags.join(',')) edit.tags = tagsOf(form.tags);
  if (form.notes !== saved.notes) edit.notes = form.notes;
  return edit;
}

function Suggestion({ field, label, value, onAccept }: { field: SuggestedField; label: string; value: string; onAccept: (field: SuggestedField) => void }) {
  return (
    <p className="suggestion">
      <span>
        Suggested from the document: <strong>{value}</strong>
      </span>
      <button type="button" className="small" onClick={() => onAccept(field)} aria-label={`Accept the suggested ${label}: ${value}`}>
        Accept
      </button>
    </p>
  );
}

/**
 * The details a person keeps about a document. What the library read from the text is offered as a
 * suggestion beside each empty field, never filled in as if it were confirmed. Notes being typed are
 * kept as a draft in the window's cache until saved.
 */
export function MetadataPanel({ document: doc, onSaved }: { document: MedicalDocument; onSaved: (doc: MedicalDocument) => void }) {
  const id = useId();
  const [form, setForm] = useState<Form>(() => formOf(doc));
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [restoredDraft, setRestoredDraft] = useState(false);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftKey = `notes:${doc.id}`;

  // The document is fetched again whenever anything in the library changes (OCR finishing elsewhere,
  // an import): a field the person is editing keeps what they typed; the others follow the library.
  const shown = useRef(formOf(doc));
  useEffect(() => {
    const before = shown.current;
    const next = formOf(doc);
    shown.current = next;
    setForm((f) => {
      const merged = { ...next };
      for (const key of Object.keys(next) as (keyof Form)[]) if (f[key] !== before[key]) merged[key] = f[key];
      return merged;
    });
  }, [doc]);

  useEffect(() => {
    void draft(draftKey).then((text) => {
      if (text !== undefined && text !== doc.notes) {
        setForm((f) => ({ ...f, notes: text }));
        setRestoredDraft(true);
      }
    });
    return () => clearTimeout(draftTimer.current);
    // Restore once per document; later saves change doc.notes on purpose.
  }, [draftKey]);

  const set = (key: keyof Form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setStatus('');
    if (key === 'notes') {
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(() => void saveDraft(draftKey, value), 400);
    }
  };

  const edit = editOf(doc, form);
  const dirty = Object.keys(edit).length > 0;

  async function save(event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    try {
      const saved = await invoke('documents:edit', doc.id, edit);
      clearTimeout(draftTimer.current);
      await dropDraft(draftKey);
      setRestoredDraft(false);
      onSaved(saved);
      setStatus('Saved.');
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function accept(fields?: SuggestedField[]) {
    setError(null);
    try {
      const saved = await invoke('documents:confirm', doc.id, fields);
      onSaved(saved);
      setStatus(fields?.length === 1 ? 'Suggestion accepted.' : 'Suggestions accepted.');
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const s = doc.suggested;
  const pending: SuggestedField[] = (['type', 'dateOfService', 'facility', 'clinician'] as const).filter((f) => doc[f] === null && s[f] !== null);

  return (
    <form className="metadata" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Details</h2>
      {pending.length > 1 && (
        <p className="suggestion all">
          <span>The library read {pending.length} details from the document.</span>
          <button type="button" className="small" onClick={() => void accept()}>
            Accept all suggestions
          </button>
        </p>
      )}
      <label htmlFor={`${id}-name`}>Title</label>
      <input id={`${id}-name`} value={form.title} onChange={(e) => set('title')(e.target.value)} required />

      <label htmlFor={`${id}-type`}>Kind of document</label>
      <select id={`${id}-type`} value={form.type} onChange={(e) => set('type')(e.target.value)}>
        <option value="">Not chosen</option>
        {DOCUMENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {typeLabel(t)}
          </option>
        ))}
      </select>
      {!doc.type && s.type && <Suggestion field="type" label="kind of document" value={typeLabel(s.type)} onAccept={(f) => void accept([f])} />}

      <label htmlFor={`${id}-date`}>
        Date of service <span className="hint">(when the care happened)</span>
      </label>
      <input id={`${id}-date`} type="date" value={form.dateOfService} onChange={(e) => set('dateOfService')(e.target.value)} />
      {!doc.dateOfService && s.dateOfService && (
        <Suggestion field="dateOfService" label="date of service" value={formatDate(s.dateOfService)} onAccept={(f) => void accept([f])} />
      )}
      {!doc.dateOfService && doc.dateReason && (
        <p className="suggestion-reason" id={`${id}-date-reason`}>
          Why: {doc.dateReason}
        </p>
      )}

      <label htmlFor={`${id}-facility`}>Facility</label>
      <input id={`${id}-facility`} value={form.facility} onChange={(e) => set('facility')(e.target.value)} />
      {!doc.facility && s.facility && <Suggestion field="facility" label="facility" value={s.facility} onAccept={(f) => void accept([f])} />}

      <label htmlFor={`${id}-clinician`}>Clinician</label>
      <input id={`${id}-clinician`} value={form.clinician} onChange={(e) => set('clinician')(e.target.value)} />
      {!doc.clinician && s.clinician && <Suggestion field="clinician" label="clinician" value={s.clinician} onAccept={(f) => void accept([f])} />}

      <label htmlFor={`${id}-tags`}>
        Tags <span className="hint">(separated by commas)</span>
      </label>
      <input id={`${id}-tags`} value={form.tags} onChange={(e) => set('tags')(e.target.value)} />

      <label htmlFor={`${id}-notes`}>Notes</label>
      <textarea id={`${id}-notes`} value={form.notes} rows={5} onChange={(e) => set('notes')(e.target.value)} />
      {restoredDraft && (
        <p className="hint" role="status">
          Notes you had typed but not saved were restored.{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              void dropDraft(draftKey);
              setForm((f) => ({ ...f, notes: doc.notes }));
              setRestoredDraft(false);
            }}
          >
            Discard them
          </button>
        </p>
      )}

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="panel-actions">
        <button type="submit" className="primary" disabled={!dirty}>
          Save changes
        </button>
        <span role="status" className="save-status">
          {status}
        </span>
      </div>

      <dl className="file-facts">
        {doc.kind === 'study' ? (
          <>
            <dt>Original files</dt>
            <dd>
              {plural(doc.imaging?.instances ?? 0, 'DICOM file')}, {formatSize(doc.size)}, kept byte for byte
            </dd>
          </>
        ) : (
          <>
            <dt>Original file</dt>
            <dd>{doc.originalName}</dd>
            <dt>Size</dt>
            <dd>
              {formatSize(doc.size)}, {plural(doc.pages, 'page')}
            </dd>
          </>
        )}
        {doc.ocr && (
          <>
            <dt>Text</dt>
            <dd>
              {doc.ocr.pending
                ? `${plural(doc.ocr.pending, 'page')} waiting to be read (OCR)`
                : `Read by OCR${doc.ocr.confidence !== null ? `, ${doc.ocr.confidence}% confident on average` : ''}`}
              {doc.ocr.lowConfidence > 0 && `; ${plural(doc.ocr.lowConfidence, 'page')} with low confidence`}
              {doc.ocr.failed > 0 && `; ${plural(doc.ocr.failed, 'page')} could not be read`}
            </dd>
          </>
        )}
        {doc.madeFrom.length > 0 && (
          <>
            <dt>Made from</dt>
            <dd>
              {doc.madeFrom.map((source, i) => (
                <span key={source}>
                  {i > 0 && ', '}
                  <a href={routeHash({ name: 'document', id: source })}>photo {i + 1}</a>
                </span>
              ))}
            </dd>
          </>
        )}
        {doc.partOf !== null && (
          <>
            <dt>Part of</dt>
            <dd>
              <a href={routeHash({ name: 'document', id: doc.partOf })}>the document made from this photo</a>
            </dd>
          </>
        )}
        <dt>Imported</dt>
        <dd>{new Date(doc.importedAt).toLocaleString()}</dd>
        {doc.sha256 && (
          <>
            <dt>Fingerprint (SHA-256)</dt>
            <dd className="mono" title={doc.sha256}>
              {doc.sha256.slice(0, 16)}…
            </dd>
          </>
        )}
      </dl>
    </form>
  );
}
