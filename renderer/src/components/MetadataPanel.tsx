import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { DOCUMENT_TYPES } from '../../../shared/document-types.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import type { DocumentEdit, MedicalDocument, SuggestedField } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { draft, dropDraft, saveDraft } from '../cache.ts';
import { formatDate, formatSize, typeLabel } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { say } from '../../../shared/said.ts';
import { languageNames } from '../../../shared/languages.ts';
import { LanguagesPicker } from './LanguageSelect.tsx';
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
  /** The languages it is written in, the main one first, space-separated; '' for none (or not read yet). */
  languages: string;
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
    languages: doc.languages?.join(' ') ?? '',
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
  // The person names the languages (or none); what the text was read as is replaced.
  if (form.languages !== saved.languages) edit.languages = form.languages.split(' ').filter(Boolean);
  return edit;
}

function Suggestion({ field, value, onAccept }: { field: SuggestedField; value: string; onAccept: (field: SuggestedField) => void }) {
  const { t, rich } = useT();
  return (
    <p className="suggestion">
      <span>{rich('details.suggested', { value: <strong>{value}</strong> })}</span>
      <button type="button" className="small" onClick={() => onAccept(field)} aria-label={t('details.acceptLabel', { field, value })}>
        {t('details.accept')}
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
  const tr = useT();
  const { t, language } = tr;

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
      setStatus(t('details.saved'));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function readLanguagesAgain() {
    setError(null);
    try {
      const saved = await invoke('documents:edit', doc.id, { languages: null });
      onSaved(saved);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function accept(fields?: SuggestedField[]) {
    setError(null);
    try {
      const saved = await invoke('documents:confirm', doc.id, fields);
      onSaved(saved);
      setStatus(t('details.accepted', { count: fields?.length ?? 2 }));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const s = doc.suggested;
  const pending: SuggestedField[] = (['type', 'dateOfService', 'facility', 'clinician'] as const).filter((f) => doc[f] === null && s[f] !== null);

  return (
    <form className="metadata" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('details.title')}</h2>
      {pending.length > 1 && (
        <p className="suggestion all">
          <span>{t('details.read', { count: pending.length })}</span>
          <button type="button" className="small" onClick={() => void accept()}>
            {t('details.acceptAll')}
          </button>
        </p>
      )}
      <label htmlFor={`${id}-name`}>{t('details.documentTitle')}</label>
      <input id={`${id}-name`} value={form.title} onChange={(e) => set('title')(e.target.value)} required />

      <label htmlFor={`${id}-type`}>{t('details.kind')}</label>
      <select id={`${id}-type`} value={form.type} onChange={(e) => set('type')(e.target.value)}>
        <option value="">{t('details.notChosen')}</option>
        {DOCUMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {typeLabel(type)}
          </option>
        ))}
      </select>
      {!doc.type && s.type && <Suggestion field="type" value={typeLabel(s.type)} onAccept={(f) => void accept([f])} />}

      <label htmlFor={`${id}-date`}>
        {t('details.date')} <span className="hint">{t('details.dateHint')}</span>
      </label>
      <input id={`${id}-date`} type="date" value={form.dateOfService} onChange={(e) => set('dateOfService')(e.target.value)} />
      {!doc.dateOfService && s.dateOfService && (
        <Suggestion field="dateOfService" value={formatDate(s.dateOfService)} onAccept={(f) => void accept([f])} />
      )}
      {!doc.dateOfService && doc.dateReason && (
        <p className="suggestion-reason" id={`${id}-date-reason`}>
          {t('details.why', { reason: say(doc.dateReason, language) })}
        </p>
      )}

      <label htmlFor={`${id}-facility`}>{t('details.facility')}</label>
      <input id={`${id}-facility`} value={form.facility} onChange={(e) => set('facility')(e.target.value)} />
      {!doc.facility && s.facility && <Suggestion field="facility" value={s.facility} onAccept={(f) => void accept([f])} />}

      <label htmlFor={`${id}-clinician`}>{t('details.clinician')}</label>
      <input id={`${id}-clinician`} value={form.clinician} onChange={(e) => set('clinician')(e.target.value)} />
      {!doc.clinician && s.clinician && <Suggestion field="clinician" value={s.clinician} onAccept={(f) => void accept([f])} />}

      <label htmlFor={`${id}-language`} id={`${id}-language-label`}>
        {t('details.writtenIn')}
      </label>
      <LanguagesPicker
        id={`${id}-language`}
        labelledBy={`${id}-language-label`}
        value={form.languages.split(' ').filter(Boolean)}
        onChange={(codes) => set('languages')(codes.join(' '))}
        none={t('details.noLanguage')}
        describedBy={`${id}-language-how`}
      />
      <p className="suggestion-reason" id={`${id}-language-how`}>
        {doc.languagesByPerson ? (
          <>
            {t('details.languagesYours')}{' '}
            <button type="button" className="link" onClick={() => void readLanguagesAgain()}>
              {t('details.readAgain')}
            </button>
          </>
        ) : doc.languages === null ? (
          t('details.languagesUnread')
        ) : doc.languages.length === 0 ? (
          t('details.languagesNone')
        ) : (
          t('details.languagesRead', { languages: languageNames(doc.languages, language) })
        )}
      </p>

      <label htmlFor={`${id}-tags`}>
        {t('details.tags')} <span className="hint">{t('details.tagsHint')}</span>
      </label>
      <input id={`${id}-tags`} value={form.tags} onChange={(e) => set('tags')(e.target.value)} />

      <label htmlFor={`${id}-notes`}>{t('case.notes')}</label>
      <textarea id={`${id}-notes`} value={form.notes} rows={5} onChange={(e) => set('notes')(e.target.value)} />
      {restoredDraft && (
        <p className="hint" role="status">
          {t('details.restored')}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              void dropDraft(draftKey);
              setForm((f) => ({ ...f, notes: doc.notes }));
              setRestoredDraft(false);
            }}
          >
            {t('details.discard')}
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
          {t('details.save')}
        </button>
        <span role="status" className="save-status">
          {status}
        </span>
      </div>

      <dl className="file-facts">
        {doc.kind === 'study' ? (
          <>
            <dt>{t('details.originalFiles')}</dt>
            <dd>{t('details.studyFiles', { count: doc.imaging?.instances ?? 0, size: formatSize(doc.size) })}</dd>
          </>
        ) : (
          <>
            <dt>{t('details.originalFile')}</dt>
            <dd>{doc.originalName}</dd>
            <dt>{t('details.size')}</dt>
            <dd>{t('details.sizePages', { size: formatSize(doc.size), pages: doc.pages })}</dd>
          </>
        )}
        {doc.ocr && (
          <>
            <dt>{t('details.text')}</dt>
            <dd>
              {t('details.ocr', {
                pending: doc.ocr.pending,
                known: doc.ocr.confidence === null ? 'no' : 'yes',
                confidence: (doc.ocr.confidence ?? 0) / 100,
                low: doc.ocr.lowConfidence,
                failed: doc.ocr.failed,
              })}
            </dd>
          </>
        )}
        {doc.madeFrom.length > 0 && (
          <>
            <dt>{t('details.madeFrom')}</dt>
            <dd>
              {doc.madeFrom.map((source, i) => (
                <span key={source}>
                  {i > 0 && ', '}
                  <a href={routeHash({ name: 'document', id: source })}>{t('details.photo', { n: i + 1 })}</a>
                </span>
              ))}
            </dd>
          </>
        )}
        {doc.partOf !== null && (
          <>
            <dt>{t('details.partOf')}</dt>
            <dd>
              <a href={routeHash({ name: 'document', id: doc.partOf })}>{t('details.madeFromPhoto')}</a>
            </dd>
          </>
        )}
        <dt>{t('details.imported')}</dt>
        <dd>{new Date(doc.importedAt).toLocaleString(tr.language)}</dd>
        {doc.sha256 && (
          <>
            <dt>{t('details.fingerprint')}</dt>
            <dd className="mono" title={doc.sha256}>
              {doc.sha256.slice(0, 16)}…
            </dd>
          </>
        )}
      </dl>
    </form>
  );
}
