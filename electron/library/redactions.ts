import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DocumentRedactions, Redaction, RedactionBox } from '../../shared/redaction-types.ts';
import { all, get, list, run, sql } from './sql.ts';
import type { Vault } from './vault.ts';

interface Row {
  id: number;
  document_id: number;
  created_at: string;
  sha256: string;
  size: number;
  media_type: string;
  pages: number;
  words_removed: number;
  areas: string;
}

/** What a redaction removed, as its row keeps it. */
export interface RedactionAreas {
  readonly boxes: readonly RedactionBox[];
  readonly found: readonly { readonly text: string; readonly matches: number }[];
  readonly suggestionsAccepted: readonly string[];
}

function fromRow(row: Row): Redaction {
  const areas = JSON.parse(row.areas) as RedactionAreas;
  return {
    id: row.id,
    documentId: row.document_id,
    createdAt: row.created_at,
    boxes: areas.boxes,
    found: areas.found,
    suggestionsAccepted: areas.suggestionsAccepted,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.media_type,
    pages: row.pages,
    wordsRemoved: row.words_removed,
  };
}

/**
 * The redacted copies of documents. Each file is stored in the vault like an original (never changed,
 * encrypted in an encrypted library, kept by backups); the newest of a document is the one exports
 * send. A file no document or redaction uses any more is removed from the vault.
 */
export class Redactions {
  private readonly db: Database;
  private readonly vault: Vault;
  private readonly now: () => Date;

  constructor(db: Database, vault: Vault, now: () => Date) {
    this.db = db;
    this.vault = vault;
    this.now = now;
  }

  /** A document's redactions, newest first. */
  of(documentId: number): DocumentRedactions {
    const history = all<Row>(this.db, sql`SELECT * FROM redactions WHERE document_id = ${documentId} ORDER BY id DESC`).map(fromRow);
    return { documentId, current: history[0] ?? null, history };
  }

  /** The newest redaction of each of these documents that has one. */
  current(documentIds: readonly number[]): Map<number, Redaction> {
    if (!documentIds.length) return new Map();
    const rows = all<Row>(
      this.db,
      sql`SELECT r.* FROM redactions r WHERE r.id IN (SELECT max(id) FROM redactions WHERE document_id IN ${list(documentIds)} GROUP BY document_id)`,
    );
    return new Map(rows.map((row) => [row.document_id, fromRow(row)]));
  }

  /** Stores a redacted file and records it as the document's newest redaction. */
  async add(documentId: number, file: { bytes: Uint8Array; mediaType: string; pages: number; wordsRemoved: number }, areas: RedactionAreas): Promise<Redaction> {
    const staged = await this.vault.stage(file.bytes);
    try {
      await this.vault.commit(staged);
    } catch (error) {
      await this.vault.discard(staged);
      throw error;
    }
    const { lastInsertRowid } = run(
      this.db,
      sql`INSERT INTO redactions (document_id, created_at, sha256, size, media_type, pages, words_removed, areas)
          VALUES (${documentId}, ${this.now().toISOString()}, ${staged.sha256}, ${staged.size}, ${file.mediaType}, ${file.pages}, ${file.wordsRemoved}, ${JSON.stringify(areas)})`,
    );
    return fromRow(get<Row>(this.db, sql`SELECT * FROM redactions WHERE id = ${Number(lastInsertRowid)}`)!);
  }

  /** Removes a document's newest redaction (the one before it, if any, is sent again); null when there was none. */
  async undo(documentId: number): Promise<Redaction | null> {
    const newest = this.of(documentId).current;
    if (!newest) return null;
    run(this.db, sql`DELETE FROM redactions WHERE id = ${newest.id}`);
    await this.removeUnused([newest.sha256]);
    return newest;
  }

  removeUnused(files: readonly string[]): Promise<number> {
    return removeUnusedFiles(this.db, this.vault, files);
  }
}

/** Removes from the vault those of these files that no document, DICOM file or redaction uses any more. */
export async function removeUnusedFiles(db: Database, vault: Vault, files: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const sha256 of files) {
    const used = get<{ n: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM documents WHERE sha256 = ${sha256}) + (SELECT count(*) FROM instances WHERE sha256 = ${sha256})
               + (SELECT count(*) FROM redactions WHERE sha256 = ${sha256}) AS n`,
    )!.n;
    if (used === 0) {
      await vault.remove(sha256);
      removed++;
    }
  }
  return removed;
}
