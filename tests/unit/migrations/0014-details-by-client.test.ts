import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';

/** A version-13 library: two patients, a document each with details and a tag, indexed as version 13 indexed them. */
function version13(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 13)) m.up(db);
  db.pragma('user_version = 13');
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann Lee', 'x'), ('Rob Chen', 'x')`).run();
  const doc = db.prepare(
    `INSERT INTO documents (patient_id, kind, sha256, original_name, source_path, size, media_type, page_count, imported_at, title, facility, suggested_clinician, notes)
     VALUES (?, 'file', ?, ?, '/a', 1, 'application/pdf', 1, '2025-03-01T00:00:00Z', ?, ?, ?, ?)`,
  );
  doc.run(1, 'a'.repeat(64), 'mri-lumbar.pdf', 'MRI lumbar spine', 'Lakeshore Imaging', 'Dr Okafor', 'ask about the L4 disc');
  doc.run(2, 'b'.repeat(64), 'psa.pdf', 'PSA results', 'Lakeshore Urology', null, '');
  db.prepare(`INSERT INTO document_tags (document_id, tag) VALUES (1, 'for Dr Varga')`).run();
  return db;
}

const found = (db: Database.Database, match: string) =>
  (db.prepare('SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid').all(match) as { id: number }[]).map((r) => r.id);
const DETAILS = '{title facility clinician original_name tags notes}';

describe("migration 14: search one client's document details", () => {
  it('indexes every document again with its details, tags and owner, and keeps them as they change', () => {
    const db = version13();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    // What version 13 found is found again, in every column: title, facility, the suggested clinician, file, tags, notes.
    expect(found(db, `${DETAILS} : (lakeshore)`)).toEqual([1, 2]);
    for (const word of ['lumbar', 'okafor', '"mri-lumbar"', 'varga', 'disc']) expect(found(db, `${DETAILS} : (${word})`)).toEqual([1]);
    // One client's alone.
    expect(found(db, `owner : c1 AND ${DETAILS} : (lakeshore)`)).toEqual([1]);
    expect(found(db, `owner : c2 AND ${DETAILS} : ("la"*)`)).toEqual([2]);
    // A tag added and taken away; a title edited; a document moved to the other client; one deleted.
    db.prepare(`INSERT INTO document_tags (document_id, tag) VALUES (2, 'urgent')`).run();
    expect(found(db, `owner : c2 AND ${DETAILS} : (urgent)`)).toEqual([2]);
    db.prepare(`DELETE FROM document_tags WHERE document_id = 1`).run();
    expect(found(db, `${DETAILS} : (varga)`)).toEqual([]);
    db.prepare(`UPDATE documents SET title = 'MRI cervical spine' WHERE id = 1`).run();
    expect(found(db, `${DETAILS} : (cervical)`)).toEqual([1]);
    expect(found(db, `${DETAILS} : (lumbar)`)).toEqual([1]); // still its file name
    db.prepare(`UPDATE documents SET patient_id = 2 WHERE id = 1`).run();
    expect(found(db, `owner : c1 AND ${DETAILS} : (lakeshore)`)).toEqual([]);
    expect(found(db, `owner : c2 AND ${DETAILS} : (lakeshore)`)).toEqual([1, 2]);
    // A change to what the index does not hold leaves its row as it was, tags included.
    db.prepare(`UPDATE documents SET opened_at = '2025-03-02T00:00:00Z' WHERE id = 2`).run();
    expect(found(db, `owner : c2 AND ${DETAILS} : (urgent)`)).toEqual([2]);
    db.prepare(`DELETE FROM documents WHERE id = 2`).run();
    expect(found(db, `${DETAILS} : (lakeshore)`)).toEqual([1]);
    // The index agrees with its content (what `casebinder check` asks), and has the prefix indexes for typing.
    expect(() => db.prepare(`INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')`).run()).not.toThrow();
    const schema = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'documents_fts'`).get() as { sql: string }).sql;
    expect(schema).toContain(`prefix='2 3'`);
  });
});
