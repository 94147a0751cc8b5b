import type { Migration } from './migration.ts';

/**
 * A search index over each document's whole text (its pages joined by form feeds), beside the
 * page-level one. Ranking 10,000 documents costs a tenth of ranking 100,000 pages (FTS5 must score
 * every match to sort them), and results are shown one per document anyway. Contentless (no text is
 * stored twice) with contentless_delete, so replacing a document's entry needs only its rowid: an
 * external-content index must be told the old words to forget them, and is corrupted when told wrong.
 * Prefix indexes of 2 and 3 letters keep search as you type fast when a word is only begun.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'document-level text index',
  up(db) {
    db.exec(`
      CREATE VIEW document_text AS
        SELECT document_id AS id, group_concat(text, char(12) ORDER BY number) AS text
        FROM pages GROUP BY document_id;
      CREATE VIRTUAL TABLE document_text_fts USING fts5(
        text, content='', contentless_delete=1, prefix='2 3',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      INSERT INTO document_text_fts(rowid, text)
        SELECT d.id, coalesce(t.text, '') FROM documents d LEFT JOIN document_text t ON t.id = d.id;
      -- New documents are indexed once, after all their pages are in (Documents.insert): a trigger
      -- per inserted page would re-index a 500-page PDF 500 times. Changes are followed here.
      CREATE TRIGGER document_text_fts_after_page_update AFTER UPDATE OF text ON pages BEGIN
        DELETE FROM document_text_fts WHERE rowid = new.document_id;
        INSERT INTO document_text_fts(rowid, text) SELECT id, text FROM document_text WHERE id = new.document_id;
      END;
      CREATE TRIGGER document_text_fts_after_document_delete AFTER DELETE ON documents BEGIN
        DELETE FROM document_text_fts WHERE rowid = old.id;
      END;
    `);
  },
};
