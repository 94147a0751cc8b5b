import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { startConversion } from '../../electron/library/encryption.ts';
import { casebinder, runAndKill } from '../helpers/cli.ts';
import { tempDir } from '../helpers/paths.ts';
import { allFiles, fillLibrary, originals, PASSPHRASE, PATIENT, plaintextFound, secretFile, snapshot } from '../helpers/plaintext.ts';

function ok(run: ReturnType<typeof casebinder>): unknown {
  expect(run.stderr, run.stdout).toBe('');
  expect(run.code, run.stderr).toBe(0);
  return run.json;
}

/** Documents and the fingerprints of their originals, as the command line lists them. */
function contents(library: string, env: NodeJS.ProcessEnv) {
  const list = ok(casebinder(library, ['list', '--json'], env)) as { id: number; sha256: string | null; title: string }[];
  return list.map((d) => `${d.id} ${d.sha256 ?? 'study'} ${d.title}`).sort();
}

describe('an encrypted library', () => {
  const passphraseFile = secretFile(PASSPHRASE);
  const env = { CASEBINDER_PASSPHRASE_FILE: passphraseFile };
  let library: string;
  let recoveryKey: string;

  beforeAll(() => {
    library = path.join(tempDir(), 'library');
    const init = ok(casebinder(library, ['init', '--encrypt', '--json'], env)) as { recoveryKey: string; encrypted: boolean };
    expect(init.encrypted).toBe(true);
    recoveryKey = init.recoveryKey;
    fillLibrary(library, env);
    // OCR writes page text and pictures of pages are made: none of it may reach the disk in the clear.
    ok(casebinder(library, ['ocr', '--json'], env));
  }, 240_000);

  it('holds nothing in the clear: no name, no words, no picture, PDF or DICOM, no slice of any original', () => {
    expect(contents(library, env).length).toBeGreaterThanOrEqual(10);
    expect(plaintextFound(library)).toEqual([]);
    // Not even a fingerprint: no vault file is named by the SHA-256 of an original.
    const hashes = new Set(originals().map((b) => createHash('sha256').update(b).digest('hex')));
    expect(allFiles(path.join(library, 'vault')).filter((f) => hashes.has(path.basename(f)))).toEqual([]);
    const check = ok(casebinder(library, ['check', '--json'], env)) as { ok: boolean; filesVerified: number };
    expect(check).toMatchObject({ ok: true });
    expect(check.filesVerified).toBeGreaterThanOrEqual(10);
  });

  it('exports a case whose originals are byte for byte the files imported', () => {
    const list = ok(casebinder(library, ['list', '--json'], env)) as { id: number; kind: string }[];
    const made = ok(casebinder(library, ['case', 'create', '--patient', PATIENT, '--title', 'Second opinion', '--specialty', 'other', '--json'], env)) as { id: number };
    ok(casebinder(library, ['case', 'add', String(made.id), ...list.map((d) => String(d.id))], env));
    const out = tempDir();
    ok(casebinder(library, ['export', String(made.id), '--out', out, '--json'], env));
    const exported = new Set(allFiles(out).map((f) => createHash('sha256').update(fs.readFileSync(f)).digest('hex')));
    const missing = originals().map((b) => createHash('sha256').update(b).digest('hex')).filter((h) => !exported.has(h));
    expect(missing).toEqual([]);
  });

  it('finds what it holds by search and reads its text', () => {
    const hits = ok(casebinder(library, ['search', 'robotic', 'surveillance', '--json'], env)) as { id: number; title: string }[];
    expect(hits).toHaveLength(1);
    const text = casebinder(library, ['show', String(hits[0]!.id), '--text'], env);
    expect(text.stdout).toContain('robotic-assisted radical');
  });

  it('without its passphrase, or with a wrong one, says so plainly and changes nothing', () => {
    const before = snapshot(library);
    const none = casebinder(library, ['list', '--json'], { CASEBINDER_PASSPHRASE_FILE: '' });
    expect(none.code).toBe(1);
    expect(none.json).toMatchObject({ error: { code: 'library-locked', message: expect.stringMatching(/encrypted.*--passphrase-file/s) } });
    const wrong = casebinder(library, ['list', '--json'], { CASEBINDER_PASSPHRASE_FILE: secretFile('plum orchard under snoW') });
    expect(wrong.json).toMatchObject({ error: { code: 'wrong-passphrase', message: expect.stringMatching(/not this library's/) } });
    expect(casebinder(library, ['check', '--json'], { CASEBINDER_PASSPHRASE_FILE: '' }).code).toBe(1);
    expect(snapshot(library)).toEqual(before);
  });

  it('changes its passphrase without rewriting a document or the database; the recovery key still opens it', () => {
    const before = snapshot(library);
    const next = secretFile('a brand new passphrase');
    ok(casebinder(library, ['passphrase', 'change', '--new-passphrase-file', next, '--json'], env));
    const after = snapshot(library);
    const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f));
    expect(changed).toEqual(['keys.json']);
    expect(casebinder(library, ['list', '--json'], env).json).toMatchObject({ error: { code: 'wrong-passphrase' } });
    expect(contents(library, { CASEBINDER_PASSPHRASE_FILE: next }).length).toBeGreaterThan(0);
    // Forgotten passphrase: the recovery key opens it and sets a new one.
    ok(casebinder(library, ['passphrase', 'change', '--recovery-key-file', secretFile(recoveryKey), '--new-passphrase-file', passphraseFile, '--json'], { CASEBINDER_PASSPHRASE_FILE: '' }));
    expect(contents(library, env).length).toBeGreaterThan(0);
  });
});

describe('turning encryption on and off', () => {
  it('encrypts an existing library and decrypts it again, with every document and original as it was', async () => {
    const library = path.join(tempDir(), 'library');
    const env = { CASEBINDER_PASSPHRASE_FILE: secretFile(PASSPHRASE) };
    ok(casebinder(library, ['init', '--json']));
    fillLibrary(library, {});
    const before = contents(library, {});
    // The search finds what a plain library shows: the name, the words, the signatures, slices of originals.
    const plain = plaintextFound(library);
    for (const what of ["the patient's name", 'the words "Columbia River Urology"', 'a PDF signature', 'a DICOM signature', "SQLite's plain header", '48 bytes of original']) {
      expect(plain.some((f) => f.includes(what)), what).toBe(true);
    }
    const encrypted = ok(casebinder(library, ['encrypt', '--json'], env)) as { recoveryKey: string; originals: number };
    expect(encrypted.originals).toBeGreaterThanOrEqual(10);
    expect(plaintextFound(library)).toEqual([]);
    expect(fs.readdirSync(library).sort()).toEqual(['keys.json', 'library.sqlite', 'vault']);
    expect(contents(library, env)).toEqual(before);
    expect(casebinder(library, ['encrypt', '--json'], env).json).toMatchObject({ error: { code: 'conflict' } });
    // Decrypting with the recovery key alone.
    ok(casebinder(library, ['decrypt', '--recovery-key-file', secretFile(encrypted.recoveryKey), '--json'], { CASEBINDER_PASSPHRASE_FILE: '' }));
    expect(fs.existsSync(path.join(library, 'keys.json'))).toBe(false);
    expect(contents(library, {})).toEqual(before);
    expect(ok(casebinder(library, ['check', '--json']))).toMatchObject({ ok: true });
  }, 240_000);

  it('cancelled midway, leaves the library as it was and no copy behind', async () => {
    const library = path.join(tempDir(), 'library');
    ok(casebinder(library, ['init', '--json']));
    fillLibrary(library, {});
    const before = snapshot(library);
    const job = startConversion({ dir: library, from: null, passphrase: PASSPHRASE });
    job.onProgress((p) => {
      if (p.phase === 'originals' && p.done === 2) job.cancel();
    });
    await expect(job.result).rejects.toMatchObject({ code: 'cancelled', message: expect.stringMatching(/as it was/) });
    expect(job.status).toBe('cancelled');
    expect(fs.readdirSync(library).sort()).toEqual(['library.sqlite', 'vault']);
    // Every file as it was (the vault's own temp folder aside, which each open makes afresh).
    const after = snapshot(library);
    expect([...after.keys()].filter((f) => after.get(f) !== before.get(f))).toEqual([]);
    expect(ok(casebinder(library, ['check', '--json']))).toMatchObject({ ok: true });
  }, 120_000);

  it('survives kill -9 at any moment of encrypting or decrypting: the library opens as it was or as it became, passes check, loses nothing', async () => {
    const library = path.join(tempDir(), 'library');
    const env = { CASEBINDER_PASSPHRASE_FILE: secretFile(PASSPHRASE) };
    // Large photos (random noise does not compress) so that a kill lands inside a file as well as between files.
    const photos = tempDir();
    for (let i = 0; i < 4; i++) {
      await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .jpeg({ quality: 98 })
        .toFile(path.join(photos, `photo-${i}.jpg`));
    }
    ok(casebinder(library, ['init', '--json']));
    fillLibrary(library, {}, [photos]);
    const before = contents(library, {});
    // Kill points spread over the whole run: early, among the originals, at the database, at the switch.
    const total = (await runAndKill(library, ['encrypt'], env, Number.POSITIVE_INFINITY)).events;
    ok(casebinder(library, ['decrypt', '--json'], env));
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const points = [1, 2, total - 3, total - 2, total - 1, ...Array.from({ length: 5 }, () => 1 + Math.floor(random() * total))];
    const outcomes: string[] = [];
    for (const point of points) {
      const encryptedNow = fs.existsSync(path.join(library, 'keys.json'));
      const run = await runAndKill(library, [encryptedNow ? 'decrypt' : 'encrypt'], env, point);
      const check = casebinder(library, ['check', '--json'], env);
      expect(check.json, `after a kill at event ${point}: ${check.stderr}`).toMatchObject({ ok: true });
      expect(contents(library, env)).toEqual(before);
      const encryptedAfter = fs.existsSync(path.join(library, 'keys.json'));
      if (encryptedAfter) expect(plaintextFound(library)).toEqual([]);
      // The unfinished copy, or the old library after a finished switch, is gone once the library opened.
      expect(fs.readdirSync(library).filter((n) => n.startsWith('.'))).toEqual([]);
      outcomes.push(`${encryptedNow ? 'decrypt' : 'encrypt'} killed at ${run.events}/${total}: ${encryptedAfter === encryptedNow ? 'as it was' : 'switched'}`);
    }
    // Both outcomes happened: kills before the switch and kills too late to stop it.
    expect(outcomes.some((o) => o.endsWith('as it was')), outcomes.join('\n')).toBe(true);
    expect(outcomes.some((o) => o.endsWith('switched')), outcomes.join('\n')).toBe(true);
  }, 600_000);
});
