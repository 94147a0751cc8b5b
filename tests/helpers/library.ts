import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { ImportResult } from '../../shared/import-types.ts';
import type { NewPatient } from '../../shared/library-types.ts';
import { Importer } from '../../electron/import/importer.ts';
import { openDatabase } from '../../electron/library/database.ts';
import { DATABASE_FILE, Library } from '../../electron/library/library.ts';
import { LATEST_VERSION } from '../../electron/library/migrations/index.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { tempDir } from './paths.ts';

/** A new, empty library in a temp folder, with one patient. */
export function newLibrary(options: { dateOfBirth?: string } = {}) {
  const dir = path.join(tempDir(), 'library');
  const library = Library.open(dir, { create: true });
  const patient = library.patients.add({ name: "Margaret O'Neill", dateOfBirth: options.dateOfBirth ?? '1958-04-12' });
  return { dir, library, patient };
}

/**
 * A library folder whose database says a newer Casebinder wrote it (its format `ahead` past this one's),
 * written as SQLite leaves a closed database (no WAL beside it), so opening it must change nothing.
 */
export function libraryFromTheFuture(ahead = 5) {
  const { dir, library } = newLibrary();
  library.close();
  const file = path.join(dir, DATABASE_FILE);
  const db = new Database(file);
  db.pragma(`user_version = ${LATEST_VERSION + ahead}`);
  db.pragma('journal_mode = DELETE');
  db.close();
  return { dir, file, version: LATEST_VERSION + ahead };
}

/** An importer over worker threads of its own; `close` ends the threads. */
export function importerFor(library: Library, threads = 2) {
  const pool = new WorkerPool({ threads });
  const importer = new Importer(library, pool);
  return { importer, pool, close: () => pool.close() };
}

/**
 * A second connection to a library's database, opened the way the library opens its own, for tests
 * that look at or damage what the library stored (the library keeps its own connection to itself).
 */
export function databaseOf(library: Library) {
  return openDatabase(path.join(library.dir, DATABASE_FILE), { create: false });
}

/** Closes what a test opened once it ends, pass or fail: the last given first. */
export function closeAfterTest(...closers: (() => unknown)[]): void {
  onTestFinished(async () => {
    for (const close of [...closers].reverse()) await close();
  });
}

/**
 * A new library with one patient (Margaret O'Neill unless told) and an importer over worker threads
 * of its own, all closed when the test ends. `run` imports paths for the patient.
 */
export function importingLibrary(options: { patient?: NewPatient; now?: () => Date; threads?: number } = {}) {
  const dir = path.join(tempDir(), 'library');
  const library = Library.open(dir, { create: true, ...(options.now ? { now: options.now } : {}) });
  const patient = library.patients.add(options.patient ?? { name: "Margaret O'Neill", dateOfBirth: '1958-04-12' });
  const { importer, pool, close } = importerFor(library, options.threads);
  closeAfterTest(() => library.close(), close);
  const run = (...paths: string[]): Promise<ImportResult> => importer.start({ paths, patientId: patient.id }).result;
  return { dir, library, patient, importer, pool, run };
}
