import type { Migration } from './migration.ts';

/**
 * Cases: one decision to be reviewed, per patient. The recommendation(s) under review with the
 * documents that state them, the patient's questions in order, the library documents in the case
 * (shared between cases; each included or not, in order), records requests, specialists and their
 * opinions. Deleting a case deletes what belongs only to it, never a document. Also: whom a document
 * names as its patient (portal downloads do), for the case's check.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        condition TEXT,
        specialty TEXT NOT NULL CHECK (specialty IN ('spine-orthopedic', 'neurosurgery', 'cardiology', 'oncology', 'general-surgery', 'radiology', 'pathology', 'other')),
        status TEXT NOT NULL DEFAULT 'gathering' CHECK (status IN ('gathering', 'ready', 'sent', 'opinion-received', 'decided')),
        notes TEXT NOT NULL DEFAULT '',
        priorities TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      );
      CREATE INDEX cases_by_patient ON cases(patient_id);

      CREATE TABLE case_recommendations (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        clinician TEXT NOT NULL,
        facility TEXT,
        date TEXT,
        procedure TEXT NOT NULL,
        urgency TEXT,
        reasons TEXT,
        risks TEXT,
        alternatives TEXT
      );
      CREATE TABLE recommendation_documents (
        recommendation_id INTEGER NOT NULL REFERENCES case_recommendations(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (recommendation_id, document_id)
      );

      CREATE TABLE case_questions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0)
      );
      CREATE INDEX case_questions_in_order ON case_questions(case_id, position);

      CREATE TABLE case_documents (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        included INTEGER NOT NULL DEFAULT 1 CHECK (included IN (0, 1)),
        position INTEGER NOT NULL,
        PRIMARY KEY (case_id, document_id)
      );
      CREATE INDEX case_documents_by_document ON case_documents(document_id);

      CREATE TABLE records_requests (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        facility TEXT NOT NULL,
        what TEXT NOT NULL,
        asked_on TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('portal', 'fax', 'letter', 'cd', 'email', 'phone', 'in-person')),
        state TEXT NOT NULL DEFAULT 'asked' CHECK (state IN ('asked', 'received', 'refused'))
      );
      CREATE TABLE request_documents (
        request_id INTEGER NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (request_id, document_id)
      );

      CREATE TABLE case_specialists (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        institution TEXT,
        accepts TEXT CHECK (accepts IN ('portal', 'email', 'mail', 'cd', 'fax')),
        size_limit_mb REAL
      );

      -- Whom a document says it is about, when it says so (a portal download names its patient):
      -- checked against the patient before a case is sent.
      CREATE TABLE document_subjects (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT,
        birth_date TEXT
      );

      CREATE TABLE case_opinions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        specialist_id INTEGER REFERENCES case_specialists(id) ON DELETE SET NULL,
        by TEXT NOT NULL,
        date TEXT,
        summary TEXT NOT NULL DEFAULT '',
        stand TEXT NOT NULL CHECK (stand IN ('agrees', 'differs', 'partly')),
        procedure TEXT,
        urgency TEXT,
        risks TEXT,
        alternatives TEXT,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
      );
    `);
  },
};
