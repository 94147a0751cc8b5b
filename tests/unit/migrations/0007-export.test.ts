import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';

describe('migration 7: export', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 6)) m.up(db);
  db.pragma('user_version = 6');
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann', 'now')`).run();
  db.prepare(`INSERT INTO cases (patient_id, title, specialty, created_at) VALUES (1, 'Fusion', 'spine-orthopedic', 'now')`).run();
  migrate(db);

  it('keeps patients as they were, with an empty contact', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT name, contact FROM patients').all()).toEqual([{ name: 'Ann', contact: '' }]);
  });

  it('remembers choices per case and specialist, refuses what is not JSON, and forgets them with the case', () => {
    const remember = db.prepare('INSERT INTO export_choices (case_id, specialist_key, choices) VALUES (?, ?, ?)');
    remember.run(1, 0, '{"reportsOnly":true}');
    expect(() => remember.run(1, 0, '{}')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => remember.run(1, 2, 'not json')).toThrow(/CHECK/);
    expect(() => remember.run(9, 2, '{}')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM cases WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM export_choices').get()).toEqual({ n: 0 });
  });
});
