import type { Migration } from './migration.ts';

/**
 * Imaging studies, photos and scans, and text read by OCR.
 *
 * - A document is now a file (one original in the vault) or a study (many DICOM originals, one per
 *   instance), so `documents.sha256` may be empty, for studies only; the table is rebuilt for that.
 * - Studies, their series and instances carry what the DICOM headers say; each instance points at its
 *   byte-identical original in the vault. A series keeps the thumbnail of its key image, or the reason
 *   there is none.
 * - Pages read by OCR say so, with the engine's confidence and the languages used; pages still waiting
 *   for OCR are 'pending', so a later run (or the app after a restart) picks them up.
 * - Pictures the window cannot show as they are (HEIC, TIFF) get a preview per page, upright.
 * - A document made from photos records, page by page, which photo it came from and how it was turned
 *   and cropped; the photos stay in the library as they were.
 * - Settings the person chooses for the library (the OCR languages).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'imaging studies, photos and OCR',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE documents_new (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE RESTRICT,
        kind TEXT NOT NULL DEFAULT 'file' CHECK (kind IN ('file', 'study')),
        sha256 TEXT UNIQUE CHECK (sha256 IS NULL OR length(sha256) = 64),
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
        suggested_clinician TEXT,
        CHECK ((kind = 'file') = (sha256 IS NOT NULL))
      ) STRICT;
      INSERT INTO documents_new (id, patient_id, kind, sha256, original_name, source_path, size, media_type, page_count,
                                 imported_at, title, notes, type, date_of_service, facility, clinician, suggested_type,
                                 suggested_date_of_service, suggested_facility, suggested_clinician)
        SELECT id, patient_id, 'file', sha256, original_name, source_path, size, media_type, page_count,
               imported_at, title, notes, type, date_of_service, facility, clinician, suggested_type,
               suggested_date_of_service, suggested_facility, suggested_clinician
        FROM documents;
      DROP TABLE documents;
      ALTER TABLE documents_new RENAME TO documents;
      CREATE INDEX documents_by_patient ON documents(patient_id);

      -- The triggers went with the old table; the same ones again.
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
      CREATE TRIGGER document_text_fts_after_document_delete AFTER DELETE ON documents BEGIN
        DELETE FROM document_text_fts WHERE rowid = old.id;
      END;

      CREATE TABLE studies (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        study_instance_uid TEXT NOT NULL UNIQUE,
        patient_name TEXT,
        patient_id TEXT,
        patient_birth_date TEXT,
        patient_sex TEXT,
        study_date TEXT,
        study_time TEXT,
        description TEXT,
        accession_number TEXT,
        institution TEXT,
        referring_physician TEXT,
        study_id TEXT
      ) STRICT;

      CREATE TABLE series (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES studies(document_id) ON DELETE CASCADE,
        series_instance_uid TEXT NOT NULL UNIQUE,
        modality TEXT,
        series_number INTEGER,
        description TEXT,
        body_part TEXT,
        series_date TEXT,
        thumbnail BLOB,
        thumbnail_width INTEGER,
        thumbnail_height INTEGER,
        -- Why there is no thumbnail, in words for the person; NULL while none was tried.
        thumbnail_problem TEXT,
        -- The text of a structured report (SR) in this series, for reading and for search.
        report_text TEXT
      ) STRICT;
      CREATE INDEX series_by_study ON series(document_id);

      CREATE TABLE instances (
        id INTEGER PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
        sop_instance_uid TEXT NOT NULL UNIQUE,
        sop_class_uid TEXT,
        instance_number INTEGER,
        transfer_syntax_uid TEXT,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        original_name TEXT NOT NULL,
        source_path TEXT NOT NULL,
        rows INTEGER,
        columns INTEGER,
        frames INTEGER,
        has_pixels INTEGER NOT NULL DEFAULT 0,
        -- What is wrong with this file (e.g. its image data is cut short); it is kept as it came.
        problem TEXT,
        -- The PDF report this instance carried, imported as its own document.
        report_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX instances_by_series ON instances(series_id, instance_number);
      CREATE INDEX instances_by_sha256 ON instances(sha256);

      ALTER TABLE pages ADD COLUMN ocr TEXT CHECK (ocr IN ('pending', 'done', 'failed'));
      ALTER TABLE pages ADD COLUMN ocr_confidence REAL;
      ALTER TABLE pages ADD COLUMN ocr_languages TEXT;
      ALTER TABLE pages ADD COLUMN ocr_problem TEXT;
      CREATE INDEX pages_waiting_for_ocr ON pages(document_id, number) WHERE ocr = 'pending';
      CREATE INDEX pages_read_by_ocr ON pages(document_id, ocr, ocr_confidence) WHERE ocr IS NOT NULL;

      CREATE TABLE page_previews (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        media_type TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        data BLOB NOT NULL,
        UNIQUE (document_id, number)
      ) STRICT;

      CREATE TABLE composition_pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        source_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE RESTRICT,
        source_page INTEGER NOT NULL CHECK (source_page >= 1),
        rotation INTEGER NOT NULL CHECK (rotation IN (0, 90, 180, 270)),
        -- The part kept, as fractions of the upright, turned picture; NULL keeps all of it.
        crop_left REAL, crop_top REAL, crop_width REAL, crop_height REAL,
        PRIMARY KEY (document_id, number)
      ) STRICT;
      CREATE INDEX composition_pages_by_source ON composition_pages(source_document_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
