import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isIsoDate } from '../../shared/dates.ts';
import { isDocumentType } from '../../shared/document-types.ts';
import { all, get, run, sql } from './sql.ts';
import type { Vault } from './vault.ts';

export interface CheckReport {
  /** True when nothing is wrong: every document complete, every original intact. */
  readonly ok: boolean;
  /** What is wrong, one sentence each, naming the document where there is one. */
  readonly problems: readonly string[];
  /** Harmless findings, e.g. originals no document uses (left by an import that was interrupted). */
  readonly notes: readonly string[];
  readonly documents: number;
  readonly filesVerified: number;
}

export interface CheckProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
}

/**
 * Verifies the database (SQLite's own integrity and foreign-key checks, both search indexes, every
 * document complete with all its pages) and re-hashes every original in the vault against its name.
 */
export async function checkLibrary(
  db: Database,
  vault: Vault,
  options: { signal?: AbortSignal; onProgress?: (p: CheckProgress) => void } = {},
): Promise<CheckReport> {
  const problems: string[] = [];
  const notes: string[] = [];

  for (const row of db.pragma('integrity_check') as { integrity_check: string }[]) {
    if (row.integrity_check !== 'ok') problems.push(`The database is damaged: ${row.integrity_check}`);
  }
  for (const row of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    problems.push(`The database has a broken link: ${row.table} row ${row.rowid} points to a missing ${row.parent} row.`);
  }
  const ftsChecks = {
    // rank = 1 also compares the index with its external content table (the pages), which is what can drift.
    'page text': sql`INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)`,
    'document text': sql`INSERT INTO document_text_fts(document_text_fts) VALUES ('integrity-check')`,
    'document details': sql`INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')`,
  };
  for (const [index, query] of Object.entries(ftsChecks)) {
    try {
      run(db, query);
    } catch (error) {
      problems.push(`The search index of ${index} does not match the library: ${(error as Error).message}.`);
    }
  }
  const documents = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM documents`)!.n;
  for (const [index, query] of Object.entries({
    'document details': sql`SELECT count(*) AS n FROM documents_fts`,
    'document text': sql`SELECT count(*) AS n FROM document_text_fts`,
  })) {
    const indexed = get<{ n: number }>(db, query)!.n;
    if (indexed !== documents) problems.push(`The search index of ${index} lists ${indexed} documents but the library has ${documents}.`);
  }

  const incomplete = all<{ id: number; page_count: number; n: number; top: number | null }>(
    db,
    sql`SELECT d.id, d.page_count, count(p.id) AS n, max(p.number) AS top
        FROM documents d LEFT JOIN pages p ON p.document_id = d.id
        GROUP BY d.id HAVING n != d.page_count OR coalesce(top, 0) != d.page_count`,
  );
  for (const row of incomplete) {
    problems.push(`Document ${row.id} should have ${row.page_count} pages of text but has ${row.n}.`);
  }

  const rows = all<{ id: number; type: string | null; suggested_type: string | null; date_of_service: string | null; suggested_date_of_service: string | null }>(
    db,
    sql`SELECT id, type, suggested_type, date_of_service, suggested_date_of_service FROM documents`,
  );
  for (const row of rows) {
    for (const t of [row.type, row.suggested_type]) {
      if (t !== null && !isDocumentType(t)) problems.push(`Document ${row.id} has an unknown type "${t}".`);
    }
    for (const d of [row.date_of_service, row.suggested_date_of_service]) {
      if (d !== null && !isIsoDate(d)) problems.push(`Document ${row.id} has an invalid date "${d}".`);
    }
  }

  // Every original: each file's own, each DICOM file of each study, and each redacted copy.
  const originals = all<{ sha256: string; size: number; owners: string }>(
    db,
    sql`SELECT sha256, size, group_concat(owner, ', ') AS owners FROM (
          SELECT sha256, size, 'Document ' || id AS owner, id AS sort FROM documents WHERE sha256 IS NOT NULL
          UNION ALL
          SELECT i.sha256, i.size, 'Study ' || s.document_id || ' (file ' || i.original_name || ')', s.document_id
          FROM instances i JOIN series s ON s.id = i.series_id
          UNION ALL
          SELECT sha256, size, 'The redacted copy of document ' || document_id, document_id FROM redactions)
        GROUP BY sha256, size ORDER BY min(sort)`,
  );
  let filesDone = 0;
  for (const original of originals) {
    options.signal?.throwIfAborted();
    const problem = await vault.verify(original.sha256, original.size);
    if (problem) problems.push(`${original.owners}: ${problem}.`);
    filesDone++;
    options.onProgress?.({ filesDone, filesTotal: originals.length });
  }

  const referenced = new Set(originals.map((o) => vault.nameFor(o.sha256)));
  const unused = [...vault.storedNames()].filter((name) => !referenced.has(name)).length;
  if (unused) notes.push(`${unused} original file(s) in the vault belong to no document (an import was interrupted); importing the same file again uses them.`);
  const leftovers = vault.leftoverTempFiles();
  if (leftovers) notes.push(`${leftovers} temporary file(s) from an interrupted import will be removed the next time the library opens.`);

  return { ok: problems.length === 0, problems, notes, documents, filesVerified: filesDone };
}
