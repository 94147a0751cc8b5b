import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { CasebinderError } from '../../shared/errors.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';
import { makePrivate, PRIVATE_FILE } from './private.ts';
import { writeTransaction } from './sql.ts';
import { said } from '../../shared/said.ts';

/** Written into every library database (PRAGMA application_id): "CBND". */
export const APPLICATION_ID = 0x43424e44;

interface Probe {
  readonly applicationId: number;
  readonly version: number;
  readonly tables: number;
}

/**
 * Gives an encrypted database its key: SQLCipher 4's format, with the raw 256-bit key (no passphrase
 * stretching here; keyring.ts stretched the passphrase once). Any SQLCipher 4 tool opens it with
 * `PRAGMA key = "x'…'"`.
 */
function useKey(db: Database.Database, key: Buffer | null): void {
  if (!key) return;
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // PRAGMA takes no parameters; the key is 32 bytes written as hex digits by us.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** True when the file does not begin as a plain SQLite database does (it is encrypted, or not SQLite at all). */
function notPlainSqlite(file: string): boolean {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') !== 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads what the file claims to be without opening it for writing, so nothing can alter it. */
function probe(file: string, key: Buffer | null): Probe {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    useKey(db, key);
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      version: db.pragma('user_version', { simple: true }) as number,
      tables: (db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }).n,
    };
  } catch (error) {
    // An encrypted library looks like random bytes: without its keys.json, it can be told from garbage by nothing.
    const keys = !key && notPlainSqlite(file) ? 'missing' : 'none';
    throw new CasebinderError('not-a-library', said('err.not-a-library', { file, detail: (error as Error).message, keys }), { cause: error });
  } finally {
    db?.close();
  }
}

export interface OpenOptions {
  /** Create an empty library when the file does not exist yet. */
  readonly create: boolean;
  /** The database's key when the library is encrypted. */
  readonly key?: Buffer | null;
}

/** How much of the library SQLite keeps in memory per connection, in KiB. */
const PAGE_CACHE_KIB = 32 * 1024;

/**
 * Opens (or creates) the library database: WAL for readers alongside a writer, foreign keys on,
 * synchronous=FULL because a finished import must survive a power cut, then the pending migrations,
 * each in its own transaction with its version number.
 */
export function openDatabase(file: string, options: OpenOptions): Database.Database {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new CasebinderError('library-missing', `There is no Casebinder library at ${file}.`);
  }
  if (exists) {
    const found = probe(file, options.key ?? null);
    if (found.applicationId !== APPLICATION_ID && !(found.applicationId === 0 && found.tables === 0)) {
      throw new CasebinderError('not-a-library', said('err.other-program', { file }));
    }
    if (found.version > LATEST_VERSION) {
      throw new CasebinderError('library-too-new', said('err.library-too-new', { found: String(found.version), latest: String(LATEST_VERSION) }));
    }
  }

  // SQLite gives its -wal and -shm files the database file's permissions: made private first, they are too.
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  for (const companion of ['', '-wal', '-shm']) if (fs.existsSync(file + companion)) makePrivate(file + companion, PRIVATE_FILE);
  const db = new Database(file);
  try {
    useKey(db, options.key ?? null);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite keeps 2 MB of pages by default; a practice's search indexes are hundreds of MB, and each
    // search as you type read its pages again from the operating system (on 100,000 documents, searching
    // one client after a search of every client: 95th percentile 24 ms -> 18 ms). Filled only as pages are read.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS.slice(current)) {
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    // PRAGMA foreign_keys is ignored inside a transaction, so it is switched around it.
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      writeTransaction(db, () => {
        migration.up(db);
        if (migration.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length) throw new Error(`library migration ${migration.version}: ${broken.length} broken link(s) after rebuilding tables`);
        }
        // PRAGMA takes no parameters; the version is an integer from our own list.
        db.pragma(`user_version = ${Number(migration.version)}`);
        db.pragma(`application_id = ${APPLICATION_ID}`);
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
}

/**
 * Writes a consistent copy of the open database to `target` while others go on reading and writing
 * (VACUUM INTO reads one snapshot). The copy is encrypted with the same key as the database, or plain.
 */
export function snapshotDatabase(db: Database.Database, target: string): void {
  // VACUUM INTO takes the file name as a string literal; it is a path we chose, quoted as SQL quotes it.
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
}

/**
 * Gives a database file (closed, not in use) a new key: `to` null writes it decrypted. Rewrites every
 * page, so it runs on copies only: a crash midway spoils the copy, never the library.
 */
export function rekeyDatabase(file: string, from: Buffer | null, to: Buffer | null): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    useKey(db, from);
    // Rekeying needs the rollback journal, not WAL; the library sets WAL again when it opens.
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(to ? `rekey = "x'${to.toString('hex')}'"` : `rekey = ''`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/** The tables whose rows make a library's content: who, which documents with which originals, the cases. */
const CONTENT_TABLES = ['patients', 'documents', 'document_tags', 'instances', 'series', 'studies', 'cases', 'case_documents', 'case_questions', 'case_recommendations', 'lab_results', 'clinical_records'];

/** What a library holds, in counts and one fingerprint of every row of its content tables. */
export interface ContentDigest {
  readonly documents: number;
  readonly originals: number;
  readonly cases: number;
  readonly sha256: string;
}

/**
 * The content digest of a database file (read only; encrypted ones with their key): two libraries with
 * the same digest have the same patients, documents, originals' fingerprints and cases.
 */
export function contentDigest(file: string, key: Buffer | null): ContentDigest {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    useKey(db, key);
    const hash = createHash('sha256');
    for (const table of CONTENT_TABLES) {
      hash.update(`\n${table}\n`);
      // The table names are our own constants, not input. Some tables have no rowid: rows are put in order by their text.
      const rows = (db.prepare(`SELECT * FROM ${table}`).all() as object[]).map((row) => JSON.stringify(row)).sort();
      for (const row of rows) hash.update(`${row}\n`);
    }
    const count = (query: string) => (db.prepare(query).get() as { n: number }).n;
    return {
      documents: count('SELECT count(*) AS n FROM documents'),
      originals: count('SELECT count(*) AS n FROM (SELECT sha256 FROM documents WHERE sha256 IS NOT NULL UNION SELECT sha256 FROM instances)'),
      cases: count('SELECT count(*) AS n FROM cases'),
      sha256: hash.digest('hex'),
    };
  } finally {
    db.close();
  }
}

/** The fingerprints (SHA-256) of every original a database file refers to. */
export function referencedOriginals(file: string, key: Buffer | null): { sha256: string; size: number }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    useKey(db, key);
    return db
      .prepare('SELECT sha256, max(size) AS size FROM (SELECT sha256, size FROM documents WHERE sha256 IS NOT NULL UNION ALL SELECT sha256, size FROM instances UNION ALL SELECT sha256, size FROM redactions) GROUP BY sha256 ORDER BY sha256')
      .all() as { sha256: string; size: number }[];
  } finally {
    db.close();
  }
}
