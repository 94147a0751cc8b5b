import type { Migration } from './migration.ts';

/**
 * Redactions: each is a new file made from a document's original (in the vault, beside the originals,
 * encrypted with them), with what it removed. A document's newest redaction is the one exports send;
 * undoing removes the newest. `areas` holds the boxes burned in, the texts searched for with their
 * counts and the suggestions accepted (JSON). Removing a document removes its redactions.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'redactions',
  up(db) {
    db.exec(`
      CREATE TABLE redactions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        pages INTEGER NOT NULL,
        words_removed INTEGER NOT NULL,
        areas TEXT NOT NULL CHECK (json_valid(areas))
      ) STRICT;
      CREATE INDEX redactions_by_document ON redactions(document_id, id);
    `);
  },
};
