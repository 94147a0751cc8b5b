import type { Migration } from './migration.ts';

/**
 * Search a client's document details (title, facility, clinician, file name, tags, notes) without
 * scoring everyone's. Migration 11 gave the text index an `owner` column; the details index had none,
 * so a search as you type within one client ranked every matching document of the practice and then
 * kept one client's: on 100,000 documents "La" (every "Lakeshore") took 34 ms of a 45 ms keystroke.
 * The details index is made again with the owner ('c' and the patient's number, as Search.ownerToken
 * writes it) and with prefix indexes of 2 and 3 letters, as the text indexes have (migration 3), so a
 * word just begun reads one list instead of merging every word that starts with it.
 *
 * The index is made again from the documents and their tags. Its triggers now fire only when a column
 * the index holds changes (they fired on every update of a document: opening it, reading its languages).
 */
export const migration0014: Migration = {
  version: 14,
  name: "search one client's document details",
  up(db) {
    const row = `new.title, coalesce(new.facility, new.suggested_facility, ''), coalesce(new.clinician, new.suggested_clinician, ''),
                 new.original_name, (SELECT coalesce(group_concat(tag, ' '), '') FROM document_tags WHERE document_id = new.id),
                 new.notes, 'c' || new.patient_id`;
    db.exec(`
      DROP TRIGGER documents_fts_insert;
      DROP TRIGGER documents_fts_update;
      DROP TRIGGER documents_fts_delete;
      DROP TRIGGER document_tags_fts_insert;
      DROP TRIGGER document_tags_fts_delete;
      DROP TABLE documents_fts;
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, facility, clinician, original_name, tags, notes, owner, prefix='2 3',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      INSERT INTO documents_fts(rowid, title, facility, clinician, original_name, tags, notes, owner)
        SELECT d.id, d.title, coalesce(d.facility, d.suggested_facility, ''), coalesce(d.clinician, d.suggested_clinician, ''),
               d.original_name, (SELECT coalesce(group_concat(tag, ' '), '') FROM document_tags WHERE document_id = d.id),
               d.notes, 'c' || d.patient_id
        FROM documents d;
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, facility, clinician, original_name, tags, notes, owner) VALUES (new.id, ${row});
      END;
      CREATE TRIGGER documents_fts_update
      AFTER UPDATE OF title, facility, suggested_facility, clinician, suggested_clinician, original_name, notes, patient_id ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.id;
        INSERT INTO documents_fts(rowid, title, facility, clinician, original_name, tags, notes, owner) VALUES (new.id, ${row});
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER document_tags_fts_insert AFTER INSERT ON document_tags BEGIN
        UPDATE documents_fts
        SET tags = (SELECT group_concat(tag, ' ') FROM document_tags WHERE document_id = new.document_id)
        WHERE rowid = new.document_id;
      END;
      CREATE TRIGGER document_tags_fts_delete AFTER DELETE ON document_tags BEGIN
        UPDATE documents_fts
        SET tags = (SELECT coalesce(group_concat(tag, ' '), '') FROM document_tags WHERE document_id = old.document_id)
        WHERE rowid = old.document_id;
      END;
    `);
  },
};
