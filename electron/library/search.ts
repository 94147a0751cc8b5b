import type { Database } from 'better-sqlite3';
import { isDocumentType } from '../../shared/document-types.ts';
import type { DocumentFilters, SearchHit } from '../../shared/library-types.ts';
import { toFtsQuery } from '../../shared/search-query.ts';
import { MATCH_END, MATCH_START } from '../../shared/snippet.ts';
import { EFFECTIVE, filterConditions } from './documents.ts';
import { all, sql, where } from './sql.ts';

interface PageHitRow {
  document_id: number;
  number: number;
  snippet: string;
}

interface DocumentRow {
  id: number;
  patient_id: number;
  title: string;
  type: string;
  date: string | null;
  facility: string | null;
}

interface DetailsHitRow extends DocumentRow {
  title_marked: string;
  facility_marked: string;
  clinician_marked: string;
  name_marked: string;
  tags_marked: string;
  notes_marked: string;
}

// How many page matches to rank before grouping them by document; enough for a screenful of documents.
const PAGE_CANDIDATES = 200;
const SNIPPET_WORDS = 14;

/**
 * Full-text search over every page and over each document's details. Page matches are ranked with
 * bm25 and grouped by document (its best page first); documents whose title, facility, clinician,
 * file name, tags or notes match come first, since that is usually what a person typing a name means.
 */
export class Search {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  search(typed: string, filters: DocumentFilters = {}, limit = 50): SearchHit[] {
    const query = toFtsQuery(typed);
    if (!query) return [];
    const conditions = filterConditions(filters);

    const hits = new Map<number, SearchHit>();
    for (const row of this.detailsHits(query, conditions, limit)) {
      hits.set(row.id, {
        ...toHitBase(row),
        page: 1,
        snippet: detailsSnippet(row),
        otherPages: [],
      });
    }

    const pageRows = all<PageHitRow>(
      this.db,
      sql`SELECT p.document_id, p.number,
                 snippet(pages_fts, 0, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS snippet
          FROM pages_fts
          JOIN pages p ON p.id = pages_fts.rowid
          JOIN documents d ON d.id = p.document_id
          ${where([sql`pages_fts MATCH ${query}`, ...conditions])}
          ORDER BY pages_fts.rank
          LIMIT ${PAGE_CANDIDATES}`,
    );
    const byDocument = new Map<number, PageHitRow[]>();
    for (const row of pageRows) {
      const rows = byDocument.get(row.document_id) ?? [];
      rows.push(row);
      byDocument.set(row.document_id, rows);
    }
    const missing = [...byDocument.keys()].filter((id) => !hits.has(id));
    const documents = new Map(this.documentsById(missing).map((d) => [d.id, d]));

    for (const [id, rows] of byDocument) {
      const best = rows[0]!;
      const existing = hits.get(id);
      if (existing) {
        // The details matched too: point at the best page and show its text, which says more.
        hits.set(id, { ...existing, page: best.number, snippet: best.snippet, otherPages: rows.slice(1).map((r) => r.number) });
        continue;
      }
      const doc = documents.get(id);
      if (!doc) continue;
      hits.set(id, { ...toHitBase(doc), page: best.number, snippet: best.snippet, otherPages: rows.slice(1).map((r) => r.number) });
    }
    return [...hits.values()].slice(0, limit);
  }

  private detailsHits(query: string, conditions: ReturnType<typeof filterConditions>, limit: number): DetailsHitRow[] {
    const mark = (column: number) => sql`highlight(documents_fts, ${column}, ${MATCH_START}, ${MATCH_END})`;
    return all<DetailsHitRow>(
      this.db,
      sql`SELECT d.id, d.patient_id, d.title, ${EFFECTIVE.type} AS type, ${EFFECTIVE.date} AS date,
                 ${EFFECTIVE.facility} AS facility,
                 ${mark(0)} AS title_marked, ${mark(1)} AS facility_marked, ${mark(2)} AS clinician_marked,
                 ${mark(3)} AS name_marked, ${mark(4)} AS tags_marked, ${mark(5)} AS notes_marked
          FROM documents_fts
          JOIN documents d ON d.id = documents_fts.rowid
          ${where([sql`documents_fts MATCH ${query}`, ...conditions])}
          ORDER BY bm25(documents_fts, 10.0, 5.0, 5.0, 3.0, 5.0, 1.0)
          LIMIT ${limit}`,
    );
  }

  private documentsById(ids: readonly number[]): DocumentRow[] {
    if (ids.length === 0) return [];
    return all<DocumentRow>(
      this.db,
      sql`SELECT d.id, d.patient_id, d.title, ${EFFECTIVE.type} AS type, ${EFFECTIVE.date} AS date,
                 ${EFFECTIVE.facility} AS facility
          FROM documents d WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    );
  }
}

function toHitBase(row: DocumentRow): Omit<SearchHit, 'page' | 'snippet' | 'otherPages'> {
  return {
    id: row.id,
    patientId: row.patient_id,
    title: row.title,
    type: isDocumentType(row.type) ? row.type : 'other',
    dateOfService: row.date,
    facility: row.facility,
  };
}

/** The first detail that matched, labelled, e.g. "Facility: Lakeshore [Imaging] Center". */
function detailsSnippet(row: DetailsHitRow): string {
  const fields: [string, string][] = [
    ['', row.title_marked],
    ['Facility: ', row.facility_marked],
    ['Clinician: ', row.clinician_marked],
    ['File: ', row.name_marked],
    ['Tags: ', row.tags_marked],
    ['Notes: ', row.notes_marked],
  ];
  const matched = fields.find(([, text]) => text?.includes(MATCH_START));
  return matched ? `${matched[0]}${matched[1]}` : row.title;
}
