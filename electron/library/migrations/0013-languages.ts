import type { Migration } from './migration.ts';

/**
 * Languages. The languages a document is written in, read from its text (`electron/suggest/language.ts`): BCP 47
 * codes separated by spaces, the main one first; '' when its text names none (too little text, a
 * study). NULL until read: a library made before this step is read in the background after it opens
 * (reading 100,000 documents' text here would hold the library closed for minutes), and whatever needs
 * a document's languages before then reads them first (`readUnreadLanguages` in electron/suggest/language.ts).
 * Also the language the patient speaks (and whether an interpreter is needed) and the languages each
 * specialist's centre reads.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'languages',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN languages TEXT;
      CREATE INDEX documents_languages_unread ON documents(id) WHERE languages IS NULL;

      -- The language the patient prefers to speak (BCP 47; NULL: not said), and whether appointments need
      -- an interpreter: both printed on the packet's cover.
      ALTER TABLE patients ADD COLUMN language TEXT;
      ALTER TABLE patients ADD COLUMN interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1));
      -- The languages a specialist's centre reads records in (BCP 47, space-separated): the checklist names
      -- the documents in others. English unless the person says otherwise.
      ALTER TABLE case_specialists ADD COLUMN reads TEXT NOT NULL DEFAULT 'en' CHECK (length(reads) > 0);
    `);
  },
};
