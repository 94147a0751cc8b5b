import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';

describe('migration 15: languages the person corrected', () => {
  it("keeps every document's languages as read, said by no one yet, and takes only yes or no", () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS.filter((m) => m.version <= 14)) m.up(db);
    db.pragma('user_version = 14');
    db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann Lee', 'x')`).run();
    db.prepare(
      `INSERT INTO documents (patient_id, kind, sha256, original_name, source_path, size, media_type, page_count, imported_at, title, languages)
       VALUES (1, 'file', ?, 'a.pdf', '/a', 1, 'application/pdf', 1, '2025-03-01T00:00:00Z', 'A', 'es en')`,
    ).run('a'.repeat(64));
    migrate(db);
    expect(db.prepare('SELECT languages, languages_by_person FROM documents').get()).toEqual({ languages: 'es en', languages_by_person: 0 });
    expect(() => db.prepare('UPDATE documents SET languages_by_person = 2').run()).toThrow(/CHECK/);
  });
});
