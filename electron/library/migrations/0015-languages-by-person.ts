import type { Migration } from './migration.ts';

/**
 * A document's languages as the person says them. Reading the text names a language wrongly now and
 * then (a short letter, a form in two languages); the person corrects it on the document, and
 * `languages_by_person` keeps the correction from being read over again (after OCR reads the pages
 * again, or in the background). Back to 0 with `languages` emptied to NULL: read from the text again.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'languages the person corrected',
  up(db) {
    db.exec(`ALTER TABLE documents ADD COLUMN languages_by_person INTEGER NOT NULL DEFAULT 0 CHECK (languages_by_person IN (0, 1));`);
  },
};
