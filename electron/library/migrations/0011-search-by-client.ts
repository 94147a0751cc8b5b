import type { Migration } from './migration.ts';

/**
 * Search within one client's records without ranking everyone's: the document-level index gets an
 * `owner` column holding the patient's token, so a search asks FTS5 for `owner : c17 AND {text} : (...)`
 * and only that client's matching documents are scored (a practice of 100,000 documents made each
 * search score up to every matching document of every client, then drop all but one client's; the
 * token is 'c' and the patient's number, as Search.ownerToken writes it). The
 * index is made again with the column (contentless, so every document's text is read once more); the
 * owner follows a document moved to another patient.
 *
 * The page-level index likewise gets each page's document (`document_token`, 'd' and the document's
 * number: a generated column of `pages`, which is the index's content), so the pages of the twenty
 * documents a search shows are found by `document_token : (d1 OR d2 ...) AND text : (...)` instead of
 * a pass over every page of the library that holds the words.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'search within one client',
  up(db) {
    db.exec(`
      DROP TRIGGER document_text_fts_after_page_update;
      DROP TRIGGER document_text_fts_after_document_delete;
      DROP TABLE document_text_fts;
      CREATE VIRTUAL TABLE document_text_fts USING fts5(
        text, owner, content='', contentless_delete=1, prefix='2 3',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      -- Only the text ranks: every row matches its owner once, which tells one document from another nothing.
      INSERT INTO document_text_fts(document_text_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
      INSERT INTO document_text_fts(rowid, text, owner)
        SELECT d.id, coalesce(t.text, ''), 'c' || d.patient_id FROM documents d LEFT JOIN document_text t ON t.id = d.id;
      CREATE TRIGGER document_text_fts_after_page_update AFTER UPDATE OF text ON pages BEGIN
        DELETE FROM document_text_fts WHERE rowid = new.document_id;
        INSERT INTO document_text_fts(rowid, text, owner)
          SELECT t.id, t.text, 'c' || d.patient_id FROM document_text t JOIN documents d ON d.id = t.id WHERE t.id = new.document_id;
      END;
      CREATE TRIGGER document_text_fts_after_document_delete AFTER DELETE ON documents BEGIN
        DELETE FROM document_text_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER document_text_fts_after_owner_change AFTER UPDATE OF patient_id ON documents WHEN new.patient_id IS NOT old.patient_id BEGIN
        DELETE FROM document_text_fts WHERE rowid = new.id;
        INSERT INTO document_text_fts(rowid, text, owner)
          SELECT new.id, coalesce((SELECT text FROM document_text WHERE id = new.id), ''), 'c' || new.patient_id;
      END;

      ALTER TABLE pages ADD COLUMN document_token TEXT GENERATED ALWAYS AS ('d' || document_id) VIRTUAL;
      DROP TRIGGER pages_fts_insert;
      DROP TRIGGER pages_fts_delete;
      DROP TRIGGER pages_fts_update;
      DROP TABLE pages_fts;
      CREATE VIRTUAL TABLE pages_fts USING fts5(
        text, document_token, content='pages', content_rowid='id', prefix='2 3',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      INSERT INTO pages_fts(pages_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
      INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');
      CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts(rowid, text, document_token) VALUES (new.id, new.text, new.document_token);
      END;
      CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text, document_token) VALUES ('delete', old.id, old.text, old.document_token);
      END;
      CREATE TRIGGER pages_fts_update AFTER UPDATE OF text, document_id ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text, document_token) VALUES ('delete', old.id, old.text, old.document_token);
        INSERT INTO pages_fts(rowid, text, document_token) VALUES (new.id, new.text, new.document_token);
      END;
    `);
  },
};
