import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { casebinder, runAndKill } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { allFiles, fillLibrary, PASSPHRASE, PATIENT, plaintextFound, secretFile } from '../helpers/plaintext.ts';

function ok(run: ReturnType<typeof casebinder>): unknown {
  expect(run.code, run.stderr).toBe(0);
  return run.json;
}

/** What a person sees of a library: its documents (with their originals' fingerprints) and its cases. */
function seen(library: string, env: NodeJS.ProcessEnv) {
  const documents = (ok(casebinder(library, ['list', '--json'], env)) as { id: number; sha256: string | null; title: string; patient: { name: string } }[]).map((d) => [d.id, d.sha256, d.title, d.patient.name]);
  const cases = (ok(casebinder(library, ['case', 'list', '--json'], env)) as { id: number }[]).map((c) => ok(casebinder(library, ['case', 'show', String(c.id), '--json'], env)));
  return { documents, cases };
}

describe('backups of an encrypted library', () => {
  const env = { CASEBINDER_PASSPHRASE_FILE: secretFile(PASSPHRASE) };
  let library: string;
  let backups: string;

  beforeAll(() => {
    library = path.join(tempDir(), 'library');
    ok(casebinder(library, ['init', '--encrypt', '--json'], env));
    fillLibrary(library, env);
    const docs = ok(casebinder(library, ['list', '--json'], env)) as { id: number }[];
    const made = ok(casebinder(library, ['case', 'create', '--patient', PATIENT, '--title', 'Second opinion on surgery', '--specialty', 'other', '--json'], env)) as { id: number };
    ok(casebinder(library, ['case', 'add', String(made.id), ...docs.slice(0, 5).map((d) => String(d.id))], env));
    ok(casebinder(library, ['case', 'question', String(made.id), 'Is', 'surgery', 'needed', 'now?'], env));
    backups = path.join(tempDir(), 'backups');
  }, 240_000);

  it('writes the database and every original with a manifest, encrypted: nothing of the patient in the clear', () => {
    const made = ok(casebinder(library, ['backup', '--to', backups, '--json'], env)) as { originals: number; copied: number };
    expect(made.originals).toBeGreaterThanOrEqual(10);
    expect(made.copied).toBe(made.originals);
    expect(plaintextFound(backups)).toEqual([]);
    expect(ok(casebinder(library, ['backup', 'verify', backups, '--json']))).toMatchObject({ ok: true, encrypted: true });
  });

  it('copies only what changed the second time', () => {
    const before = ok(casebinder(library, ['backup', '--to', backups, '--json'], env)) as { copied: number; originals: number };
    expect(before.copied).toBe(0);
    ok(casebinder(library, ['import', '--patient', '1', fixture('images', 'linn.png'), '--json'], env));
    // Without --to, the folder of the last backup.
    const after = ok(casebinder(library, ['backup', '--json'], env)) as { copied: number; originals: number; to: string };
    expect(after).toMatchObject({ copied: 1, originals: before.originals + 1, to: backups });
    expect(fs.readdirSync(path.join(backups, 'snapshots'))).toHaveLength(1);
  });

  it('restores into a new folder a library equal to the one backed up, and proves it', () => {
    const restored = path.join(tempDir(), 'restored');
    const result = ok(casebinder(restored, ['restore', '--from', backups, '--library', restored, '--json'], env)) as { equal: boolean; documents: number };
    expect(result.equal).toBe(true);
    expect(seen(restored, env)).toEqual(seen(library, env));
    expect(ok(casebinder(restored, ['check', '--json'], env))).toMatchObject({ ok: true });
    expect(plaintextFound(restored)).toEqual([]);
  });

  it('refuses to restore without the passphrase, with a wrong one, or over a library, and leaves nothing behind', () => {
    const target = path.join(tempDir(), 'target');
    expect(casebinder(target, ['restore', '--from', backups, '--library', target, '--json'], { CASEBINDER_PASSPHRASE_FILE: '' }).json).toMatchObject({ error: { code: 'library-locked' } });
    expect(casebinder(target, ['restore', '--from', backups, '--library', target, '--json'], { CASEBINDER_PASSPHRASE_FILE: secretFile('not the passphrase') }).json).toMatchObject({ error: { code: 'wrong-passphrase' } });
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
    expect(casebinder(library, ['restore', '--from', backups, '--library', library, '--json'], env).json).toMatchObject({ error: { code: 'conflict' } });
  });

  it('verify finds a damaged file and a missing one', () => {
    const copy = path.join(tempDir(), 'copy');
    fs.cpSync(backups, copy, { recursive: true });
    const originals = allFiles(path.join(copy, 'vault'));
    const damaged = originals[0]!;
    fs.chmodSync(damaged, 0o600);
    const bytes = fs.readFileSync(damaged);
    bytes[bytes.length >> 1]! ^= 0x01;
    fs.writeFileSync(damaged, bytes);
    fs.rmSync(originals[1]!);
    const report = casebinder(library, ['backup', 'verify', copy, '--json']);
    expect(report.code).toBe(1);
    const problems = (report.json as { problems: string[] }).problems;
    expect(problems).toHaveLength(2);
    expect(problems.filter((p) => /damaged/.test(p))).toHaveLength(1);
    expect(problems.filter((p) => /missing/.test(p))).toHaveLength(1);
  });

  it('a backup killed at any moment leaves the previous backup whole: it verifies and restores', async () => {
    ok(casebinder(library, ['import', '--patient', '1', fixture('images', 'derived', 'phone_photo_orientation6.jpg'), fixture('dicom', 'single', 'JPGExtended.dcm'), '--json'], env));
    const total = (await runAndKill(library, ['backup', '--to', path.join(tempDir(), 'count')], env, Number.POSITIVE_INFINITY)).events;
    for (const point of [1, 2, Math.floor(total / 2), total - 2, total - 1]) {
      await runAndKill(library, ['backup', '--to', backups], env, point);
      const report = casebinder(library, ['backup', 'verify', backups, '--json']);
      expect(report.json, `after a kill at event ${point} of ${total}: ${report.stderr}`).toMatchObject({ ok: true });
    }
    const restored = path.join(tempDir(), 'restored');
    ok(casebinder(restored, ['restore', '--from', backups, '--library', restored, '--json'], env));
    // And the next backup completes.
    expect(ok(casebinder(library, ['backup', '--to', backups, '--json'], env))).toMatchObject({ originals: expect.any(Number) });
    expect(ok(casebinder(library, ['backup', 'verify', backups, '--json']))).toMatchObject({ ok: true });
  }, 240_000);

  it('refuses a folder holding something else, and a backup inside the library', () => {
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'holiday.jpg'), 'x');
    expect(casebinder(library, ['backup', '--to', other, '--json'], env).json).toMatchObject({ error: { code: 'conflict' } });
    expect(casebinder(library, ['backup', '--to', path.join(library, 'backup'), '--json'], env).json).toMatchObject({ error: { code: 'invalid-input' } });
    expect(fs.readdirSync(other)).toEqual(['holiday.jpg']);
  });
});

describe('backups of a plain library', () => {
  it('back up, verify and restore equal without any passphrase', () => {
    const library = path.join(tempDir(), 'library');
    ok(casebinder(library, ['init', '--json']));
    fillLibrary(library, {});
    const backups = path.join(tempDir(), 'backups');
    ok(casebinder(library, ['backup', '--to', backups, '--json']));
    expect(ok(casebinder(library, ['backup', 'verify', backups, '--json']))).toMatchObject({ ok: true, encrypted: false });
    const restored = path.join(tempDir(), 'restored');
    ok(casebinder(restored, ['restore', '--from', backups, '--library', restored, '--json']));
    expect(seen(restored, {})).toEqual(seen(library, {}));
  }, 120_000);

  it('with a password of its own: encrypted, incremental, restored as the plain library it was', () => {
    const library = path.join(tempDir(), 'library');
    ok(casebinder(library, ['init', '--json']));
    fillLibrary(library, {});
    const backups = path.join(tempDir(), 'backups');
    const password = secretFile('backup password for the drive');
    const first = ok(casebinder(library, ['backup', '--to', backups, '--password-file', password, '--json'])) as { recoveryKey: string; originals: number };
    expect(first.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(plaintextFound(backups)).toEqual([]);
    // Verifying needs no password: it compares what is stored with the manifest's fingerprints.
    expect(ok(casebinder(library, ['backup', 'verify', backups, '--json']))).toMatchObject({ ok: true, encrypted: true });
    // The folder keeps its password: without it, or with another, nothing is written.
    expect(casebinder(library, ['backup', '--to', backups, '--json']).json).toMatchObject({ error: { code: 'library-locked' } });
    expect(casebinder(library, ['backup', '--to', backups, '--password-file', secretFile('not the password at all'), '--json']).json).toMatchObject({ error: { code: 'wrong-passphrase' } });
    ok(casebinder(library, ['import', '--patient', '1', fixture('images', 'linn.png'), '--json']));
    const again = ok(casebinder(library, ['backup', '--to', backups, '--password-file', password, '--json'])) as { copied: number; originals: number; recoveryKey: string | null };
    expect(again).toMatchObject({ copied: 1, originals: first.originals + 1, recoveryKey: null });
    expect(plaintextFound(backups)).toEqual([]);

    const restored = path.join(tempDir(), 'restored');
    expect(casebinder(restored, ['restore', '--from', backups, '--library', restored, '--json']).json).toMatchObject({ error: { code: 'library-locked' } });
    ok(casebinder(restored, ['restore', '--from', backups, '--library', restored, '--password-file', password, '--json']));
    expect(fs.existsSync(path.join(restored, 'keys.json'))).toBe(false);
    expect(seen(restored, {})).toEqual(seen(library, {}));
    expect(ok(casebinder(restored, ['check', '--json']))).toMatchObject({ ok: true });
    const byRecovery = path.join(tempDir(), 'by-recovery-key');
    ok(casebinder(byRecovery, ['restore', '--from', backups, '--library', byRecovery, '--recovery-key-file', secretFile(first.recoveryKey), '--json']));
    expect(seen(byRecovery, {})).toEqual(seen(library, {}));
  }, 180_000);
});

describe('a backup password for an encrypted library', () => {
  it('is refused: its backups are encrypted with its own key', () => {
    const env = { CASEBINDER_PASSPHRASE_FILE: secretFile(PASSPHRASE) };
    const library = path.join(tempDir(), 'library');
    ok(casebinder(library, ['init', '--encrypt', '--json'], env));
    const refused = casebinder(library, ['backup', '--to', path.join(tempDir(), 'b'), '--password-file', secretFile('another password'), '--json'], env);
    expect(refused.json).toMatchObject({ error: { code: 'invalid-input', message: expect.stringMatching(/its own key/) } });
  });
});
