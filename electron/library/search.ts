import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isDocumentType } from '../../shared/document-types.ts';
import type { DocumentFilters, SearchHit } from '../../shared/library-types.ts';
import { toFtsQuery } from '../../shared/search-query.ts';
import { MATCH_START, matchCount, snippetAround } from '../../shared/snippet.ts';
import { EFFECTIVE, filterConditions } from './documents.ts';
import { all, integer, sql, where } from './sql.ts';
import type { SqlQuery } from './sql.ts';

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

export const DEFAULT_SEARCH_LIMIT = 20;

/** The token that stands for a patient in the document-level index's `owner` column (migration 11; Documents.indexText). */
export function ownerToken(patientId: number): string {
  if (!Number.isSafeInteger(patientId)) throw new Error(`not a patient number: ${patientId}`);
  return `c${patientId}`;
}

// Match marks are the control characters MATCH_START (2) and MATCH_END (3), written as constants:
// bound as parameters they cost highlight() a third more time (measured).
const MARKED_PAGE = sql`highlight(pages_fts, 0, char(2), char(3))`;
const MARKED_DETAILS = [0, 1, 2, 3, 4, 5].map((column) => sql`highlight(documents_fts, ${integer(column)}, char(2), char(3))`);

/** An FTS query of one word of two or three letters, as a prefix (toFtsQuery's `"an"*`). */
const JUST_BEGUN = /^"[^"]{2,3}"\*$/u;

/** The details index's columns a person's words are matched in: all but the owner. */
const DETAIL_COLUMNS = 'title facility clinician original_name tags notes';

/** Pages of each result whose matches are marked in the first pass; a long chart's later pages only if needed. */
const MARKED_PAGES_PER_DOCUMENT = 12;

interface PageMatch {
  /** The page's row, to mark it later if need be. */
  readonly id: number;
  readonly number: number;
  readonly marked: string | null;
  /** How sure OCR was of this page's text; null when the text is the file's own. */
  readonly ocrConfidence: number | null;
}

/**
 * Full-text search over every page and over each document's details, one result per document.
 *
 * Documents are ranked with bm25 over their whole text: an index of 10,000 rows rather than 100,000
 * pages, since ranking is the expensive part (FTS5 scores every match to sort them). Then a single
 * pass over the matching pages, restricted to the chosen documents, lists where each one matches and
 * marks the matches on its first pages; the page with the most matches is the one a result opens at,
 * and the snippet is cut around its densest matches. Marking costs time in proportion to the text
 * marked, so a 200-page chart is never marked whole. (FTS5 rowid lookups into a common word's matches
 * cost as much as a full pass, so there are none.) Documents whose title, facility, clinician, file
 * name, tags or notes match come first: that is usually what a person typing a name means.
 */
export class Search {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  search(typed: string, filters: DocumentFilters = {}, limit = DEFAULT_SEARCH_LIMIT): SearchHit[] {
    const query = toFtsQuery(typed);
    if (!query) return [];
    const conditions = filterConditions(filters);
    // Within one client, only that client's documents are matched and ranked (migrations 11 and 14).
    const theirs = (words: string) => (filters.patientId !== undefined ? `owner : ${ownerToken(filters.patientId)} AND ${words}` : words);
    const details = this.detailsHits(theirs(`{${DETAIL_COLUMNS}} : (${query})`), conditions, limit);
    const match = theirs(`text : (${query})`);
    // One word just begun ("an", "ste") says nothing yet about which of a client's documents are about
    // it: they come newest care first. Ranking them cost a pass over every document of the practice
    // holding a word that starts so (bm25 counts them all), most of such a keystroke's time.
    const order = filters.patientId !== undefined && JUST_BEGUN.test(query) ? sql`${EFFECTIVE.date} IS NULL, ${EFFECTIVE.date} DESC, d.id DESC` : sql`f.rank`;
    const ranked = all<DocumentRow>(
      this.db,
      sql`SELECT d.id, d.patient_id, d.title, ${EFFECTIVE.type} AS type, ${EFFECTIVE.date} AS date, ${EFFECTIVE.facility} AS facility
          FROM document_text_fts f JOIN documents d ON d.id = f.rowid
          ${where([sql`document_text_fts MATCH ${match}`, ...conditions])}
          ORDER BY ${order} LIMIT ${integer(limit)}`,
    );
    const chosen = new Map<number, DocumentRow>();
    for (const doc of [...details, ...ranked]) if (!chosen.has(doc.id) && chosen.size < limit) chosen.set(doc.id, doc);
    const matches = this.matchingPages(query, [...chosen.keys()]);

    return [...chosen.values()].map((doc): SearchHit => {
      const pages = matches.get(doc.id) ?? [];
      const best = pages
        .filter((p): p is PageMatch & { marked: string } => p.marked !== null)
        .map((p) => ({ ...p, count: matchCount(p.marked) }))
        .sort((a, b) => b.count - a.count || a.number - b.number)[0];
      return {
        id: doc.id,
        patientId: doc.patient_id,
        title: doc.title,
        type: isDocumentType(doc.type) ? doc.type : 'other',
        dateOfService: doc.date,
        facility: doc.facility,
        page: best?.number ?? 1,
        snippet: best ? snippetAround(best.marked) : detailsSnippet(details.find((d) => d.id === doc.id)),
        otherPages: pages.map((p) => p.number).filter((n) => n !== best?.number),
        ocrConfidence: best?.ocrConfidence ?? null,
      };
    });
  }

  /** Every matching page of the given documents, in page order, marked where it is cheap to mark. */
  private matchingPages(query: string, documentIds: readonly number[]): Map<number, PageMatch[]> {
    const result = new Map<number, PageMatch[]>();
    if (documentIds.length === 0) return result;
    const pages = all<{ id: number; document_id: number; number: number; confidence: number | null }>(
      this.db,
      sql`SELECT id, document_id, number, CASE WHEN ocr = 'done' THEN round(ocr_confidence) END AS confidence FROM pages WHERE document_id IN (SELECT value FROM json_each(${JSON.stringify(documentIds)})) ORDER BY document_id, number`,
    );
    const byId = new Map(pages.map((p) => [p.id, p]));
    const first = pages.filter((p) => p.number <= MARKED_PAGES_PER_DOCUMENT).map((p) => p.id);
    // Only these documents' pages: FTS5 intersects the words' matches with theirs (migration 11), so the
    // cost follows the documents shown, not how many pages of the library hold the words.
    const theirs = (ids: readonly number[]) => `document_token : (${ids.map((id) => `d${id}`).join(' OR ')}) AND text : (${query})`;
    // "+rowid" keeps SQLite from turning the list into one FTS5 rowid lookup per page.
    const found = all<{ id: number; marked: string | null }>(
      this.db,
      sql`SELECT rowid AS id, CASE WHEN +rowid IN (SELECT value FROM json_each(${JSON.stringify(first)})) THEN ${MARKED_PAGE} END AS marked
          FROM pages_fts WHERE pages_fts MATCH ${theirs(documentIds)}`,
    );
    for (const row of found) {
      const page = byId.get(row.id);
      if (!page) continue;
      const list = result.get(page.document_id) ?? [];
      list.push({ id: row.id, number: page.number, marked: row.marked, ocrConfidence: page.confidence });
      result.set(page.document_id, list);
    }
    // A long chart that matches only after its first pages: mark its first matching page alone.
    const unmarked = [...result.values()]
      .filter((list) => list.every((p) => p.marked === null))
      .map((list) => list.reduce((a, b) => (a.number < b.number ? a : b)).id);
    if (unmarked.length) {
      const marked = new Map(
        all<{ id: number; marked: string }>(
          this.db,
          sql`SELECT rowid AS id, ${MARKED_PAGE} AS marked FROM pages_fts
              WHERE pages_fts MATCH ${theirs([...new Set(unmarked.map((id) => byId.get(id)!.document_id))])}
                AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(unmarked)}))`,
        ).map((r) => [r.id, r.marked]),
      );
      for (const list of result.values()) {
        for (const [i, p] of list.entries()) {
          const text = marked.get(p.id);
          if (text !== undefined) list[i] = { ...p, marked: text };
        }
      }
    }
    for (const list of result.values()) list.sort((a, b) => a.number - b.number);
    return result;
  }

  /** Documents whose details match `match` (an FTS5 query naming its columns), best first. */
  private detailsHits(match: string, conditions: readonly SqlQuery[], limit: number): DetailsHitRow[] {
    const mark = (column: 0 | 1 | 2 | 3 | 4 | 5) => MARKED_DETAILS[column]!;
    return all<DetailsHitRow>(
      this.db,
      sql`SELECT d.id, d.patient_id, d.title, ${EFFECTIVE.type} AS type, ${EFFECTIVE.date} AS date,
                 ${EFFECTIVE.facility} AS facility,
                 ${mark(0)} AS title_marked, ${mark(1)} AS facility_marked, ${mark(2)} AS clinician_marked,
                 ${mark(3)} AS name_marked, ${mark(4)} AS tags_marked, ${mark(5)} AS notes_marked
          FROM documents_fts
          JOIN documents d ON d.id = documents_fts.rowid
          ${where([sql`documents_fts MATCH ${match}`, ...conditions])}
          ORDER BY bm25(documents_fts, 10.0, 5.0, 5.0, 3.0, 5.0, 1.0, 0.0)
          LIMIT ${integer(limit)}`,
    );
  }
}

/** The first detail that matched, labelled, e.g. "Facility: Lakeshore [Imaging] Center". */
function detailsSnippet(row: DetailsHitRow | undefined): string {
  if (!row) return '';
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
