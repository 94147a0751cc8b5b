import type { Migration } from './migration.ts';

/**
 * Patients, documents with their confirmed and suggested details, tags, page text, and two FTS5 indexes:
 * one over page text (external content, kept in step by triggers) and one over a document's details
 * (title, facility, clinician, file name, tags, notes), so typing a facility or a file name finds it too.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial library',
  up(db) {
    db.exec(`
      CREATE TABLE patients (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        date_of_birth TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE RESTRICT,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        original_name TEXT NOT NULL,
        source_path TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        media_type TEXT NOT NULL,
        page_count INTEGER NOT NULL CHECK (page_count >= 0),
        imported_at TEXT NOT NULL,
        title TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        type TEXT,
        date_of_service TEXT,
        facility TEXT,
        clinician TEXT,
        suggested_type TEXT,
        suggested_date_of_service TEXT,
        suggested_facility TEXT,
        suggested_clinician TEXT
      ) STRICT;
      CREATE INDEX documents_by_patient ON documents(patient_id);

      CREATE TABLE document_tags (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        tag TEXT NOT NULL CHECK (length(tag) > 0),
        PRIMARY KEY (document_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX document_tags_by_tag ON document_tags(tag);

      CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        text TEXT NOT NULL,
        UNIQUE (document_id, number)
      ) STRICT;

      CREATE VIRTUAL TABLE pages_fts USING fts5(
        text, content='pages', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER pages_fts_update AFTER UPDATE OF text ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text);
      END;

      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, facility, clinician, original_name, tags, notes,
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, facility, clinician, original_name, tags, notes)
        VALUES (new.id, new.title, coalesce(new.facility, new.suggested_facility, ''),
                coalesce(new.clinician, new.suggested_clinician, ''), new.original_name, '', new.notes);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.id;
        INSERT INTO documents_fts(rowid, title, facility, clinician, original_name, tags, notes)
        VALUES (new.id, new.title, coalesce(new.facility, new.suggested_facility, ''),
                coalesce(new.clinician, new.suggested_clinician, ''), new.original_name,
                (SELECT coalesce(group_concat(tag, ' '), '') FROM document_tags WHERE document_id = new.id),
                new.notes);
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
