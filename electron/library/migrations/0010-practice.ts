import type { Migration } from './migration.ts';

/** The case tables whose changes are a case's activity (each has a `case_id`). */
export const CASE_PARTS = ['case_recommendations', 'case_questions', 'case_documents', 'records_requests', 'case_specialists', 'case_opinions'] as const;

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * An advocate's practice view:
 * - `cases.updated_at`, the case's last activity: kept by triggers on the case and on each of its parts,
 *   so no code path that changes a case can forget it (existing cases start at their creation);
 * - documents by patient with their trash state and import time, so each client's document count and
 *   latest import are read from the index alone, whatever the size of the library;
 * - `documents.opened_at`: when the person first opened a document and so saw its suggestions ("accept
 *   the suggestions of the documents I have looked at").
 */
export const migration0010: Migration = {
  version: 10,
  name: "the practice view: a case's last activity, documents by patient and import time, documents opened",
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN updated_at TEXT;
      ALTER TABLE documents ADD COLUMN opened_at TEXT;
      UPDATE cases SET updated_at = created_at;
      CREATE TRIGGER cases_touched AFTER UPDATE ON cases WHEN NEW.updated_at IS OLD.updated_at
        BEGIN UPDATE cases SET updated_at = ${NOW} WHERE id = NEW.id; END;
      CREATE INDEX documents_by_patient_imported ON documents(patient_id, deleted_at, imported_at);
      CREATE INDEX records_requests_by_case ON records_requests(case_id);
      CREATE INDEX case_opinions_by_case ON case_opinions(case_id);
      CREATE INDEX case_specialists_by_case ON case_specialists(case_id);
      CREATE INDEX case_recommendations_by_case ON case_recommendations(case_id);
    `);
    for (const table of CASE_PARTS) {
      db.exec(`
        CREATE TRIGGER ${table}_added AFTER INSERT ON ${table} BEGIN UPDATE cases SET updated_at = ${NOW} WHERE id = NEW.case_id; END;
        CREATE TRIGGER ${table}_changed AFTER UPDATE ON ${table} BEGIN UPDATE cases SET updated_at = ${NOW} WHERE id = NEW.case_id; END;
        CREATE TRIGGER ${table}_removed AFTER DELETE ON ${table} BEGIN UPDATE cases SET updated_at = ${NOW} WHERE id = OLD.case_id; END;
      `);
    }
  },
};
