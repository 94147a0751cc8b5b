import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../electron/library/migrations/0001-initial-library.ts';

describe('migration 1: the initial library', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann', 'now')`).run();
  const insertDocument = db.prepare(
    `INSERT INTO documents (patient_id, sha256, original_name, source_path, size, media_type, page_count, imported_at, title, suggested_facility)
     VALUES (1, ?, 'a.pdf', '/a.pdf', 10, 'application/pdf', 1, 'now', 'Lipid panel', 'Quest Diagnostics')`,
  );

  it('creates the tables, with foreign keys enforced', () => {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['patients', 'documents', 'document_tags', 'pages', 'pages_fts', 'documents_fts']));
    expect(() => db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (999, 1, 'x')`).run()).toThrow(/FOREIGN KEY/);
  });

  it('keeps page search in step with pages through triggers', () => {
    insertDocument.run('a'.repeat(64));
    db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (1, 1, 'Creatinine 1.12 H')`).run();
    const find = (q: string) => db.prepare(`SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?`).all(q).length;
    expect(find('creatinine')).toBe(1);
    db.prepare(`UPDATE pages SET text = 'Glucose 92' WHERE document_id = 1`).run();
    expect(find('creatinine')).toBe(0);
    expect(find('glucose')).toBe(1);
    db.prepare(`INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')`).run();
  });

  it('indexes document details, tags included, and forgets deleted documents', () => {
    db.prepare(`INSERT INTO document_tags (document_id, tag) VALUES (1, 'pre-op')`).run();
    const find = (q: string) => db.prepare(`SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?`).all(q).length;
    expect(find('quest')).toBe(1);
    expect(find('"pre-op"')).toBe(1);
    db.prepare(`UPDATE documents SET facility = 'LabCorp' WHERE id = 1`).run();
    expect(find('labcorp')).toBe(1);
    expect(find('"pre-op"')).toBe(1);
    db.prepare(`DELETE FROM documents WHERE id = 1`).run();
    expect(find('labcorp')).toBe(0);
    expect((db.prepare(`SELECT count(*) AS n FROM pages`).get() as { n: number }).n).toBe(0);
  });

  it('refuses a document without a real fingerprint, or the same bytes twice', () => {
    expect(() => insertDocument.run('short')).toThrow(/CHECK/);
    insertDocument.run('b'.repeat(64));
    expect(() => insertDocument.run('b'.repeat(64))).toThrow(/UNIQUE/);
  });
});
