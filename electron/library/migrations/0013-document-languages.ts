import type { Migration } from './migration.ts';

/**
 * The languages a document is written in, read from its text (`electron/suggest/language.ts`): BCP 47
 * codes separated by spaces, the main one first; '' when its text names none (too little text, a
 * study). NULL until read: a library made before this step is read in the background after it opens
 * (reading 100,000 documents' text here would hold the library closed for minutes), and whatever needs
 * a document's languages before then reads them first (`readUnreadLanguages` in electron/suggest/language.ts).
 */
export const migration0013: Migration = {
  version: 13,
  name: 'document-languages',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN languages TEXT;
      CREATE INDEX documents_languages_unread ON documents(id) WHERE languages IS NULL;
    `);
  },
};
