import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate } from '../../../electron/library/database.ts';
import { MIGRATIONS } from '../../../electron/library/migrations/index.ts';
import { Library } from '../../../electron/library/library.ts';
import { readStatedPatientsOfOlderDocuments } from '../../../electron/import/stated-patients.ts';
import { tempDir } from '../../helpers/paths.ts';

/** A version-7 library: a PDF whose text names the patient, a download naming someone else, a study. */
function version7(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 7)) m.up(db);
  db.pragma('user_version = 7');
  db.prepare(`INSERT INTO patients (name, date_of_birth, created_at) VALUES ('Margaret O''Neill', '1958-04-12', 'now')`).run();
  const doc = db.prepare(
    `INSERT INTO documents (patient_id, kind, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
     VALUES (1, ?, ?, ?, '/x', 10, ?, 1, '2026-01-01T00:00:00Z', ?)`,
  );
  doc.run('file', 'a'.repeat(64), 'labs.pdf', 'application/pdf', 'Labs');
  db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (1, 1, 'Patient: WEISS, HANNAH R   DOB: 11/02/1984\nGlucose 92 mg/dL')`).run();
  doc.run('file', 'b'.repeat(64), 'note.xml', 'application/xml', 'Consult note');
  db.prepare(`INSERT INTO document_subjects (document_id, name, birth_date) VALUES (2, 'Betterhalf^Eve', '1975-05-01')`).run();
  doc.run('study', null, 'CT study', 'application/dicom', 'CT');
  db.prepare(`INSERT INTO studies (document_id, study_instance_uid, patient_name, patient_birth_date) VALUES (3, '1.2.3', 'ONEILL^MARGARET', '1958-04-12')`).run();
  db.prepare(
    `INSERT INTO clinical_records (patient_id, document_id, kind, name, origin, fingerprint, created_at) VALUES (1, 2, 'allergy', 'Penicillin', 'ccda', 'f', 'now')`,
  ).run();
}

describe('migration 8: whose record, trash and corrections', () => {
  it('keeps what downloads and studies said about whose they are, and marks the PDFs to be read', () => {
    const db = new Database(':memory:');
    version7(db);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT document_id, names, birth_date, source FROM document_patients ORDER BY document_id').all()).toEqual([
      { document_id: 2, names: '["Betterhalf^Eve"]', birth_date: '1975-05-01', source: 'ccda' },
      { document_id: 3, names: '["ONEILL^MARGARET"]', birth_date: '1958-04-12', source: 'dicom' },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'document_subjects'").all()).toEqual([]);
    expect(db.prepare('SELECT id, patients_read, patient_confirmed, deleted_at FROM documents ORDER BY id').all()).toEqual([
      { id: 1, patients_read: 0, patient_confirmed: 0, deleted_at: null },
      { id: 2, patients_read: 1, patient_confirmed: 0, deleted_at: null },
      { id: 3, patients_read: 1, patient_confirmed: 0, deleted_at: null },
    ]);
    expect(db.prepare('SELECT other_names FROM patients').get()).toEqual({ other_names: '[]' });
    // Records from downloads were confirmed facts before, and stay so.
    expect(db.prepare('SELECT confirmed, page FROM clinical_records').get()).toEqual({ confirmed: 1, page: null });
    expect(() => db.prepare(`INSERT INTO document_patients (document_id, names, source) VALUES (1, 'x', 'text')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO document_patients (document_id, names, source) VALUES (1, '[]', 'email')`).run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM documents WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) AS n FROM document_patients WHERE document_id = 2').get()).toEqual({ n: 0 });
  });

  it('reads the names of documents imported before, once, and holds back what names someone else', () => {
    const dir = path.join(tempDir(), 'library');
    fs.mkdirSync(dir, { recursive: true });
    const db = new Database(path.join(dir, 'library.sqlite'));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    version7(db);
    db.close();
    const library = Library.open(dir);
    try {
      expect(readStatedPatientsOfOlderDocuments(library)).toBe(1);
      expect(readStatedPatientsOfOlderDocuments(library)).toBe(0);
      expect(library.documents.get(1).identity).toMatchObject({ match: 'other', names: ['Hannah R Weiss'], birthDates: ['1984-11-02'] });
      expect(library.documents.get(2).identity).toMatchObject({ match: 'other', names: ['Eve Betterhalf'] });
      expect(library.records.records(1, 'allergy')).toEqual([]);
      expect(library.records.records(1, 'allergy', { withHeldBack: true })).toMatchObject([{ name: 'Penicillin', heldBack: expect.stringMatching(/^It names Eve Betterhalf/) }]);
    } finally {
      library.close();
    }
  });
});
