import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';

describe('migration 6: cases', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 5)) m.up(db);
  db.pragma('user_version = 5');
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann', 'now')`).run();
  db.prepare(
    `INSERT INTO documents (patient_id, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
     VALUES (1, ?, 'letter.pdf', '/x', 10, 'application/pdf', 1, 'now', 'Letter')`,
  ).run('a'.repeat(64));
  migrate(db);
  const addCase = db.prepare(`INSERT INTO cases (patient_id, title, specialty, created_at) VALUES (1, ?, ?, 'now')`);

  it('keeps the library as it was and adds cases', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT title FROM documents').all()).toEqual([{ title: 'Letter' }]);
    addCase.run('Recommended fusion', 'spine-orthopedic');
    expect(() => addCase.run('x', 'podiatry')).toThrow(/CHECK/);
    expect(() => addCase.run('  ', 'other')).toThrow(/CHECK/);
  });

  it('shares a document between cases, and a case goes without taking the document', () => {
    addCase.run('Second opinion on the MRI', 'radiology');
    db.prepare(`INSERT INTO case_documents (case_id, document_id, position) VALUES (1, 1, 1), (2, 1, 1)`).run();
    db.prepare(`INSERT INTO case_recommendations (case_id, clinician, procedure) VALUES (1, 'Dr Whitaker', 'L4-L5 fusion')`).run();
    db.prepare(`INSERT INTO recommendation_documents (recommendation_id, document_id) VALUES (1, 1)`).run();
    db.prepare('DELETE FROM cases WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT case_id FROM case_documents').all()).toEqual([{ case_id: 2 }]);
    expect(db.prepare('SELECT count(*) AS n FROM case_recommendations').get()).toEqual({ n: 0 });
  });
});
