import type { Database } from 'better-sqlite3';
import { invalidDateMessage, isIsoDate } from '../../shared/dates.ts';
import { isDocumentType, unknownDocumentTypeMessage } from '../../shared/document-types.ts';
import type { DocumentType } from '../../shared/document-types.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { SUGGESTED_FIELDS } from '../../shared/library-types.ts';
import type {
  DocumentEdit,
  DocumentFilters,
  DocumentSuggestions,
  MedicalDocument,
  SuggestedField,
} from '../../shared/library-types.ts';
import { all, get, list, run, sql, where } from './sql.ts';
import type { SqlQuery } from './sql.ts';

interface DocumentRow {
  id: number;
  patient_id: number;
  sha256: string;
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

const SELECT_DOCUMENT = sql`
  SELECT d.*, (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM document_tags t
               WHERE t.document_id = d.id ORDER BY tag)) AS tags
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

function toDocument(row: DocumentRow): MedicalDocument {
  return {
    id: row.id,
    patientId: row.patient_id,
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
  };
}

/** What an import hands over once a file is safely in the vault. */
export interface NewDocument {
  readonly patientId: number;
  readonly sha256: string;
  readonly originalName: string;
  readonly sourcePath: string;
  readonly size: number;
  readonly mediaType: string;
  readonly title: string;
  readonly suggested: DocumentSuggestions;
  /** The text of each page, in order; its length is the page count. */
  readonly pageTexts: readonly string[];
}

export function filterConditions(filters: DocumentFilters): SqlQuery[] {
  const conditions: SqlQuery[] = [];
  if (filters.patientId !== undefined) conditions.push(sql`d.patient_id = ${filters.patientId}`);
  if (filters.types?.length) conditions.push(sql`${EFFECTIVE.type} IN ${list(filters.types)}`);
  if (filters.from) conditions.push(sql`${EFFECTIVE.date} >= ${filters.from}`);
  if (filters.to) conditions.push(sql`${EFFECTIVE.date} <= ${filters.to}`);
  if (filters.facility?.trim()) {
    const pattern = `%${filters.facility.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${EFFECTIVE.facility} LIKE ${pattern} ESCAPE '\\'`);
  }
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
    if (!row) throw new CasebinderError('not-found', `There is no document number ${id} in this library.`);
    return toDocument(row);
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

  findByHash(sha256: string): { id: number; patientId: number } | undefined {
    const row = get<{ id: number; patient_id: number }>(this.db, sql`SELECT id, patient_id FROM documents WHERE sha256 = ${sha256}`);
    return row && { id: row.id, patientId: row.patient_id };
  }

  /** Adds a document and all of its pages at once: a crash leaves all of it or none of it. */
  insert(doc: NewDocument, importedAt: Date): number {
    return this.db.transaction(() => {
      const s = doc.suggested;
      const { lastInsertRowid } = run(
        this.db,
        sql`INSERT INTO documents (patient_id, sha256, original_name, source_path, size, media_type, page_count,
                                   imported_at, title, suggested_type, suggested_date_of_service,
                                   suggested_facility, suggested_clinician)
            VALUES (${doc.patientId}, ${doc.sha256}, ${doc.originalName}, ${doc.sourcePath}, ${doc.size},
                    ${doc.mediaType}, ${doc.pageTexts.length}, ${importedAt.toISOString()}, ${doc.title},
                    ${s.type}, ${s.dateOfService}, ${s.facility}, ${s.clinician})`,
      );
      const id = Number(lastInsertRowid);
      doc.pageTexts.forEach((text, i) => {
        run(this.db, sql`INSERT INTO pages (document_id, number, text) VALUES (${id}, ${i + 1}, ${text})`);
      });
      this.indexText(id);
      return id;
    })();
  }

  /** Adds a new document's pages to the document-level search index (triggers keep it in step after). */
  private indexText(id: number): void {
    run(this.db, sql`INSERT INTO document_text_fts(rowid, text) SELECT ${id}, coalesce((SELECT text FROM document_text WHERE id = ${id}), '')`);
  }

  /** Applies what a person changed; a confirmed value replaces the suggestion as what is shown. */
  edit(id: number, edit: DocumentEdit): MedicalDocument {
    this.get(id);
    const sets: SqlQuery[] = [];
    if (edit.title !== undefined) {
      const title = edit.title.trim();
      if (!title) throw new CasebinderError('invalid-input', 'A document needs a title. Type a few words that say what it is.');
      sets.push(sql`title = ${title}`);
    }
    if (edit.type !== undefined) {
      if (edit.type !== null && !isDocumentType(edit.type)) throw new CasebinderError('invalid-input', unknownDocumentTypeMessage(edit.type));
      sets.push(sql`type = ${edit.type}`);
    }
    if (edit.dateOfService !== undefined) {
      if (edit.dateOfService !== null && !isIsoDate(edit.dateOfService)) {
        throw new CasebinderError('invalid-input', invalidDateMessage('The date of service', edit.dateOfService));
      }
      sets.push(sql`date_of_service = ${edit.dateOfService}`);
    }
    if (edit.facility !== undefined) sets.push(sql`facility = ${blankToNull(edit.facility)}`);
    if (edit.clinician !== undefined) sets.push(sql`clinician = ${blankToNull(edit.clinician)}`);
    if (edit.notes !== undefined) sets.push(sql`notes = ${edit.notes}`);

    this.db.transaction(() => {
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
    this.db.transaction(() => {
      for (const field of fields) run(this.db, ACCEPT_SUGGESTION[field](id));
    })();
    return this.get(id);
  }

  pageText(id: number, page: number): string {
    const row = get<{ text: string }>(this.db, sql`SELECT text FROM pages WHERE document_id = ${id} AND number = ${page}`);
    if (!row) throw new CasebinderError('not-found', `Document ${id} has no page ${page}.`);
    return row.text;
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
