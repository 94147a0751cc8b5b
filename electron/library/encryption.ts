/**
 * Turning encryption on and off for a whole library, crash-safe. The library is never changed in
 * place: its converted copy is built in `.convert/` beside it (every original re-read, checked against
 * its fingerprint and written sealed or plain; a snapshot of the database rekeyed), and only when that
 * copy is complete and on disk does a marker (`.convert/READY`) say so. Then the copy's parts are moved
 * into place one rename at a time; a crash during the moves is finished by the next open (rollForward).
 * A crash before the marker leaves the library as it was; the next open removes the unfinished copy.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { EncryptionProgress } from '../../shared/encryption-types.ts';
import { Job } from '../jobs/job.ts';
import { rekeyDatabase } from './database.ts';
import { syncDirectory, syncFile, syncTree } from './durable.ts';
import { isEncrypted, LibraryKey, replaceRecoveryKey, sealKeys, unlock, writeKeys } from './keyring.ts';
import type { Secret } from './keyring.ts';
import { Library } from './library.ts';
import { CONVERT_DIR, DATABASE_FILE, OWNER, READY, rollForward, VAULT_DIR } from './switch.ts';
import { makePrivate, PRIVATE_FOLDER } from './private.ts';
import { Vault, vaultFile } from './vault.ts';
import { originalChunks } from './sealed.ts';


/** Creates a new, empty, encrypted library; returns it open and the recovery key to show once. */
export async function createEncryptedLibrary(dir: string, passphrase: string, now?: () => Date): Promise<{ library: Library; recoveryKey: string }> {
  if (Library.exists(dir)) throw new CasebinderError('conflict', `A library is already in ${dir}. To encrypt it, use "casebinder encrypt".`);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  const key = LibraryKey.random();
  const { keys, recoveryKey } = await sealKeys(key, passphrase);
  // The keys are on disk before anything is encrypted with them.
  await writeKeys(dir, keys);
  return { library: Library.open(dir, { create: true, key, ...(now ? { now } : {}) }), recoveryKey };
}

export interface ConvertRequest {
  readonly dir: string;
  /** What opens the library now (null when it is plain). */
  readonly from: Secret | null;
  /** encrypt: the passphrase to encrypt with; decrypt: null. */
  readonly passphrase: string | null;
  /** encrypt: the recovery key the person was shown (and printed) before; else a new one is made at the end. */
  readonly recoveryKey?: string;
}

export interface ConvertResult {
  readonly encrypted: boolean;
  readonly originals: number;
  readonly bytes: number;
  /** After encrypting: the recovery key, shown once. */
  readonly recoveryKey: string | null;
}

/** Encrypts a plain library (passphrase given) or decrypts an encrypted one (passphrase null), as a job. */
export function startConversion(request: ConvertRequest): Job<EncryptionProgress, ConvertResult> {
  return new Job<EncryptionProgress, ConvertResult>(request.passphrase ? 'encrypt' : 'decrypt', async ({ report, signal }) => {
    const convert = path.join(request.dir, CONVERT_DIR);
    try {
      return await convertLibrary(request, report, signal);
    } catch (error) {
      // Cancelled or failed before the marker: the library is as it was; the copy goes.
      if (!fs.existsSync(path.join(convert, READY))) await fsp.rm(convert, { recursive: true, force: true });
      if (signal.aborted) throw new CasebinderError('cancelled', said('err.converting-cancelled', { encrypting: request.passphrase ? 'yes' : 'no' }));
      throw error;
    }
  });
}

async function convertLibrary(request: ConvertRequest, report: (p: EncryptionProgress) => void, signal: AbortSignal): Promise<ConvertResult> {
  const { dir } = request;
  const encrypting = request.passphrase !== null;
  if (encrypting && isEncrypted(dir)) throw new CasebinderError('conflict', said('err.already-converted', { encrypted: 'yes', dir }));
  if (!encrypting && !isEncrypted(dir)) throw new CasebinderError('conflict', said('err.already-converted', { encrypted: 'no', dir }));
  const fromKey = request.from ? await unlock(dir, request.from) : null;
  const source = Library.open(dir, { key: fromKey });
  const convert = path.join(dir, CONVERT_DIR);
  let recoveryKey: string | null = null;
  let originals = 0;
  let bytes = 0;
  try {
    const others = source.vault.otherProcesses();
    if (others.length) {
      throw new CasebinderError(
        'conflict',
        said('err.open-elsewhere', { processes: others.join(', ') }),
      );
    }
    await fsp.rm(convert, { recursive: true, force: true });
    await fsp.mkdir(convert, { mode: PRIVATE_FOLDER });
    await fsp.writeFile(path.join(convert, OWNER), JSON.stringify({ pid: process.pid }), { mode: 0o600 });

    // The new key is on disk (wrapped) before anything is encrypted with it.
    const toKey = encrypting ? LibraryKey.random() : null;
    if (toKey) await writeKeys(convert, (await sealKeys(toKey, request.passphrase!, request.recoveryKey)).keys);

    const names = [...source.vault.storedNames()];
    const sizes = names.map((name) => fs.statSync(vaultFile(source.vault.root, name)).size);
    const bytesTotal = sizes.reduce((a, b) => a + b, 0);
    report({ phase: 'originals', done: 0, total: names.length, bytesDone: 0, bytesTotal });
    const target = new Vault(path.join(convert, VAULT_DIR), toKey);
    target.prepare();
    for (const [i, name] of names.entries()) {
      signal.throwIfAborted();
      const staged = await target.stage(originalChunks(source.vault.refOfName(name), signal), signal);
      if (source.vault.nameFor(staged.sha256) !== name) {
        await target.discard(staged);
        throw new CasebinderError(
          'library-damaged',
          said('err.convert-original-changed', { name }),
        );
      }
      await target.commit(staged);
      originals++;
      bytes += staged.size;
      report({ phase: 'originals', done: i + 1, total: names.length, bytesDone: bytes, bytesTotal });
    }
    target.removeOwnTemp();

    report({ phase: 'database', done: 0, total: 1, bytesDone: bytes, bytesTotal });
    signal.throwIfAborted();
    const copy = path.join(convert, `${DATABASE_FILE}.copy`);
    source.snapshotDatabase(copy);
    rekeyDatabase(copy, fromKey?.database ?? null, toKey?.database ?? null);
    makePrivate(copy, 0o600);
    await syncFile(copy);
    await fsp.rename(copy, path.join(convert, DATABASE_FILE));
    if (toKey) recoveryKey = request.recoveryKey ?? (await replaceRecoveryKey(convert, toKey));
    report({ phase: 'database', done: 1, total: 1, bytesDone: bytes, bytesTotal });

    // Checked before the switch: the copy opens with its new key and has every document.
    const proof = Library.open(convert, { key: toKey });
    try {
      if (proof.documents.count() !== source.documents.count()) throw new CasebinderError('internal', said('err.convert-incomplete'));
    } finally {
      proof.close();
    }
    await fsp.rm(path.join(convert, VAULT_DIR, 'tmp'), { recursive: true, force: true });
    signal.throwIfAborted();
  } finally {
    source.vault.removeOwnTemp();
    source.close();
  }

  // The point of no return: once READY is on disk, the next open finishes the switch if this one cannot.
  report({ phase: 'switching', done: 0, total: 1, bytesDone: bytes, bytesTotal: bytes });
  await syncTree(convert);
  const ready = await fsp.open(path.join(convert, READY), 'w', 0o600);
  await ready.writeFile(encrypting ? 'encrypted\n' : 'plain\n');
  await ready.sync();
  await ready.close();
  await syncDirectory(convert);
  rollForward(dir);
  report({ phase: 'switching', done: 1, total: 1, bytesDone: bytes, bytesTotal: bytes });
  return { encrypted: encrypting, originals, bytes, recoveryKey };
}
