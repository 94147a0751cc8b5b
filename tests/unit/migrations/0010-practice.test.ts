import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';
import { CASE_PARTS } from '../../../electron/library/migrations/0010-practice.ts';

function version9(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 9)) m.up(db);
  db.pragma('user_version = 9');
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann Lee', '2025-01-01T00:00:00Z')`).run();
  db.prepare(`INSERT INTO cases (patient_id, title, specialty, created_at) VALUES (1, 'Knee', 'other', '2025-02-03T04:05:06.000Z')`).run();
  db.prepare(
    `INSERT INTO documents (patient_id, kind, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
     VALUES (1, 'file', ?, 'a.pdf', '/a', 1, 'application/pdf', 1, '2025-03-01T00:00:00Z', 'A')`,
  ).run('a'.repeat(64));
  return db;
}

/** What SQLite's planner says it will do for a query: one line per step. */
const plan = (db: Database.Database, query: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 10: the practice view', () => {
  it('starts every case at its creation, then any change to the case or its parts is its last activity', () => {
    const db = version9();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const updated = () => (db.prepare('SELECT updated_at FROM cases WHERE id = 1').get() as { updated_at: string }).updated_at;
    expect(updated()).toBe('2025-02-03T04:05:06.000Z');
    // No document was opened before the app kept track.
    expect(db.prepare('SELECT opened_at FROM documents').all()).toEqual([{ opened_at: null }]);

    let last = updated();
    const changed = (what: string) => {
      const now = updated();
      expect(now, what).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(now > last, what).toBe(true);
      last = now;
      // The clock's next millisecond, so each change is seen apart.
      const until = Date.now() + 2;
      while (Date.now() < until);
    };
    db.prepare(`UPDATE cases SET status = 'ready' WHERE id = 1`).run();
    changed('the case');
    db.prepare(`INSERT INTO case_questions (case_id, position, text) VALUES (1, 1, 'Why?')`).run();
    changed('a question added');
    db.prepare(`UPDATE case_questions SET text = 'Why now?'`).run();
    changed('a question edited');
    db.prepare(`INSERT INTO case_documents (case_id, document_id, position) VALUES (1, 1, 1)`).run();
    changed('a document added');
    db.prepare(`INSERT INTO records_requests (case_id, facility, what, asked_on, method) VALUES (1, 'X', 'Y', '2025-03-01', 'fax')`).run();
    changed('a request');
    db.prepare(`UPDATE records_requests SET state = 'received'`).run();
    changed('a request answered');
    db.prepare(`DELETE FROM case_documents`).run();
    changed('a document removed');
    // Every part of a case has its three triggers.
    const triggers = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((t) => t.name);
    for (const table of CASE_PARTS) expect(triggers).toEqual(expect.arrayContaining([`${table}_added`, `${table}_changed`, `${table}_removed`]));
  });

  it("reads each client's document count and latest import, and each case's parts, from indexes", () => {
    const db = version9();
    migrate(db);
    // The queries of electron/library/practice.ts: none scans a whole table.
    const perPatient = plan(
      db,
      `SELECT p.id, (SELECT count(*) FROM documents d WHERE d.patient_id = p.id AND d.deleted_at IS NULL),
              (SELECT max(imported_at) FROM documents d WHERE d.patient_id = p.id AND d.deleted_at IS NULL) FROM patients p`,
    );
    expect(perPatient.match(/SEARCH d USING COVERING INDEX documents_by_patient_imported \(patient_id=\? AND deleted_at=\?\)/g)).toHaveLength(2);
    expect(perPatient).not.toMatch(/SCAN d/);
    // A case's parts, read for all the open cases at once (Cases.detailsOf): each table searched by case.
    const inCases = `(SELECT value FROM json_each('[1, 2, 3]'))`;
    expect(plan(db, `SELECT * FROM records_requests WHERE case_id IN ${inCases}`)).toMatch(/SEARCH records_requests USING INDEX records_requests_by_case \(case_id=\?\)/);
    expect(plan(db, `SELECT * FROM case_opinions WHERE case_id IN ${inCases}`)).toMatch(/SEARCH case_opinions USING INDEX case_opinions_by_case \(case_id=\?\)/);
    expect(plan(db, `SELECT * FROM case_specialists WHERE case_id IN ${inCases}`)).toMatch(/SEARCH case_specialists USING INDEX case_specialists_by_case \(case_id=\?\)/);
    expect(plan(db, `SELECT * FROM case_recommendations WHERE case_id IN ${inCases}`)).toMatch(/SEARCH case_recommendations USING INDEX case_recommendations_by_case \(case_id=\?\)/);
    expect(plan(db, `SELECT * FROM case_questions WHERE case_id IN ${inCases}`)).toMatch(/SEARCH case_questions USING .*\(case_id=\?/);
    expect(plan(db, `SELECT * FROM case_documents WHERE case_id IN ${inCases}`)).toMatch(/SEARCH case_documents USING .*\(case_id=\?/);
    for (const [parts, part, key] of [
      ['recommendation_documents', 'case_recommendations', 'recommendation_id'],
      ['request_documents', 'records_requests', 'request_id'],
    ]) {
      const joined = plan(db, `SELECT x.* FROM ${parts} x JOIN ${part} r ON r.id = x.${key} WHERE r.case_id IN ${inCases}`);
      expect(joined, parts).toMatch(new RegExp(`SEARCH x USING .*\\(${key}=\\?`));
      expect(joined, parts).not.toMatch(/SCAN (x|r)\b/);
    }
  });
});
