import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../electron/library/migrations/0001-initial-library.ts';
import { migration0002 } from '../../../electron/library/migrations/0002-document-text-index.ts';

describe('migration 2: the document-level text index', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
  // A library as version 1 left it: two documents with pages, indexed by page only.
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann', 'now')`).run();
  const addDocument = db.prepare(
    `INSERT INTO documents (patient_id, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
     VALUES (1, ?, 'a.pdf', '/a.pdf', 10, 'application/pdf', 2, 'now', 'A')`,
  );
  const addPage = db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (?, ?, ?)`);
  addDocument.run('a'.repeat(64));
  addPage.run(1, 2, 'second page mentions gleason');
  addPage.run(1, 1, 'first page mentions creatinine');
  addDocument.run('b'.repeat(64));
  addPage.run(2, 1, 'nothing of note');
  migration0002.up(db);

  const find = (q: string) => db.prepare(`SELECT rowid AS id FROM document_text_fts WHERE document_text_fts MATCH ? ORDER BY rowid`).all(q).map((r) => (r as { id: number }).id);
  const check = () => {
    db.prepare(`INSERT INTO document_text_fts(document_text_fts) VALUES ('integrity-check')`).run();
    const rows = db.prepare(`SELECT rowid AS id FROM document_text_fts ORDER BY rowid`).all();
    expect(rows).toEqual(db.prepare(`SELECT id FROM documents ORDER BY id`).all());
  };

  it('indexes every document already in the library, pages in order, joined by form feeds', () => {
    expect(find('creatinine')).toEqual([1]);
    expect(find('gleason')).toEqual([1]);
    expect(find('note')).toEqual([2]);
    const text = db.prepare(`SELECT text FROM document_text WHERE id = 1`).get() as { text: string };
    expect(text.text).toBe('first page mentions creatinine\fsecond page mentions gleason');
    check();
  });

  it('follows a page whose text changes (as OCR will do)', () => {
    db.prepare(`UPDATE pages SET text = 'now about ferritin' WHERE document_id = 2`).run();
    expect(find('note')).toEqual([]);
    expect(find('ferritin')).toEqual([2]);
    check();
  });

  it('forgets a deleted document, and is not harmed by forgetting one it never knew', () => {
    db.prepare(`DELETE FROM document_text_fts WHERE rowid = 999`).run();
    db.prepare(`DELETE FROM documents WHERE id = 1`).run();
    expect(find('creatinine')).toEqual([]);
    check();
  });
});
