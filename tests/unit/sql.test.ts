import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { all, join, list, run, sql, where } from '../../electron/library/sql.ts';

describe('sql tagged template', () => {
  it('turns every value into a parameter', () => {
    const q = sql`SELECT * FROM t WHERE a = ${1} AND b = ${"x'); DROP TABLE t; --"}`;
    expect(q.text).toBe('SELECT * FROM t WHERE a = ? AND b = ?');
    expect(q.params).toEqual([1, "x'); DROP TABLE t; --"]);
  });

  it('splices fragments with their parameters in order', () => {
    const q = sql`SELECT 1${where([sql`a = ${1}`, sql`b IN ${list(['x', 'y'])}`])} LIMIT ${5}`;
    expect(q.text).toBe('SELECT 1 WHERE a = ? AND b IN (?, ?) LIMIT ?');
    expect(q.params).toEqual([1, 'x', 'y', 5]);
    expect(where([]).text).toBe('');
    expect(join([], sql`, `).text).toBe('');
  });

  it('refuses undefined, which is always a bug', () => {
    expect(() => sql`SELECT ${undefined as unknown as null}`).toThrow(/undefined/);
  });

  it('keeps hostile text as data in a real database', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (name TEXT)');
    run(db, sql`INSERT INTO t VALUES (${"Robert'); DROP TABLE t;--"})`);
    expect(all<{ name: string }>(db, sql`SELECT name FROM t`)).toEqual([{ name: "Robert'); DROP TABLE t;--" }]);
    expect(all(db, sql`SELECT name FROM t WHERE name IN ${list([])}`)).toEqual([]);
  });
});

describe('integer literals', () => {
  it('writes only whole numbers into the query text', async () => {
    const { integer } = await import('../../electron/library/sql.ts');
    expect(sql`LIMIT ${integer(20)}`.text).toBe('LIMIT 20');
    expect(() => integer(1.5)).toThrow();
    expect(() => integer(Number('1; DROP TABLE t'))).toThrow();
  });
});
