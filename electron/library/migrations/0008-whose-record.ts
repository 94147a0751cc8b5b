import type { Migration } from './migration.ts';

/**
 * Whose record each document is, and putting mistakes right.
 * - `document_patients`: every person a document states as its patient (names and date of birth), read
 *   from its text, a C-CDA header, a FHIR Patient or a study's DICOM files. It replaces
 *   `document_subjects`, which held one name for downloads only. `documents.patients_read` says the
 *   text was looked at (documents imported before are read once after this upgrade);
 *   `documents.patient_confirmed` is the person's word that it is the patient's after all.
 * - `patients.other_names`: names the person said are theirs (a maiden name, a nickname).
 * - `documents.deleted_at`: in the trash since then; restorable until the trash is emptied.
 * - `documents.suggested_date_reason`: why the suggested date of service is that date.
 * - `clinical_records.confirmed` and `page`: medications and allergies read from a PDF wait for the
 *   person to check them beside the page, as lab values do.
 * - `corrections`: what a move, a merge, an edit or "this is mine" changed, so it can be undone until
 *   the trash is emptied.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'whose record, trash and corrections',
  up(db) {
    db.exec(`
      CREATE TABLE document_patients (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        names TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(names) AND json_type(names) = 'array'),
        birth_date TEXT,
        source TEXT NOT NULL CHECK (source IN ('text', 'ccda', 'fhir', 'dicom'))
      ) STRICT;
      CREATE INDEX document_patients_by_document ON document_patients(document_id);

      INSERT INTO document_patients (document_id, names, birth_date, source)
        SELECT s.document_id, CASE WHEN s.name IS NULL OR trim(s.name) = '' THEN '[]' ELSE json_array(s.name) END, s.birth_date,
               CASE WHEN d.media_type = 'application/xml' THEN 'ccda' ELSE 'fhir' END
        FROM document_subjects s JOIN documents d ON d.id = s.document_id;
      INSERT INTO document_patients (document_id, names, birth_date, source)
        SELECT document_id, CASE WHEN patient_name IS NULL OR trim(patient_name) = '' THEN '[]' ELSE json_array(patient_name) END,
               patient_birth_date, 'dicom'
        FROM studies WHERE coalesce(trim(patient_name), '') <> '' OR patient_birth_date IS NOT NULL;
      DROP TABLE document_subjects;

      ALTER TABLE documents ADD COLUMN patients_read INTEGER NOT NULL DEFAULT 0 CHECK (patients_read IN (0, 1));
      UPDATE documents SET patients_read = 1 WHERE kind = 'study' OR media_type IN ('application/xml', 'application/fhir+json');
      ALTER TABLE documents ADD COLUMN patient_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (patient_confirmed IN (0, 1));
      ALTER TABLE documents ADD COLUMN deleted_at TEXT;
      ALTER TABLE documents ADD COLUMN suggested_date_reason TEXT;
      CREATE INDEX documents_in_trash ON documents(deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE INDEX documents_patients_to_read ON documents(id) WHERE patients_read = 0;

      ALTER TABLE patients ADD COLUMN other_names TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(other_names));

      ALTER TABLE clinical_records ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1));
      ALTER TABLE clinical_records ADD COLUMN page INTEGER;

      CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        description TEXT NOT NULL,
        undo TEXT NOT NULL CHECK (json_valid(undo))
      ) STRICT;
    `);
  },
};
