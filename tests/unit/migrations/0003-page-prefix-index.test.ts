import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../electron/library/migrations/0001-initial-library.ts';
import { migration0002 } from '../../../electron/library/migrations/0002-document-text-index.ts';
import { migration0003 } from '../../../electron/library/migrations/0003-page-prefix-index.ts';

describe('migration 3: prefix indexes on page text', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
  migration0002.up(db);
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann', 'now')`).run();
  db.prepare(
    `INSERT INTO documents (patient_id, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
     VALUES (1, ?, 'a.pdf', '/a.pdf', 10, 'application/pdf', 1, 'now', 'A')`,
  ).run('a'.repeat(64));
  db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (1, 1, 'Creatinine 1.12 H')`).run();
  migration0003.up(db);
  const find = (q: string) => db.prepare(`SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?`).all(q).length;

  it('keeps the pages that were indexed, and finds them by their first letters', () => {
    expect(find('creatinine')).toBe(1);
    expect(find('cr*')).toBe(1);
    expect(db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'pages_fts'`).get()).toMatchObject({ sql: expect.stringContaining("prefix='2 3'") });
    db.prepare(`INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)`).run();
  });

  it('still follows new and changed pages through the triggers made before it', () => {
    db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (1, 2, 'Glucose 92')`).run();
    expect(find('gl*')).toBe(1);
    db.prepare(`UPDATE pages SET text = 'Ferritin 9 L' WHERE number = 1`).run();
    expect(find('creatinine')).toBe(0);
    expect(find('fe*')).toBe(1);
    db.prepare(`INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)`).run();
  });
});
