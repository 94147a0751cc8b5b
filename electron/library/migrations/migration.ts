import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One numbered step of the library's schema; it runs inside a transaction with the version bump. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * The step rebuilds a table others point to. SQLite's way (sqlite.org/lang_altertable.html, "making
   * other kinds of table schema changes") turns foreign keys off around the transaction, since dropping
   * the old table would otherwise cascade to its children, and checks every link before committing.
   */
  readonly rebuildsTables?: boolean;
  up(db: Database): void;
}
