import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/library/database.ts';
import { migration0001 } from '../../../electron/library/migrations/0001-initial-library.ts';
import { migration0002 } from '../../../electron/library/migrations/0002-document-text-index.ts';
import { migration0003 } from '../../../electron/library/migrations/0003-page-prefix-index.ts';

describe('migration 4: studies, photos and OCR', () => {
  // A library as version 3 left it, with foreign keys on as the app opens it: documents with pages
  // and tags, which the rebuild of `documents` must not cascade away.
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [migration0001, migration0002, migration0003]) m.up(db);
  db.pragma('user_version = 3');
  db.prepare(`INSERT INTO patients (name, created_at) VALUES ('Ann', 'now')`).run();
  const addDocument = db.prepare(
    `INSERT INTO documents (patient_id, sha256, original_name, source_path, size, media_type, page_count, imported_at, title, facility)
     VALUES (1, ?, ?, '/x', 10, 'application/pdf', 1, 'now', ?, ?)`,
  );
  addDocument.run('a'.repeat(64), 'letter.pdf', 'Letter from Dr Hale', 'Mercy Hospital');
  addDocument.run('b'.repeat(64), 'labs.pdf', 'Lab results', null);
  db.prepare(`INSERT INTO pages (document_id, number, text) VALUES (1, 1, 'recommend fusion'), (2, 1, 'creatinine 1.1')`).run();
  db.prepare(`INSERT INTO document_tags (document_id, tag) VALUES (1, 'spine')`).run();
  migrate(db);

  it('keeps every document, page and tag, and turns foreign keys back on', () => {
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4); // and on through the later migrations
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT id, kind, sha256, title FROM documents ORDER BY id`).all()).toEqual([
      { id: 1, kind: 'file', sha256: 'a'.repeat(64), title: 'Letter from Dr Hale' },
      { id: 2, kind: 'file', sha256: 'b'.repeat(64), title: 'Lab results' },
    ]);
    expect(db.prepare(`SELECT count(*) AS n FROM pages`).get()).toEqual({ n: 2 });
    expect(db.prepare(`SELECT tag FROM document_tags`).all()).toEqual([{ tag: 'spine' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('still searches details and text through the triggers it recreated', () => {
    const details = (q: string) => db.prepare(`SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?`).all(q);
    expect(details('mercy')).toEqual([{ id: 1 }]);
    db.prepare(`UPDATE documents SET facility = 'St Luke' WHERE id = 2`).run();
    expect(details('luke')).toEqual([{ id: 2 }]);
    db.prepare(`INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')`).run();
  });

  it('takes a study without an original of its own, but no file without one', () => {
    const add = db.prepare(
      `INSERT INTO documents (patient_id, kind, sha256, original_name, source_path, size, media_type, page_count, imported_at, title)
       VALUES (1, ?, ?, 'CD', '/cd', 0, 'application/dicom', 1, 'now', 'CT chest')`,
    );
    expect(() => add.run('study', null)).not.toThrow();
    expect(() => add.run('file', null)).toThrow(/CHECK/);
    expect(() => add.run('study', 'c'.repeat(64))).toThrow(/CHECK/);
  });

  it('deletes a document with its study, series and instances, and forgets it in both indexes', () => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO documents (patient_id, kind, original_name, source_path, size, media_type, page_count, imported_at, title)
           VALUES (1, 'study', 'CD', '/cd', 0, 'application/dicom', 0, 'now', 'MR knee')`,
        )
        .run().lastInsertRowid,
    );
    db.prepare(`INSERT INTO document_text_fts(rowid, text) VALUES (?, 'knee')`).run(id);
    db.prepare(`INSERT INTO studies (document_id, study_instance_uid) VALUES (?, '1.2.3')`).run(id);
    const series = db.prepare(`INSERT INTO series (document_id, series_instance_uid) VALUES (?, '1.2.3.1')`).run(id).lastInsertRowid;
    db.prepare(`INSERT INTO instances (series_id, sop_instance_uid, sha256, size, original_name, source_path) VALUES (?, '1.2.3.1.1', ?, 1, 'IM1', '/cd/IM1')`).run(series, 'd'.repeat(64));
    db.prepare(`DELETE FROM documents WHERE id = ?`).run(id);
    expect(db.prepare(`SELECT count(*) AS n FROM instances`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM series`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT rowid FROM document_text_fts WHERE document_text_fts MATCH 'knee'`).all()).toEqual([]);
  });

  it('marks pages for OCR and accepts only the states it knows', () => {
    db.prepare(`UPDATE pages SET ocr = 'pending' WHERE document_id = 2`).run();
    expect(db.prepare(`SELECT document_id FROM pages WHERE ocr = 'pending'`).all()).toEqual([{ document_id: 2 }]);
    expect(() => db.prepare(`UPDATE pages SET ocr = 'maybe' WHERE document_id = 2`).run()).toThrow(/CHECK/);
  });
});
