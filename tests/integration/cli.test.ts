import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FOLDERS } from '../corpus/folders.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { casebinder } from '../helpers/cli.ts';
import { fixture, ROOT, tempDir } from '../helpers/paths.ts';

/** One person's session with the command line, step by step, through real child processes. */
describe('the casebinder command line', () => {
  const library = path.join(tempDir(), 'lib');
  let records: string;

  beforeAll(async () => {
    records = tempDir();
    await writeCorpus(records, FOLDERS.filter((d) => d.folder === 'robert-chen'));
    fs.copyFileSync(fixture('pdf/pdfjs/issue6010_1.pdf'), path.join(records, 'robert-chen', 'locked.pdf'));
    fs.copyFileSync(fixture('bad/empty.pdf'), path.join(records, 'robert-chen', 'empty.pdf'));
  });

  it('says how to create a library when there is none', () => {
    const run = casebinder(library, ['list', '--json']);
    expect(run.code).toBe(1);
    expect(run.json).toEqual({ error: { code: 'library-missing', message: expect.stringMatching(/no Casebinder library.*casebinder init/) } });
    expect(run.stderr).toMatch(/casebinder init/);
  });

  it('init creates it once', () => {
    expect(casebinder(library, ['init', '--json'])).toMatchObject({ code: 0, json: { library, created: true } });
    expect(casebinder(library, ['init', '--json'])).toMatchObject({ code: 0, json: { library, created: false } });
  });

  it('adds and lists patients', () => {
    const added = casebinder(library, ['patient', 'add', 'Robert', 'Chen', '--dob', '1966-09-30', '--json']);
    expect(added).toMatchObject({ code: 0, json: { id: 1, name: 'Robert Chen', dateOfBirth: '1966-09-30' } });
    casebinder(library, ['patient', 'add', "Margaret O'Neill", '--json']);
    expect((casebinder(library, ['patient', 'list', '--json']).json as { name: string }[]).map((p) => p.name)).toEqual(["Margaret O'Neill", 'Robert Chen']);
    expect(casebinder(library, ['patient', 'add', 'X', '--dob', '1966-13-01']).code).toBe(1);
  });

  it('imports a folder, exits 2 because some files were refused, and says why for each', () => {
    const run = casebinder(library, ['import', path.join(records, 'robert-chen'), '--patient', 'robert chen', '--json']);
    expect(run.code).toBe(2);
    const result = run.json as { imported: Record<string, unknown>[]; duplicates: unknown[]; refused: { path: string; reason: string }[] };
    expect(result.imported).toHaveLength(FOLDERS.filter((d) => d.folder === 'robert-chen').length);
    // A note is added where there is something to know (lab values read from a report's tables).
    for (const i of result.imported) expect(Object.keys(i).filter((k) => k !== 'note').sort()).toEqual(['id', 'pages', 'path', 'type']);
    expect(result.imported.filter((i) => i.note).map((i) => i.note)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ lab results? (was|were) read from its tables; check them against the page to confirm them\.$/)]),
    );
    expect(result.imported).toContainEqual({ id: expect.any(Number), path: path.join(records, 'robert-chen', 'biopsy pathology.pdf'), type: 'pathology-report', pages: 1 });
    expect(result.duplicates).toEqual([]);
    expect(result.refused).toEqual([
      { path: path.join(records, 'robert-chen', 'empty.pdf'), reason: expect.stringContaining('empty'), code: 'empty' },
      { path: path.join(records, 'robert-chen', 'locked.pdf'), reason: expect.stringContaining('password-protected'), code: 'password-protected' },
    ]);
  });

  it('imports again without doubling anything, naming the existing documents', () => {
    const run = casebinder(library, ['import', path.join(records, 'robert-chen', 'mri prostate.pdf'), '--patient', '1', '--json']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ imported: [], duplicates: [{ path: path.join(records, 'robert-chen', 'mri prostate.pdf'), of: expect.any(Number) }], refused: [] });
  });

  it('refuses to guess whose records these are when the library has several patients', () => {
    const run = casebinder(library, ['import', fixture('images/linn.png'), '--json']);
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ error: { code: 'ambiguous', message: expect.stringContaining('Say whose records') } });
  });

  it('lists by type and patient, newest first', () => {
    const run = casebinder(library, ['list', '--type', 'lab-report', '--patient', 'Robert Chen', '--json']);
    expect(run.code).toBe(0);
    const labs = run.json as { title: string; suggested: { dateOfService: string } }[];
    expect(labs.map((l) => l.suggested.dateOfService)).toEqual(['2025-01-30', '2024-11-20', '2024-08-12']);
    expect(casebinder(library, ['list', '--type', 'scan', '--json']).code).toBe(1);
  });

  it('searches with what a person types and points to the page, matched words marked', () => {
    const psa = casebinder(library, ['search', 'PSA,', 'total', '--json']);
    expect(psa.code).toBe(0);
    expect(psa.json).toEqual([
      expect.objectContaining({ id: expect.any(Number), title: "Lab results from St. Luke's Medical Center Laboratory", page: 1, snippet: expect.stringContaining('**PSA**, **TOTAL**') }),
    ]);
    const accession = casebinder(library, ['search', 'S24-1187', '--json']).json as { title: string; snippet: string }[];
    expect(accession).toEqual([expect.objectContaining({ title: 'Surgical Pathology Report', snippet: expect.stringContaining('**S24-1187**') })]);
    expect(casebinder(library, ['search', 'NEAR(', 'AND', '"', '--json'])).toMatchObject({ code: 0, json: [] });
  });

  it('shows a document with confirmed values on top and suggestions under "suggested"', () => {
    const [hit] = casebinder(library, ['search', 'S24-1187', '--json']).json as { id: number }[];
    const shown = casebinder(library, ['show', String(hit!.id), '--json']);
    expect(shown.code).toBe(0);
    expect(shown.json).toMatchObject({
      id: hit!.id,
      title: 'Surgical Pathology Report',
      type: null,
      dateOfService: null,
      facility: null,
      clinician: null,
      pages: 1,
      suggested: { type: 'pathology-report', dateOfService: '2025-01-08', facility: 'Pacific Pathology Associates', clinician: 'Helen Morales, MD' },
    });
    const confirmed = casebinder(library, ['confirm', String(hit!.id), '--field', 'type', '--field', 'date', '--json']);
    expect(confirmed.json).toMatchObject({ type: 'pathology-report', dateOfService: '2025-01-08', facility: null });
    const edited = casebinder(library, ['edit', String(hit!.id), '--facility', 'Pacific Pathology', '--tag', 'biopsy', '--json']);
    expect(edited.json).toMatchObject({ facility: 'Pacific Pathology', tags: ['biopsy'] });
    expect(casebinder(library, ['show', '9999', '--json'])).toMatchObject({ code: 1, json: { error: { code: 'not-found' } } });
  });

  it('checks the library, and finds a damaged original', () => {
    expect(casebinder(library, ['check', '--json'])).toMatchObject({ code: 0, json: { ok: true, problems: [] } });
    const vault = path.join(library, 'vault', 'sha256');
    const [prefix] = fs.readdirSync(vault);
    const [name] = fs.readdirSync(path.join(vault, prefix!));
    const file = path.join(vault, prefix!, name!);
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'x');
    const broken = casebinder(library, ['check', '--json']);
    expect(broken.code).toBe(1);
    expect(broken.json).toMatchObject({ ok: false, problems: [expect.stringContaining('bytes, expected')] });
  });

  it('takes --library over CASEBINDER_LIBRARY', () => {
    const other = path.join(tempDir(), 'other');
    expect(casebinder(library, ['--library', other, 'init', '--json'])).toMatchObject({ json: { library: other, created: true } });
  });

  it('refuses a library from a newer version without touching it', () => {
    const newer = path.join(tempDir(), 'newer');
    casebinder(newer, ['init']);
    const db = new Database(path.join(newer, 'library.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const run = casebinder(newer, ['list', '--json']);
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ error: { code: 'library-too-new', message: expect.stringContaining('newer version of Casebinder') } });
  });

  it('answers unknown commands and options with a way forward', () => {
    expect(casebinder(library, ['frobnicate', '--json'])).toMatchObject({ code: 1, json: { error: { message: expect.stringContaining('casebinder help') } } });
    expect(casebinder(library, ['list', '--bogus', '--json'])).toMatchObject({ code: 1, json: { error: { code: 'invalid-input' } } });
    expect(casebinder(library, ['help']).stdout).toContain('Usage: casebinder');
    // Each command takes its own options; what it will do passes the window's own contract, and a
    // problem names what the person typed and the command's usage.
    expect(casebinder(library, ['list', '--zip', '--json'])).toMatchObject({ code: 1, json: { error: { code: 'invalid-input', message: expect.stringContaining('"list" does not take --zip') } } });
    expect(casebinder(library, ['patient', 'add', 'Ann Lee', '--dob', '1975-13-01']).stderr).toMatch(
      /--dob: "1975-13-01" is not a date\. Write it as YYYY-MM-DD, for example 2024-03-14\. Usage: casebinder patient add NAME/,
    );
    expect(casebinder(library, ['list', '--type', 'memo']).stderr).toMatch(/--type: "memo" is not a document type\. Use one of: .*lab-report/);
    expect(casebinder(library, ['search', 'x'.repeat(600)]).stderr).toMatch(/The query can be at most 500 characters long\. Usage: casebinder search QUERY/);
    expect(casebinder(library, ['patient', 'list', '--json']).json).not.toContainEqual(expect.objectContaining({ name: 'Ann Lee' }));
  });

  it('runs through npm in a fresh clone, with paths relative to where it was typed', () => {
    const run = spawnSync('npm', ['run', '--silent', 'casebinder', '--', 'import', '--json', '--patient', 'Robert Chen', 'fixtures/images/linn.png'], {
      cwd: path.join(ROOT, 'tests'),
      env: { ...process.env, CASEBINDER_LIBRARY: library },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: [{ path: path.join(ROOT, 'tests/fixtures/images/linn.png'), pages: 1 }] });
  });
});
