import type { Migration } from './migration.ts';

/**
 * Rebuilds the page-level search index with prefix indexes of 2 and 3 letters, as the document-level
 * one has: while a person types "cr", FTS5 would otherwise merge the matches of every word starting
 * with it (measured on 100,000 pages: 95th percentile of a keystroke 39 ms -> 10 ms; index +45%).
 * The triggers on `pages` name the index only when they fire, so they carry on unchanged.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'prefix indexes for search as you type',
  up(db) {
    db.exec(`
      DROP TABLE pages_fts;
      CREATE VIRTUAL TABLE pages_fts USING fts5(
        text, content='pages', content_rowid='id', prefix='2 3',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');
    `);
  },
};
