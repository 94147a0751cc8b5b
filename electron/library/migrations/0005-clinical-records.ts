import type { Migration } from './migration.ts';

/**
 * Structured records derived from documents: lab results (from portal downloads, or read from a lab
 * report PDF and waiting for the person to confirm them) and the problems, medications, allergies,
 * vital signs, procedures, encounters and immunizations a download lists. Each remembers its source
 * document; `fingerprint` is the fact itself (what, when, value), so the same fact from a second
 * download is recognised and not doubled. Deleting a document deletes what was read from it.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'lab results and clinical records',
  up(db) {
    db.exec(`
      CREATE TABLE lab_results (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        page INTEGER,
        analyte TEXT NOT NULL,
        analyte_printed TEXT NOT NULL,
        loinc TEXT,
        value_number REAL,
        comparator TEXT CHECK (comparator IN ('<', '<=', '>', '>=')),
        value_text TEXT,
        value_printed TEXT NOT NULL,
        unit TEXT,
        unit_printed TEXT,
        range_low REAL,
        range_high REAL,
        range_text TEXT,
        flag TEXT NOT NULL DEFAULT '' CHECK (flag IN ('', 'H', 'L', 'HH', 'LL', 'A')),
        date TEXT,
        lab TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('fhir', 'ccda', 'pdf', 'manual')),
        confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (patient_id, fingerprint)
      );
      CREATE INDEX lab_results_by_patient ON lab_results(patient_id, analyte, date);
      CREATE INDEX lab_results_by_document ON lab_results(document_id);

      CREATE TABLE clinical_records (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('problem', 'medication', 'allergy', 'vital', 'procedure', 'encounter', 'immunization')),
        name TEXT NOT NULL,
        codes TEXT NOT NULL DEFAULT '[]',
        status TEXT,
        date TEXT,
        end_date TEXT,
        detail TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('fhir', 'ccda', 'pdf', 'manual')),
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (patient_id, fingerprint)
      );
      CREATE INDEX clinical_records_by_patient ON clinical_records(patient_id, kind, date);
      CREATE INDEX clinical_records_by_document ON clinical_records(document_id);
    `);
  },
};
