import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';

/** A version-10 library: two patients, a document each, their pages indexed as version 10 indexed them. */
function version10(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 10)) m.up(db);
  db.pragma('user_version = 10');
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann Lee', 'x'), ('Rob Chen', 'x')`).run();
  const doc = db.prepare(
    `INSERT INTO documents (patient_id, kind, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
     VALUES (?, 'file', ?, 'a.pdf', '/a', 1, 'application/pdf', 1, '2025-03-01T00:00:00Z', 'A')`,
  );
  doc.run(1, 'a'.repeat(64));
  doc.run(2, 'b'.repeat(64));
  db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (1, 1, 'Hemoglobin 13.2 g/dL'), (2, 1, 'Hemoglobin 9.1 g/dL, creatinine')`).run();
  db.exec(`INSERT INTO document_text_fts(rowid, text) SELECT id, text FROM document_text`);
  return db;
}

const found = (db: Database.Database, match: string) => (db.prepare('SELECT rowid AS id FROM document_text_fts WHERE document_text_fts MATCH ? ORDER BY rowid').all(match) as { id: number }[]).map((r) => r.id);

describe('migration 11: search within one client', () => {
  it("indexes every document again with its owner, and keeps the owner when a page's text or the patient changes", () => {
    const db = version10();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(found(db, 'text : (hemoglobin)')).toEqual([1, 2]);
    expect(found(db, 'owner : c1 AND text : (hemoglobin)')).toEqual([1]);
    expect(found(db, 'owner : c2 AND text : (creatinine)')).toEqual([2]);
    // OCR reads a page again: its document is indexed again, with its owner.
    db.prepare(`UPDATE pages SET text = 'Hemoglobin 13.2 g/dL, creatinine 0.9' WHERE document_id = 1`).run();
    expect(found(db, 'owner : c1 AND text : (creatinine)')).toEqual([1]);
    // Moved to the other patient: found under them, no longer under the first.
    db.prepare(`UPDATE documents SET patient_id = 2 WHERE id = 1`).run();
    expect(found(db, 'owner : c1 AND text : (hemoglobin)')).toEqual([]);
    expect(found(db, 'owner : c2 AND text : (hemoglobin)')).toEqual([1, 2]);
    db.prepare(`DELETE FROM documents WHERE id = 2`).run();
    expect(found(db, 'text : (hemoglobin)')).toEqual([1]);
    expect(() => db.prepare(`INSERT INTO document_text_fts(document_text_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  });

  it("indexes each page with its document, so a search reads only the shown documents' pages", () => {
    const db = version10();
    migrate(db);
    const pages = (match: string) => (db.prepare('SELECT rowid AS id FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rowid').all(match) as { id: number }[]).map((r) => r.id);
    expect(pages('text : (hemoglobin)')).toEqual([1, 2]);
    expect(pages('document_token : (d2) AND text : (hemoglobin)')).toEqual([2]);
    expect(pages('document_token : (d1 OR d2) AND text : (creatinine)')).toEqual([2]);
    db.prepare(`UPDATE pages SET text = 'Sodium 140' WHERE id = 2`).run();
    expect(pages('document_token : (d2) AND text : (hemoglobin)')).toEqual([]);
    expect(pages('document_token : (d2) AND text : (sodium)')).toEqual([2]);
    db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (1, 2, 'Sodium 139')`).run();
    expect(pages('document_token : (d1) AND text : (sodium)')).toEqual([3]);
    db.prepare(`DELETE FROM documents WHERE id = 1`).run();
    expect(pages('text : (sodium)')).toEqual([2]);
    // The index agrees with the pages it is built from (what `casebinder check` asks).
    expect(() => db.prepare(`INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  });
});
