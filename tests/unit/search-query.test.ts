import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../shared/search-query.ts';

describe('toFtsQuery: what a person types never becomes an FTS5 syntax error', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')`);
  const rows = [
    'PSA, total 4.1 ng/mL',
    'Surgical pathology accession S24-1187 received',
    'Creatinine, Serum 1.12 H',
    'Patient: Gustavo Mejía',
    'NEAR the AND gate OR not',
  ];
  rows.forEach((r) => db.prepare('INSERT INTO t VALUES (?)').run(r));
  const search = (typed: string) => {
    const q = toFtsQuery(typed);
    return q === null ? [] : (db.prepare('SELECT x FROM t WHERE t MATCH ? ORDER BY rank').all(q) as { x: string }[]).map((r) => r.x);
  };

  it.each([
    'PSA, total', 'S24-1187', '"unbalanced', 'NEAR(', 'a AND OR', '*', '-', '(x', 'x:', '^', 'col:val', '""', "O'Neill", 'NOT', '+++',
  ])('accepts %j', (typed) => {
    expect(() => search(typed)).not.toThrow();
  });

  it('finds punctuated words, case numbers and accented names', () => {
    expect(search('PSA, total')).toEqual([rows[0]]);
    expect(search('S24-1187')).toEqual([rows[1]]);
    expect(search('mejia')).toEqual([rows[3]]);
    expect(search('CREATININE')).toEqual([rows[2]]);
  });

  it('treats operators as words and matches the last word as a prefix', () => {
    expect(search('NEAR AND')).toEqual([rows[4]]);
    expect(search('creat')).toEqual([rows[2]]);
    expect(toFtsQuery('creat ')).toBe('"creat"');
  });

  it('waits for a second letter of a word begun after others (one letter as a prefix matches most words)', () => {
    expect(toFtsQuery('hemoglobin a')).toBe('"hemoglobin"');
    expect(toFtsQuery('hemoglobin a1')).toBe('"hemoglobin" "a1"*');
    expect(toFtsQuery('a')).toBe('"a"*');
    expect(toFtsQuery('hemoglobin a ')).toBe('"hemoglobin" "a"');
    expect(toFtsQuery('S24-1')).toBe('"S24"');
    expect(toFtsQuery('S24-11')).toBe('"S24-11"*');
    expect(toFtsQuery('S24-1 ')).toBe('"S24-1"');
  });

  it('has no query for blank or punctuation-only input', () => {
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery(' - , ; ')).toBeNull();
  });
});
