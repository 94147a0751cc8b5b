import type { Migration } from './migration.ts';

/**
 * Exporting a case: how to reach the patient (printed on the packet's cover), and the choices last used
 * for each of a case's specialists (which documents, images or not, a size limit), so the next export
 * for the same specialist starts from them. Passwords are never stored.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'export',
  up(db) {
    db.exec(`
      ALTER TABLE patients ADD COLUMN contact TEXT NOT NULL DEFAULT '';

      CREATE TABLE export_choices (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        -- The specialist's id, or 0 for an export not yet meant for anyone in particular.
        specialist_key INTEGER NOT NULL CHECK (specialist_key >= 0),
        choices TEXT NOT NULL CHECK (json_valid(choices)),
        PRIMARY KEY (case_id, specialist_key)
      ) STRICT;
    `);
  },
};
