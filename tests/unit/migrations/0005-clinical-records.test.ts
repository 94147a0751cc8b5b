import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';

describe('migration 5: lab results and clinical records', () => {
  // A library as version 4 left it, with one document.
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 4)) m.up(db);
  db.pragma('user_version = 4');
  const latest = MIGRATIONS.at(-1)!.version;
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann', 'now')`).run();
  db.prepare(
    `INSERT INTO documents (patient_id, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
     VALUES (1, ?, 'ccd.xml', '/x', 10, 'application/xml', 1, 'now', 'CCD')`,
  ).run('a'.repeat(64));
  migrate(db);
  const lab = db.prepare(
    `INSERT INTO lab_results (patient_id, document_id, analyte, analyte_printed, value_number, value_printed, flag, origin, fingerprint, created_at)
     VALUES (1, 1, 'Creatinine', 'CREAT', 1.1, '1.1', ?, 'ccda', ?, 'now')`,
  );

  it('keeps the documents it found, and goes on to the latest version', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare('SELECT title FROM documents').all()).toEqual([{ title: 'CCD' }]);
  });

  it('stores a fact once per patient, and only the flags the app knows', () => {
    lab.run('H', 'creatinine|2025-01-30|1.1|mg/dL');
    expect(() => lab.run('H', 'creatinine|2025-01-30|1.1|mg/dL')).toThrow(/UNIQUE/);
    expect(() => lab.run('HIGH', 'other')).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO clinical_records (patient_id, document_id, kind, name, origin, fingerprint, created_at) VALUES (1, 1, 'problem', 'Asthma', 'ccda', 'p1', 'now')`,
    ).run();
    expect(() =>
      db.prepare(`INSERT INTO clinical_records (patient_id, kind, name, origin, fingerprint, created_at) VALUES (1, 'hobby', 'Golf', 'manual', 'p2', 'now')`).run(),
    ).toThrow(/CHECK/);
  });

  it('removes what was read from a document with the document', () => {
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM lab_results').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM clinical_records').get()).toEqual({ n: 0 });
  });
});
