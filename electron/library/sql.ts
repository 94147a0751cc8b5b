import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * Parameterised SQL as a tagged template (after Signal's `ts/sql/util.std.ts`): every interpolated value
 * becomes a `?` parameter, so no value is ever concatenated into a query. A nested `sql` fragment is
 * spliced in with its own parameters, which is how optional filters are composed.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

const FRAGMENT = Symbol('sql-fragment');

export interface SqlQuery {
  readonly [FRAGMENT]: true;
  readonly text: string;
  readonly params: readonly SqlValue[];
}

function isFragment(value: unknown): value is SqlQuery {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | SqlQuery)[]): SqlQuery {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      if (value === undefined) throw new TypeError('sql: undefined cannot be a parameter; use null');
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { [FRAGMENT]: true, text, params };
}

const EMPTY = sql``;

/**
 * An integer written into the query text rather than bound. For LIMIT on a full-text query only: FTS5
 * sees a literal LIMIT and keeps just the best N while ranking (a bound one costs ~20% more measured).
 * Only whole numbers pass, so nothing a person typed can reach the query text this way.
 */
export function integer(value: number): SqlQuery {
  if (!Number.isSafeInteger(value)) throw new TypeError(`sql: ${value} is not a whole number`);
  return { [FRAGMENT]: true, text: String(value), params: [] };
}

/**
 * A table or column name written into the query text. Names cannot be bound as parameters; only names
 * in the caller's list of known ones pass, so nothing read from outside can reach the query text.
 */
export function identifier(name: string, known: ReadonlySet<string>): SqlQuery {
  if (!known.has(name) || !/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`sql: "${name}" is not a known name`);
  return { [FRAGMENT]: true, text: `"${name}"`, params: [] };
}

export function join(parts: readonly SqlQuery[], separator: SqlQuery): SqlQuery {
  if (parts.length === 0) return EMPTY;
  return parts.reduce((acc, part) => sql`${acc}${separator}${part}`);
}

/** `WHERE a AND b ...`, or nothing when there are no conditions. */
export function where(conditions: readonly SqlQuery[]): SqlQuery {
  return conditions.length ? sql` WHERE ${join(conditions, sql` AND `)}` : EMPTY;
}

/** `(?, ?, ?)` for an IN list; an empty list matches nothing. */
export function list(values: readonly SqlValue[]): SqlQuery {
  if (values.length === 0) return sql`(NULL)`;
  return sql`(${join(values.map((v) => sql`${v}`), sql`, `)})`;
}

// Preparing is the expensive part of a query; hot paths (search as you type) reuse statements.
const cache = new WeakMap<Database, Map<string, Statement>>();

function prepare(db: Database, text: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let stmt = byText.get(text);
  if (!stmt) byText.set(text, (stmt = db.prepare(text)));
  return stmt;
}

export function all<Row>(db: Database, query: SqlQuery): Row[] {
  return prepare(db, query.text).all(...query.params) as Row[];
}

export function get<Row>(db: Database, query: SqlQuery): Row | undefined {
  return prepare(db, query.text).get(...query.params) as Row | undefined;
}

export function run(db: Database, query: SqlQuery): { changes: number; lastInsertRowid: number | bigint } {
  return prepare(db, query.text).run(...query.params);
}

/** SQLite gives BLOBs as Node Buffers; the window's side of IPC wants plain bytes. */
export function plainBytes(blob: Uint8Array): Uint8Array {
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}

/**
 * A write transaction, begun IMMEDIATE: it takes the library's write lock before its first read. Two
 * processes may write one library (the app and the command line, or two imports); with a deferred
 * transaction the second one's read could not become a write and failed at once with "database is
 * locked" (130 false refusals importing one folder twice at the same time). Begun IMMEDIATE, it waits
 * its turn (busy_timeout) instead.
 */
export function writeTransaction<A extends unknown[], R>(db: Database, fn: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(fn);
  return (...args: A) => transaction.immediate(...args);
}
