import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isIsoDate } from '../../shared/dates.ts';
import { isDocumentType, unknownDocumentTypeMessage } from '../../shared/document-types.ts';
import type { DocumentType } from '../../shared/document-types.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { fromStored, said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import { SUGGESTED_FIELDS } from '../../shared/library-types.ts';
import type {
  DocumentEdit,
  DocumentFilters,
  DocumentKind,
  DocumentSuggestions,
  ImagingSummary,
  MedicalDocument,
  OcrSummary,
  PageInfo,
  SuggestedField,
} from '../../shared/library-types.ts';
import { LOW_OCR_CONFIDENCE } from '../../shared/library-types.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import { identityOf, STATED_JSON, statedFromRows } from './identity.ts';
import type { StatedRow } from './identity.ts';
import { all, get, list, plainBytes, run, sql, where, writeTransaction } from './sql.ts';
import type { SqlQuery } from './sql.ts';
import type { ComposePage } from '../../shared/compose-types.ts';

interface DocumentRow {
  id: number;
  patient_id: number;
  kind: DocumentKind;
  sha256: string | null;
  original_name: string;
  source_path: string;
  size: number;
  media_type: string;
  page_count: number;
  imported_at: string;
  title: string;
  notes: string;
  type: string | null;
  date_of_service: string | null;
  facility: string | null;
  clinician: string | null;
  suggested_type: string | null;
  suggested_date_of_service: string | null;
  suggested_facility: string | null;
  suggested_clinician: string | null;
  tags: string | null;
  /** "series instances MR,CT" for a study. */
  imaging: string | null;
  /** "pages pending failed low mean-confidence" over the pages read by OCR. */
  ocr: string | null;
  part_of: number | null;
  made_from: string | null;
  /** The people the document states as its patient, as a JSON array of document_patients rows. */
  stated: string;
  patient_name: string;
  patient_birth_date: string | null;
  patient_other_names: string;
  patient_confirmed: number;
  deleted_at: string | null;
  suggested_date_reason: string | null;
  languages: string | null;
  languages_by_person: number;
}

/** Accepting a suggestion copies it into the confirmed column, unless the person already chose a value. */
const ACCEPT_SUGGESTION: Readonly<Record<SuggestedField, (id: number) => SqlQuery>> = {
  type: (id) => sql`UPDATE documents SET type = suggested_type WHERE id = ${id} AND type IS NULL`,
  dateOfService: (id) =>
    sql`UPDATE documents SET date_of_service = suggested_date_of_service WHERE id = ${id} AND date_of_service IS NULL`,
  facility: (id) => sql`UPDATE documents SET facility = suggested_facility WHERE id = ${id} AND facility IS NULL`,
  clinician: (id) => sql`UPDATE documents SET clinician = suggested_clinician WHERE id = ${id} AND clinician IS NULL`,
};

// Tags travel as one string; the unit separator never occurs in a tag a person types.
const TAG_SEPARATOR = '\u001f';

/** Whose the document is, as its identity check compares with what it names. */
const OWNER = sql`(SELECT name FROM patients pt WHERE pt.id = d.patient_id) AS patient_name,
    (SELECT date_of_birth FROM patients pt WHERE pt.id = d.patient_id) AS patient_birth_date,
    (SELECT other_names FROM patients pt WHERE pt.id = d.patient_id) AS patient_other_names`;

/** What the checklist reads of a document: the rest (tags, OCR, how it was composed) is left out of its query. */
export type ChecklistView = Pick<MedicalDocument, 'id' | 'kind' | 'type' | 'suggested' | 'title' | 'dateOfService' | 'facility' | 'identity' | 'languages'> & {
  readonly imaging: { readonly modalities: readonly string[] } | null;
};

/** The columns and facts of a document for the checklist: a case's documents for each of a practice's 200 open cases. */
const SELECT_CHECKLIST_VIEW = sql`
  SELECT d.*, NULL AS tags, NULL AS ocr, NULL AS part_of, NULL AS made_from,
    CASE WHEN d.kind = 'study' THEN
      (SELECT '0 0 ' || coalesce(group_concat(DISTINCT modality), '') FROM series se WHERE se.document_id = d.id) END AS imaging,
    ${STATED_JSON} AS stated,
    ${OWNER}
  FROM documents d`;

// Beside each document: its tags; for a study, its modalities and counts; for scanned pages, how OCR
// went; and for photos combined into one document, which one (all through indexes, one row each).
const SELECT_DOCUMENT = sql`
  SELECT d.*,
    (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM document_tags t WHERE t.document_id = d.id ORDER BY tag)) AS tags,
    CASE WHEN d.kind = 'study' THEN
      (SELECT count(*) || ' ' || (SELECT count(*) FROM instances i JOIN series x ON x.id = i.series_id WHERE x.document_id = d.id)
              || ' ' || coalesce(group_concat(DISTINCT modality), '')
       FROM series se WHERE se.document_id = d.id) END AS imaging,
    (SELECT count(*) || ' ' || total(ocr = 'pending') || ' ' || total(ocr = 'failed') || ' '
            || total(ocr = 'done' AND coalesce(ocr_confidence < ${LOW_OCR_CONFIDENCE}, 0)) || ' '
            || coalesce(avg(CASE WHEN ocr = 'done' THEN ocr_confidence END), '')
     FROM pages p WHERE p.document_id = d.id AND p.ocr IS NOT NULL) AS ocr,
    (SELECT c.document_id FROM composition_pages c WHERE c.source_document_id = d.id LIMIT 1) AS part_of,
    (SELECT group_concat(source_document_id) FROM (SELECT source_document_id FROM composition_pages c
       WHERE c.document_id = d.id GROUP BY source_document_id ORDER BY min(number))) AS made_from,
    ${STATED_JSON} AS stated,
    ${OWNER}
  FROM documents d`;

/** The values the app shows and filters by: confirmed first, else the library's suggestion. */
export const EFFECTIVE = {
  type: sql`coalesce(d.type, d.suggested_type, 'other')`,
  date: sql`coalesce(d.date_of_service, d.suggested_date_of_service)`,
  facility: sql`coalesce(d.facility, d.suggested_facility)`,
};

function asType(value: string | null): DocumentType | null {
  return value !== null && isDocumentType(value) ? value : null;
}

function ocrSummary(packed: string | null): OcrSummary | null {
  const [pages, pending, failed, low, confidence] = (packed ?? '').split(' ');
  if (!Number(pages)) return null;
  return {
    pages: Number(pages),
    pending: Number(pending),
    failed: Number(failed),
    lowConfidence: Number(low),
    confidence: confidence ? Math.round(Number(confidence)) : null,
  };
}

function imagingSummary(packed: string | null): ImagingSummary {
  const [series, instances, modalities] = (packed ?? '').split(' ');
  return { series: Number(series) || 0, instances: Number(instances) || 0, modalities: modalities ? modalities.split(',').sort() : [] };
}

function toDocument(row: DocumentRow): MedicalDocument {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    title: row.title,
    type: asType(row.type),
    dateOfService: row.date_of_service,
    facility: row.facility,
    clinician: row.clinician,
    suggested: {
      type: asType(row.suggested_type),
      dateOfService: row.suggested_date_of_service,
      facility: row.suggested_facility,
      clinician: row.suggested_clinician,
    },
    tags: row.tags ? row.tags.split(TAG_SEPARATOR) : [],
    notes: row.notes,
    pages: row.page_count,
    originalName: row.original_name,
    sourcePath: row.source_path,
    size: row.size,
    sha256: row.sha256,
    mediaType: row.media_type,
    importedAt: row.imported_at,
    imaging: row.kind === 'study' ? imagingSummary(row.imaging) : null,
    ocr: ocrSummary(row.ocr),
    partOf: row.part_of,
    madeFrom: row.made_from ? row.made_from.split(',').map(Number) : [],
    identity: identityOf(
      statedFromRows(JSON.parse(row.stated) as StatedRow[]),
      { name: row.patient_name, dateOfBirth: row.patient_birth_date, otherNames: JSON.parse(row.patient_other_names) as string[] },
      row.patient_confirmed === 1,
    ),
    dateReason: row.suggested_date_of_service && row.suggested_date_reason ? fromStored(row.suggested_date_reason) : null,
    deletedAt: row.deleted_at,
    languages: row.languages === null ? null : row.languages.split(' ').filter(Boolean),
    languagesByPerson: row.languages_by_person === 1,
  };
}

/** A picture of a page the window cannot show as it is (HEIC, TIFF): upright, as JPEG. */
export interface PagePreview {
  readonly number: number;
  readonly mediaType: string;
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** What an import hands over once a file is safely in the vault. */
export interface NewDocument {
  readonly patientId: number;
  /** A study has no original of its own (its DICOM files are its instances). */
  readonly kind?: DocumentKind;
  readonly sha256: string | null;
  readonly originalName: string;
  readonly sourcePath: string;
  readonly size: number;
  readonly mediaType: string;
  readonly title: string;
  readonly suggested: DocumentSuggestions;
  /** The text of each page, in order; its length is the page count. */
  readonly pageTexts: readonly string[];
  /** Pages (1-based) whose text is to be read by OCR. */
  readonly ocrPages?: readonly number[];
  readonly previews?: readonly PagePreview[];
  /** Details that are facts, not guesses (a study's type and date come from its files). */
  readonly confirmed?: { readonly type?: DocumentType; readonly dateOfService?: string | null };
  /** Why the suggested date of service is that date. */
  readonly dateReason?: Said | null;
  /** Whom it states as its patient (names, dates of birth), and from what (its text, a C-CDA header...). */
  readonly statedPatients?: readonly StatedPatient[];
  /**
   * The languages its text is written in (electron/suggest/language.ts reads them), main one first;
   * left out, it is read later with the documents of older libraries.
   */
  readonly languages?: readonly string[];
}

/** Photos combined into a document are listed under it, not on their own. */
const NOT_PART_OF_ANOTHER = sql`NOT EXISTS (SELECT 1 FROM composition_pages c WHERE c.source_document_id = d.id)`;

export function filterConditions(filters: DocumentFilters): SqlQuery[] {
  // What is in the trash is listed only in the trash.
  const conditions: SqlQuery[] = [NOT_PART_OF_ANOTHER, filters.inTrash ? sql`d.deleted_at IS NOT NULL` : sql`d.deleted_at IS NULL`];
  if (filters.patientId !== undefined) conditions.push(sql`d.patient_id = ${filters.patientId}`);
  if (filters.types?.length) conditions.push(sql`${EFFECTIVE.type} IN ${list(filters.types)}`);
  if (filters.from) conditions.push(sql`${EFFECTIVE.date} >= ${filters.from}`);
  if (filters.to) conditions.push(sql`${EFFECTIVE.date} <= ${filters.to}`);
  if (filters.facility?.trim()) {
    const pattern = `%${filters.facility.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${EFFECTIVE.facility} LIKE ${pattern} ESCAPE '\\'`);
  }
  if (filters.language) conditions.push(sql`(' ' || d.languages || ' ') LIKE ${`% ${filters.language} %`}`);
  if (filters.tag?.trim()) {
    conditions.push(sql`EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = ${filters.tag.trim()} COLLATE NOCASE)`);
  }
  return conditions;
}

export class Documents {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(id: number): MedicalDocument {
    const row = get<DocumentRow>(this.db, sql`${SELECT_DOCUMENT} WHERE d.id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-document', { id: String(id) }));
    return toDocument(row);
  }

  /** Several documents by number, in the order asked, in one query (one that is not in the library is an error, as for get). */
  getMany(ids: readonly number[]): MedicalDocument[] {
    return this.rowsOf(SELECT_DOCUMENT, ids);
  }

  /** As getMany, with only what the checklist reads (its series' modalities, not their counts). */
  checklistViews(ids: readonly number[]): ChecklistView[] {
    return this.rowsOf(SELECT_CHECKLIST_VIEW, ids);
  }

  private rowsOf(select: SqlQuery, ids: readonly number[]): MedicalDocument[] {
    if (ids.length === 0) return [];
    const rows = new Map(all<DocumentRow>(this.db, sql`${select} WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`).map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = rows.get(id);
      if (!row) throw new CasebinderError('not-found', said('err.no-document', { id: String(id) }));
      return toDocument(row);
    });
  }

  /** Newest care first (by date of service), then the most recently imported. */
  list(filters: DocumentFilters = {}, page: { limit?: number; offset?: number } = {}): MedicalDocument[] {
    return all<DocumentRow>(
      this.db,
      sql`${SELECT_DOCUMENT}${where(filterConditions(filters))}
          ORDER BY ${EFFECTIVE.date} IS NULL, ${EFFECTIVE.date} DESC, d.imported_at DESC, d.id DESC
          LIMIT ${page.limit ?? -1} OFFSET ${page.offset ?? 0}`,
    ).map(toDocument);
  }

  count(filters: DocumentFilters = {}): number {
    return get<{ n: number }>(this.db, sql`SELECT count(*) AS n FROM documents d${where(filterConditions(filters))}`)!.n;
  }

  /** The document holding these bytes, in the trash or not. */
  findByHash(sha256: string): { id: number; patientId: number; inTrash: boolean } | undefined {
    const row = get<{ id: number; patient_id: number; deleted_at: string | null }>(this.db, sql`SELECT id, patient_id, deleted_at FROM documents WHERE sha256 = ${sha256}`);
    return row && { id: row.id, patientId: row.patient_id, inTrash: row.deleted_at !== null };
  }

  /** Adds a document and all of its pages at once: a crash leaves all of it or none of it. */
  insert(doc: NewDocument, importedAt: Date): number {
    return writeTransaction(this.db, () => {
      const s = doc.suggested;
      const { lastInsertRowid } = run(
        this.db,
        sql`INSERT INTO documents (patient_id, kind, sha256, original_name, source_path, size, media_type, page_count,
                                   imported_at, title, type, date_of_service, suggested_type, suggested_date_of_service,
                                   suggested_facility, suggested_clinician, suggested_date_reason, patients_read, languages)
            VALUES (${doc.patientId}, ${doc.kind ?? 'file'}, ${doc.sha256}, ${doc.originalName}, ${doc.sourcePath}, ${doc.size},
                    ${doc.mediaType}, ${doc.pageTexts.length}, ${importedAt.toISOString()}, ${doc.title},
                    ${doc.confirmed?.type ?? null}, ${doc.confirmed?.dateOfService ?? null},
                    ${s.type}, ${s.dateOfService}, ${s.facility}, ${s.clinician}, ${doc.dateReason ? JSON.stringify(doc.dateReason) : null}, 1,
                    ${doc.languages ? doc.languages.join(' ') : null})`,
      );
      const id = Number(lastInsertRowid);
      for (const person of doc.statedPatients ?? []) {
        run(
          this.db,
          sql`INSERT INTO document_patients (document_id, names, birth_date, source) VALUES (${id}, ${JSON.stringify(person.names)}, ${person.birthDate}, ${person.source})`,
        );
      }
      const ocr = new Set(doc.ocrPages ?? []);
      doc.pageTexts.forEach((text, i) => {
        const state = ocr.has(i + 1) ? 'pending' : null;
        run(this.db, sql`INSERT INTO pages (document_id, number, text, ocr) VALUES (${id}, ${i + 1}, ${text}, ${state})`);
      });
      for (const p of doc.previews ?? []) {
        run(
          this.db,
          sql`INSERT INTO page_previews (document_id, number, media_type, width, height, data)
              VALUES (${id}, ${p.number}, ${p.mediaType}, ${p.width}, ${p.height}, ${p.data})`,
        );
      }
      this.indexText(id);
      return id;
    })();
  }

  /**
   * Adds a document made from photos and how each of its pages was made (which photo, turned and
   * cropped how), at once, so it can be made again and the photos are listed under it.
   */
  insertComposition(doc: NewDocument, pages: readonly ComposePage[], importedAt: Date): number {
    return writeTransaction(this.db, () => {
      const id = this.insert(doc, importedAt);
      pages.forEach((p, i) => {
        run(
          this.db,
          sql`INSERT INTO composition_pages (document_id, number, source_document_id, source_page, rotation, crop_left, crop_top, crop_width, crop_height)
              VALUES (${id}, ${i + 1}, ${p.documentId}, ${p.page}, ${p.rotation}, ${p.crop?.left ?? null}, ${p.crop?.top ?? null},
                      ${p.crop?.width ?? null}, ${p.crop?.height ?? null})`,
        );
      });
      return id;
    })();
  }

  /** Adds many documents in one transaction (a large batch at the speed of one commit). */
  insertMany(docs: readonly NewDocument[], importedAt: Date): number[] {
    return writeTransaction(this.db, () => docs.map((doc) => this.insert(doc, importedAt)))();
  }

  /** Adds a new document's pages to the document-level search index (triggers keep it in step after). */
  indexText(id: number): void {
    run(
      this.db,
      sql`INSERT INTO document_text_fts(rowid, text, owner)
          SELECT ${id}, coalesce((SELECT text FROM document_text WHERE id = ${id}), ''), 'c' || (SELECT patient_id FROM documents WHERE id = ${id})`,
    );
  }

  /** Puts a document in the trash (its facts leave the record with it), or takes it out. */
  trash(id: number, at: Date): void {
    run(this.db, sql`UPDATE documents SET deleted_at = ${at.toISOString()} WHERE id = ${id} AND deleted_at IS NULL`);
  }

  restore(id: number): void {
    run(this.db, sql`UPDATE documents SET deleted_at = NULL WHERE id = ${id}`);
  }

  /** Applies what a person changed; a confirmed value replaces the suggestion as what is shown. */
  edit(id: number, edit: DocumentEdit): MedicalDocument {
    this.get(id);
    const sets: SqlQuery[] = [];
    if (edit.title !== undefined) {
      const title = edit.title.trim();
      if (!title) throw new CasebinderError('invalid-input', said('err.document-title'));
      sets.push(sql`title = ${title}`);
    }
    if (edit.type !== undefined) {
      if (edit.type !== null && !isDocumentType(edit.type)) throw new CasebinderError('invalid-input', unknownDocumentTypeMessage(edit.type));
      sets.push(sql`type = ${edit.type}`);
    }
    if (edit.dateOfService !== undefined) {
      if (edit.dateOfService !== null && !isIsoDate(edit.dateOfService)) {
        throw new CasebinderError('invalid-input', said('err.not-a-date', { what: 'service', value: edit.dateOfService }));
      }
      sets.push(sql`date_of_service = ${edit.dateOfService}`);
    }
    if (edit.facility !== undefined) sets.push(sql`facility = ${blankToNull(edit.facility)}`);
    if (edit.clinician !== undefined) sets.push(sql`clinician = ${blankToNull(edit.clinician)}`);
    if (edit.notes !== undefined) sets.push(sql`notes = ${edit.notes}`);
    if (edit.languages === null) {
      // Read from the text again (electron/suggest/language.ts reads what is NULL).
      sets.push(sql`languages = NULL`, sql`languages_by_person = 0`);
    } else if (edit.languages !== undefined) {
      sets.push(sql`languages = ${[...new Set(edit.languages)].join(' ')}`, sql`languages_by_person = 1`);
    }

    writeTransaction(this.db, () => {
      for (const set of sets) run(this.db, sql`UPDATE documents SET ${set} WHERE id = ${id}`);
      if (edit.tags !== undefined) {
        run(this.db, sql`DELETE FROM document_tags WHERE document_id = ${id}`);
        for (const tag of normaliseTags(edit.tags)) {
          run(this.db, sql`INSERT INTO document_tags (document_id, tag) VALUES (${id}, ${tag})`);
        }
      }
    })();
    return this.get(id);
  }

  /**
   * Accepts the library's suggestions as the person's own values. Fields the person already set
   * are left alone: accepting suggestions never overwrites a choice.
   */
  confirm(id: number, fields: readonly SuggestedField[] = SUGGESTED_FIELDS): MedicalDocument {
    this.get(id);
    writeTransaction(this.db, () => {
      for (const field of fields) run(this.db, ACCEPT_SUGGESTION[field](id));
    })();
    return this.get(id);
  }

  /**
   * Accepts every suggestion of many documents at once, in one transaction; a value the person gave
   * stays. Returns the documents that had a suggestion to accept.
   */
  confirmMany(ids: readonly number[]): number[] {
    this.getMany(ids); // each must be in the library, or nothing changes
    const changed: number[] = [];
    writeTransaction(this.db, () => {
      for (const id of ids) {
        const n = SUGGESTED_FIELDS.reduce((sum, field) => sum + run(this.db, ACCEPT_SUGGESTION[field](id)).changes, 0);
        if (n > 0) changed.push(id);
      }
    })();
    return changed;
  }

  /** Adds one tag to many documents (one that already has it, in any case, keeps it as it was). Returns those that gained it. */
  addTag(ids: readonly number[], tag: string): number[] {
    const [clean] = normaliseTags([tag]);
    if (!clean) throw new CasebinderError('invalid-input', said('err.tag'));
    this.getMany(ids); // each must be in the library, or nothing changes
    const added: number[] = [];
    writeTransaction(this.db, () => {
      for (const id of ids) {
        const inserted = run(
          this.db,
          sql`INSERT INTO document_tags (document_id, tag) SELECT ${id}, ${clean}
              WHERE NOT EXISTS (SELECT 1 FROM document_tags WHERE document_id = ${id} AND tag = ${clean} COLLATE NOCASE)`,
        );
        if (inserted.changes > 0) added.push(id);
      }
    })();
    return added;
  }

  /** The person opened the document and so saw its suggestions (the first time is kept). */
  markOpened(id: number, at: Date): void {
    run(this.db, sql`UPDATE documents SET opened_at = ${at.toISOString()} WHERE id = ${id} AND opened_at IS NULL`);
  }

  /** The patient's documents the person has opened that still hold a suggestion not accepted. */
  openedWithSuggestions(patientId: number): number[] {
    return all<{ id: number }>(
      this.db,
      sql`SELECT id FROM documents
          WHERE patient_id = ${patientId} AND deleted_at IS NULL AND opened_at IS NOT NULL
            AND ((type IS NULL AND suggested_type IS NOT NULL) OR (date_of_service IS NULL AND suggested_date_of_service IS NOT NULL)
              OR (facility IS NULL AND suggested_facility IS NOT NULL) OR (clinician IS NULL AND suggested_clinician IS NOT NULL))
          ORDER BY id`,
    ).map((r) => r.id);
  }

  /** Records the languages read from a document's text (after OCR read it, or for an older library). */
  setLanguages(id: number, languages: readonly string[]): void {
    // What the person said stays: reading the text again never overwrites it.
    run(this.db, sql`UPDATE documents SET languages = ${languages.join(' ')} WHERE id = ${id} AND languages_by_person = 0`);
  }

  /** Documents whose languages are not read yet (from a library older than reading them), oldest first; only `ids` when given. */
  languagesUnread(limit: number, ids?: readonly number[]): number[] {
    return all<{ id: number }>(
      this.db,
      ids
        ? sql`SELECT id FROM documents WHERE languages IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) LIMIT ${limit}`
        : sql`SELECT id FROM documents WHERE languages IS NULL ORDER BY id LIMIT ${limit}`,
    ).map((r) => r.id);
  }

  pageText(id: number, page: number): string {
    const row = get<{ text: string }>(this.db, sql`SELECT text FROM pages WHERE document_id = ${id} AND number = ${page}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-page', { id: String(id), page: String(page) }));
    return row.text;
  }

  /**
   * New suggestions for a document whose text changed (OCR read its pages): they replace the ones
   * made without that text. What the person confirmed stays; the title changes only while it is
   * still the one the library gave (`automaticTitle`).
   */
  resuggest(id: number, suggested: DocumentSuggestions, title: string, automaticTitle: string, dateReason: Said | null): void {
    run(
      this.db,
      sql`UPDATE documents SET suggested_type = ${suggested.type}, suggested_date_of_service = ${suggested.dateOfService},
                               suggested_facility = ${suggested.facility}, suggested_clinician = ${suggested.clinician},
                               suggested_date_reason = ${dateReason ? JSON.stringify(dateReason) : null},
                               title = CASE WHEN title = ${automaticTitle} THEN ${title} ELSE title END
          WHERE id = ${id}`,
    );
  }

  /** Suggests a date for a document that has none suggested yet (a report from its study's date). */
  suggestDate(id: number, date: string, reason: Said): void {
    run(this.db, sql`UPDATE documents SET suggested_date_of_service = ${date}, suggested_date_reason = ${JSON.stringify(reason)} WHERE id = ${id} AND suggested_date_of_service IS NULL`);
  }

  /** Each page's origin of text: the file's own text, or OCR with its confidence. */
  pageInfo(id: number): PageInfo[] {
    this.get(id);
    return all<{ number: number; ocr: PageInfo['ocr']; ocr_confidence: number | null; ocr_languages: string | null; ocr_problem: string | null; width: number | null; height: number | null }>(
      this.db,
      sql`SELECT p.number, p.ocr, p.ocr_confidence, p.ocr_languages, p.ocr_problem, v.width, v.height
          FROM pages p LEFT JOIN page_previews v ON v.document_id = p.document_id AND v.number = p.number
          WHERE p.document_id = ${id} ORDER BY p.number`,
    ).map((r) => ({
      number: r.number,
      ocr: r.ocr,
      confidence: r.ocr_confidence === null ? null : Math.round(r.ocr_confidence),
      languages: r.ocr_languages,
      problem: r.ocr_problem === null ? null : fromStored(r.ocr_problem),
      preview: r.width !== null && r.height !== null ? { width: r.width, height: r.height } : null,
    }));
  }

  /** The upright preview of a page that has one (JPEG bytes). */
  preview(id: number, page: number): { mediaType: string; data: Uint8Array } {
    const row = get<{ media_type: string; data: Uint8Array }>(
      this.db,
      sql`SELECT media_type, data FROM page_previews WHERE document_id = ${id} AND number = ${page}`,
    );
    if (!row) throw new CasebinderError('not-found', said('err.no-preview', { id: String(id), page: String(page) }));
    return { mediaType: row.media_type, data: plainBytes(row.data) };
  }

  /** All the text of a document, page by page. */
  pageTexts(id: number): string[] {
    return all<{ text: string }>(this.db, sql`SELECT text FROM pages WHERE document_id = ${id} ORDER BY number`).map((r) => r.text);
  }
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed : null;
}

function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const clean = tag.trim().replace(/\s+/g, ' ');
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}
