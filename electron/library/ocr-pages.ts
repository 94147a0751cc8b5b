import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Said } from '../../shared/said.ts';
import { all, get, run, sql } from './sql.ts';

export interface WaitingPage {
  readonly documentId: number;
  readonly number: number;
}

/**
 * The pages whose text OCR reads: waiting ('pending'), read ('done', with Tesseract's confidence and
 * the languages used), or not readable ('failed', with the reason). Recording a reading replaces the
 * page's text, and the search indexes follow through their triggers.
 */
export class OcrPages {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Pages waiting, in document and page order, leaving out those already being read. */
  waiting(limit: number, except: ReadonlySet<string> = new Set()): WaitingPage[] {
    const rows = all<{ document_id: number; number: number }>(
      this.db,
      sql`SELECT document_id, number FROM pages WHERE ocr = 'pending' ORDER BY document_id, number LIMIT ${limit + except.size}`,
    );
    return rows
      .filter((r) => !except.has(pageKey(r.document_id, r.number)))
      .slice(0, limit)
      .map((r) => ({ documentId: r.document_id, number: r.number }));
  }

  waitingCount(): number {
    return get<{ n: number }>(this.db, sql`SELECT count(*) AS n FROM pages WHERE ocr = 'pending'`)!.n;
  }

  /** Keeps what OCR read, unless the page stopped waiting meanwhile (its document was removed). */
  read(page: WaitingPage, text: string, confidence: number, languages: string): boolean {
    const { changes } = run(
      this.db,
      sql`UPDATE pages SET text = ${text}, ocr = 'done', ocr_confidence = ${text ? confidence : null},
                           ocr_languages = ${languages}, ocr_problem = NULL
          WHERE document_id = ${page.documentId} AND number = ${page.number} AND ocr = 'pending'`,
    );
    return changes > 0;
  }

  /** Marks a page OCR could not read, keeping why (as said, so the window says it in its language). */
  failed(page: WaitingPage, problem: Said): void {
    run(
      this.db,
      sql`UPDATE pages SET ocr = 'failed', ocr_problem = ${JSON.stringify(problem)}
          WHERE document_id = ${page.documentId} AND number = ${page.number} AND ocr = 'pending'`,
    );
  }

  /** Whether a document still has pages waiting. */
  documentWaiting(documentId: number): boolean {
    return !!get(this.db, sql`SELECT 1 AS x FROM pages WHERE document_id = ${documentId} AND ocr = 'pending' LIMIT 1`);
  }

  /**
   * Puts every page read by OCR (or that failed) back in the queue, e.g. after the languages changed.
   * The text read so far stays until the new reading replaces it. Returns how many pages wait now.
   */
  readAgain(documentId?: number): number {
    run(
      this.db,
      sql`UPDATE pages SET ocr = 'pending' WHERE ocr IN ('done', 'failed')
          ${documentId === undefined ? sql`` : sql`AND document_id = ${documentId}`}`,
    );
    return this.waitingCount();
  }
}

export function pageKey(documentId: number, number: number): string {
  return `${documentId}:${number}`;
}
