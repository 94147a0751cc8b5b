import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/library/database.ts';
import { DATABASE_FILE, Library } from '../../electron/library/library.ts';
import { LATEST_VERSION } from '../../electron/library/migrations/index.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { databaseOf, libraryFromTheFuture, newLibrary } from '../helpers/library.ts';
import { tempDir } from '../helpers/paths.ts';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('a library folder', () => {
  it('is created on request, in WAL mode with foreign keys on, at the latest version', () => {
    const { library } = newLibrary();
    open.push(library);
    const db = databaseOf(library);
    open.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(fs.existsSync(path.join(library.dir, 'vault', 'sha256'))).toBe(true);
  });

  it('is not created by accident', () => {
    const dir = path.join(tempDir(), 'nothing-here');
    expect(() => Library.open(dir)).toThrow(expect.objectContaining({ code: 'library-missing' }));
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('refuses a library written by a newer version, and leaves every byte of it alone', () => {
    const { dir, file } = libraryFromTheFuture();
    const before = sha(file);
    const error = (() => {
      try {
        Library.open(dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CasebinderError);
    expect((error as CasebinderError).code).toBe('library-too-new');
    expect((error as CasebinderError).message).toMatch(/newer version of Casebinder.*Nothing was changed.*Update Casebinder/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses another program\'s database and a file that is not a database', () => {
    const other = path.join(tempDir(), 'other');
    fs.mkdirSync(other);
    const db = new Database(path.join(other, DATABASE_FILE));
    db.exec('CREATE TABLE mine (x)');
    db.close();
    expect(() => Library.open(other)).toThrow(expect.objectContaining({ code: 'not-a-library' }));

    const garbage = path.join(tempDir(), 'garbage');
    fs.mkdirSync(garbage);
    fs.writeFileSync(path.join(garbage, DATABASE_FILE), fs.readFileSync(new URL('../fixtures/bad/random_64k.bin', import.meta.url)));
    expect(() => Library.open(garbage)).toThrow(expect.objectContaining({ code: 'not-a-library' }));
  });
});

describe('patients', () => {
  it('keeps several, each with name, date of birth and notes', () => {
    const { library } = newLibrary();
    open.push(library);
    const robert = library.patients.add({ name: '  Robert   Chen ', dateOfBirth: '1966-09-30', notes: 'prostate' });
    expect(robert).toMatchObject({ name: 'Robert Chen', dateOfBirth: '1966-09-30', notes: 'prostate', documentCount: 0 });
    expect(library.patients.list().map((p) => p.name)).toEqual(["Margaret O'Neill", 'Robert Chen']);
    expect(library.patients.find('robert chen').id).toBe(robert.id);
    expect(library.patients.find(String(robert.id)).id).toBe(robert.id);
  });

  it('says plainly what is wrong with a patient', () => {
    const { library } = newLibrary();
    open.push(library);
    expect(() => library.patients.add({ name: ' ' })).toThrow(/needs a name/);
    expect(() => library.patients.add({ name: 'X', dateOfBirth: '1958-02-30' })).toThrow(/not a date/);
    expect(() => library.patients.add({ name: 'X', dateOfBirth: '2999-01-01' })).toThrow(/in the future/);
    expect(() => library.patients.add({ name: "margaret o'neill", dateOfBirth: '1958-04-12' })).toThrow(/already a patient/);
    library.patients.add({ name: 'Ann Lee', dateOfBirth: '1970-01-01' });
    library.patients.add({ name: 'Ann Lee', dateOfBirth: '1990-01-01' });
    expect(() => library.patients.find('Ann Lee')).toThrow(/More than one patient is named Ann Lee/);
    expect(() => library.patients.find('Nobody')).toThrow(/no patient named "Nobody"/);
    expect(() => library.patients.only()).toThrow(/3 patients/);
  });
});
