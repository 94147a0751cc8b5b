/**
 * Backups of a whole library into a folder (an external drive, a network share), and restoring one.
 *
 *   casebinder-backup.json      the manifest: which library, when, its key file (when encrypted), the
 *                               database snapshot and every original with its size and SHA-256 as stored
 *   snapshots/<time>.sqlite     a consistent snapshot of the database (VACUUM INTO, while the app runs)
 *   vault/sha256/ab/<name>      the originals, copied as they are stored: an encrypted library's stay
 *                               encrypted, so the backup is as private as the library and nothing is
 *                               decrypted to make it
 *
 * Incremental: originals never change, so one already in the backup is not copied again. Crash-safe:
 * new files arrive under temporary names, the manifest is replaced in one rename last, and only then
 * is what the new manifest no longer names removed; a backup killed at any moment leaves the previous
 * manifest and everything it names intact.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { BackupProgress } from '../../shared/backup-types.ts';
import { Job } from '../jobs/job.ts';
import { contentDigest, referencedOriginals, rekeyDatabase } from './database.ts';
import type { ContentDigest } from './database.ts';
import { replaceFileDurably, syncDirectory, syncTree } from './durable.ts';
import { LibraryKey, readKeys, sealKeys, unlock, unlockKeys, writeKeys } from './keyring.ts';
import type { KeysFile, Secret } from './keyring.ts';
import { Library } from './library.ts';
import { makePrivate, PRIVATE_FOLDER } from './private.ts';
import { DATABASE_FILE, VAULT_DIR } from './switch.ts';
import { originalChunks, Sealer } from './sealed.ts';
import { vaultFile } from './vault.ts';

export const BACKUP_MANIFEST = 'casebinder-backup.json';
const FORMAT = 'casebinder-backup';

interface StoredFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface BackupManifest {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly libraryId: string;
  readonly createdAt: string;
  readonly encrypted: boolean;
  /** The library's key file as it was at the backup (the key wrapped; nothing secret in the clear). */
  readonly keys: KeysFile | null;
  /**
   * A library that is not encrypted, backed up with a password of its own: the backup's key, wrapped by
   * the password and a recovery key, as a library's keys.json. Its files are sealed with that key.
   */
  readonly password?: KeysFile | null;
  readonly database: StoredFile;
  readonly originals: readonly StoredFile[];
  readonly contents: ContentDigest;
}

export interface BackupResult {
  readonly to: string;
  readonly createdAt: string;
  readonly originals: number;
  /** Originals copied this time (the rest were in the backup already). */
  readonly copied: number;
  readonly bytesCopied: number;
  readonly contents: ContentDigest;
  /** The first backup with a password: the backup's recovery key, shown once. */
  readonly recoveryKey: string | null;
}

/** The vault file of this name in the library (or backup) folder `root`. */
const vaultPath = (root: string, name: string) => vaultFile(path.join(root, VAULT_DIR), name);

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, BACKUP_MANIFEST);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CasebinderError('not-found', said('err.not-a-backup', { folder: dir, why: missing ? 'missing' : 'unreadable', detail: (error as Error).message }));
  }
  if (manifest.format !== FORMAT || manifest.version !== 1) throw new CasebinderError('library-too-new', said('err.backup-too-new', { folder: dir }));
  return manifest;
}

/** Files up to this size are read and written in one call each; larger ones in chunks of it. */
const WHOLE_FILE_BYTES = 8 << 20;
/** How many files are copied or re-read at once: small files are dominated by opening and syncing them. */
const FILES_AT_ONCE = 8;

/** Runs `work` over `items`, `limit` at a time, keeping the results in order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, i);
    }),
  );
  return results;
}

/** Reads a file in chunks (one, for a small file), giving each to `take`. */
async function readChunks(file: string, signal: AbortSignal | undefined, take: (chunk: Buffer) => Promise<void> | void): Promise<number> {
  signal?.throwIfAborted();
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= WHOLE_FILE_BYTES) {
      const data = await handle.readFile();
      await take(data);
      return data.length;
    }
    const buffer = Buffer.allocUnsafe(WHOLE_FILE_BYTES);
    let total = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (!bytesRead) return total;
      total += bytesRead;
      await take(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/**
 * Copies a file into place by way of a temporary name, durable (fsync) before it is visible, and says
 * the size and SHA-256 of what it wrote and of what it read: with `sealWith` (a password-protected
 * backup) it writes the file sealed, else as it is.
 */
async function copyDurably(from: string, to: string, temp: string, signal: AbortSignal, sealWith: Uint8Array | null = null): Promise<{ sha256: string; size: number; readSha256: string }> {
  const read = createHash('sha256');
  const written = createHash('sha256');
  const sealer = sealWith ? new Sealer(sealWith) : null;
  const output = await fsp.open(temp, 'w', 0o600);
  let size = 0;
  const write = async (parts: Buffer[]) => {
    for (const part of parts) {
      written.update(part);
      size += part.length;
      await output.write(part);
    }
  };
  try {
    await readChunks(from, signal, async (chunk) => {
      read.update(chunk);
      await write(sealer ? sealer.push(chunk) : [chunk]);
    });
    if (sealer) await write(sealer.end());
    await output.sync();
  } finally {
    await output.close();
  }
  await fsp.mkdir(path.dirname(to), { recursive: true, mode: PRIVATE_FOLDER });
  await fsp.rename(temp, to);
  return { sha256: written.digest('hex'), size, readSha256: read.digest('hex') };
}

/** Decrypts a sealed file of a password-protected backup into the vault of the library in `libraryRoot`, named by its SHA-256; durable before visible. */
async function unsealDurably(from: string, key: Uint8Array, libraryRoot: string, temp: string, signal: AbortSignal): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const output = await fsp.open(temp, 'w', 0o400);
  let size = 0;
  try {
    for await (const chunk of originalChunks({ path: from, key }, signal)) {
      hash.update(chunk);
      size += chunk.length;
      await output.write(chunk);
    }
    await output.sync();
  } finally {
    await output.close();
  }
  const sha256 = hash.digest('hex');
  await fsp.mkdir(path.dirname(vaultPath(libraryRoot, sha256)), { recursive: true, mode: PRIVATE_FOLDER });
  await fsp.rename(temp, vaultPath(libraryRoot, sha256));
  return { sha256, size };
}

async function hashFile(file: string, signal?: AbortSignal): Promise<{ sha256: string; size: number } | null> {
  const hash = createHash('sha256');
  try {
    const size = await readChunks(file, signal, (chunk) => void hash.update(chunk));
    return { sha256: hash.digest('hex'), size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await replaceFileDurably(path.join(dir, BACKUP_MANIFEST), JSON.stringify(manifest, null, 2) + '\n', 0o600);
}

/** Backs the library up into `to` (made if need be; else a backup of this same library), as a job. */
export function startBackup(library: Library, to: string, options: { readonly password?: string | null } = {}): Job<BackupProgress, BackupResult> {
  return new Job<BackupProgress, BackupResult>('backup', async ({ report, signal }) => {
    const dir = path.resolve(to);
    if (dir === path.resolve(library.dir) || dir.startsWith(path.resolve(library.dir) + path.sep)) {
      throw new CasebinderError('invalid-input', said('err.backup-inside'));
    }
    await fsp.mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER });
    makePrivate(dir, PRIVATE_FOLDER);
    const previous = fs.existsSync(path.join(dir, BACKUP_MANIFEST)) ? readManifest(dir) : null;
    if (previous && previous.libraryId !== library.settings.libraryId()) {
      throw new CasebinderError('conflict', said('err.backup-other-library', { folder: dir }));
    }
    if (!previous && fs.readdirSync(dir).some((n) => !n.startsWith('.'))) {
      throw new CasebinderError('conflict', said('err.backup-not-empty', { folder: dir }));
    }
    const password = options.password ?? null;
    if (password && library.encrypted) {
      throw new CasebinderError('invalid-input', said('err.backup-password-encrypted'));
    }
    if (previous?.password && !password) {
      throw new CasebinderError('library-locked', said('err.backup-has-password', { folder: dir }));
    }
    if (previous && !previous.password && password) {
      throw new CasebinderError('conflict', said('err.backup-no-password', { folder: dir }));
    }
    const temp = path.join(dir, '.tmp');
    await fsp.rm(temp, { recursive: true, force: true });
    await fsp.mkdir(temp, { mode: PRIVATE_FOLDER });
    try {
      return await backUp(library, dir, previous, temp, password, report, signal);
    } finally {
      await fsp.rm(temp, { recursive: true, force: true });
    }
  });
}

async function backUp(
  library: Library,
  dir: string,
  previous: BackupManifest | null,
  temp: string,
  password: string | null,
  report: (p: BackupProgress) => void,
  signal: AbortSignal,
): Promise<BackupResult> {
  const libraryId = library.settings.libraryId();
  const createdAt = library.now().toISOString();
  // A password-protected backup has a key of its own: made with the first backup, unwrapped after.
  let protection: { key: LibraryKey; keys: KeysFile; recoveryKey: string | null } | null = null;
  if (password && previous?.password) protection = { key: await unlockKeys(previous.password, { passphrase: password }, 'backup'), keys: previous.password, recoveryKey: null };
  else if (password) {
    const key = LibraryKey.random();
    const sealed = await sealKeys(key, password);
    protection = { key, keys: sealed.keys, recoveryKey: sealed.recoveryKey };
  }
  const backupName = (sha256: string) => (protection ? createHmac('sha256', protection.key.names).update(sha256).digest('hex') : library.vault.nameFor(sha256));

  // The database first: the originals backed up are the ones its snapshot refers to.
  report({ phase: 'database', done: 0, total: 1, bytesDone: 0, bytesTotal: 0 });
  const stamp = createdAt.replace(/[-:.]/g, '');
  const snapshotTemp = path.join(temp, `${stamp}.sqlite`);
  library.snapshotDatabase(snapshotTemp);
  const key = library.key;
  const contents = contentDigest(snapshotTemp, key?.database ?? null);
  const referenced = referencedOriginals(snapshotTemp, key?.database ?? null);
  if (protection) rekeyDatabase(snapshotTemp, null, protection.key.database);
  const snapshotName = path.join('snapshots', `${stamp}.sqlite`);
  const snapshot = await copyDurably(snapshotTemp, path.join(dir, snapshotName), path.join(temp, 'snapshot.copy'), signal);
  await fsp.rm(snapshotTemp, { force: true });

  const known = new Map((previous?.originals ?? []).map((o) => [o.name, o]));
  const wanted = referenced.map((o) => ({ source: library.vault.nameFor(o.sha256), name: backupName(o.sha256) }));
  const sizes = wanted.map(({ source }) => fs.statSync(vaultPath(library.dir, source)).size);
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let copied = 0;
  let bytesCopied = 0;
  let bytesDone = 0;
  let done = 0;
  report({ phase: 'originals', done: 0, total: wanted.length, bytesDone, bytesTotal });
  const originals = await inParallel(wanted, FILES_AT_ONCE, async ({ source, name }, i): Promise<StoredFile> => {
    signal.throwIfAborted();
    const had = known.get(name);
    const size = sizes[i]!;
    let stored: StoredFile;
    if (had && fs.statSync(vaultPath(dir, name), { throwIfNoEntry: false })?.size === had.size && (protection || had.size === size)) {
      stored = had;
    } else {
      const written = await copyDurably(vaultPath(library.dir, source), vaultPath(dir, name), path.join(temp, name), signal, protection?.key.vault ?? null);
      // A plain vault names each file by its SHA-256: what was read must be what the name says.
      if (!library.encrypted && written.readSha256 !== source) {
        await fsp.rm(vaultPath(dir, name), { force: true });
        throw new CasebinderError('library-damaged', said('err.backup-original-changed', { name }));
      }
      stored = { name, size: written.size, sha256: written.sha256 };
      copied++;
      bytesCopied += written.size;
    }
    bytesDone += size;
    done++;
    report({ phase: 'originals', done, total: wanted.length, bytesDone, bytesTotal });
    return stored;
  });
  if (fs.existsSync(path.join(dir, VAULT_DIR))) await syncTree(path.join(dir, VAULT_DIR));

  report({ phase: 'finishing', done: 0, total: 1, bytesDone, bytesTotal });
  const manifest: BackupManifest = {
    format: FORMAT,
    version: 1,
    libraryId,
    createdAt,
    encrypted: library.encrypted || protection !== null,
    keys: library.encrypted ? readKeys(library.dir) : null,
    password: protection?.keys ?? null,
    database: { name: snapshotName, ...snapshot },
    originals,
    contents,
  };
  await writeManifest(dir, manifest);
  // Only now is what the previous backup needed and this one does not removed.
  await prune(dir, manifest);
  library.settings.backedUp({ at: createdAt, to: dir });
  report({ phase: 'finishing', done: 1, total: 1, bytesDone, bytesTotal });
  return { to: dir, createdAt, originals: originals.length, copied, bytesCopied, contents, recoveryKey: protection?.recoveryKey ?? null };
}

async function prune(dir: string, manifest: BackupManifest): Promise<void> {
  const keep = new Set(manifest.originals.map((o) => o.name));
  const base = path.join(dir, VAULT_DIR, 'sha256');
  for (const prefix of fs.existsSync(base) ? await fsp.readdir(base) : []) {
    for (const name of await fsp.readdir(path.join(base, prefix))) if (!keep.has(name)) await fsp.rm(path.join(base, prefix, name), { force: true });
  }
  const snapshots = path.join(dir, 'snapshots');
  for (const name of await fsp.readdir(snapshots)) if (path.join('snapshots', name) !== manifest.database.name) await fsp.rm(path.join(snapshots, name), { force: true });
  await fsp.rm(path.join(dir, '.tmp'), { recursive: true, force: true });
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly createdAt: string;
  readonly encrypted: boolean;
  readonly filesVerified: number;
  readonly problems: readonly string[];
  readonly contents: ContentDigest;
}

/** Re-reads every file a backup's manifest names and compares sizes and SHA-256s. */
export function startVerify(from: string): Job<BackupProgress, VerifyReport> {
  return new Job<BackupProgress, VerifyReport>('backup-verify', async ({ report, signal }) => {
    const dir = path.resolve(from);
    const manifest = readManifest(dir);
    const files = [{ ...manifest.database, file: path.join(dir, manifest.database.name), what: 'the database snapshot' }, ...manifest.originals.map((o) => ({ ...o, file: vaultPath(dir, o.name), what: `original ${o.name}` }))];
    const bytesTotal = files.reduce((a, f) => a + f.size, 0);
    let bytesDone = 0;
    let done = 0;
    const found = await inParallel(files, FILES_AT_ONCE, async (f) => {
      const read = await hashFile(f.file, signal);
      bytesDone += f.size;
      report({ phase: 'verifying', done: ++done, total: files.length, bytesDone, bytesTotal });
      if (!read) return `${f.what} is missing from the backup.`;
      return read.size !== f.size || read.sha256 !== f.sha256 ? `${f.what} in the backup is damaged (it no longer matches its fingerprint).` : null;
    });
    const problems = found.filter((p): p is string => p !== null);
    return { ok: problems.length === 0, createdAt: manifest.createdAt, encrypted: manifest.encrypted, filesVerified: files.length, problems, contents: manifest.contents };
  });
}

export interface RestoreResult {
  readonly library: string;
  readonly createdAt: string;
  readonly encrypted: boolean;
  readonly documents: number;
  readonly originals: number;
  readonly cases: number;
  /** The restored library's content digest equals the one recorded at the backup, and its check passed. */
  readonly equal: true;
}

/**
 * Rebuilds a library from a backup in a new folder, then proves it: the library opens (with its
 * passphrase or recovery key when encrypted), every original re-reads to its fingerprint, and its content
 * digest is the one recorded when the backup was made. Built beside the target and renamed into place,
 * so a restore that stops leaves no half library where the person expects one.
 */
export function startRestore(from: string, target: string, secret: Secret | null): Job<BackupProgress, RestoreResult> {
  return new Job<BackupProgress, RestoreResult>('restore', async ({ report, signal }) => {
    const dir = path.resolve(from);
    const newDir = path.resolve(target);
    const manifest = readManifest(dir);
    if (fs.existsSync(newDir) && fs.readdirSync(newDir).length) throw new CasebinderError('conflict', said('err.restore-not-empty', { folder: newDir }));
    if (manifest.encrypted && !secret) {
      throw new CasebinderError('library-locked', said(manifest.password ? 'err.restore-password' : 'err.restore-passphrase'));
    }
    const building = path.join(path.dirname(newDir), `.${path.basename(newDir)}.restoring-${randomUUID().slice(0, 8)}`);
    await fsp.mkdir(building, { recursive: true, mode: PRIVATE_FOLDER });
    try {
      if (manifest.keys) await writeKeys(building, manifest.keys);
      // A password-protected backup of a plain library: its files are decrypted as they are restored.
      const backupKey = manifest.password ? await unlockKeys(manifest.password, secret!, 'backup') : null;
      const key = manifest.keys ? await unlock(building, secret!) : null;
      const files = [
        { ...manifest.database, original: false, from: path.join(dir, manifest.database.name), to: path.join(building, DATABASE_FILE) },
        ...manifest.originals.map((o) => ({ ...o, original: true, from: vaultPath(dir, o.name), to: vaultPath(building, o.name) })),
      ];
      const bytesTotal = files.reduce((a, f) => a + f.size, 0);
      let bytesDone = 0;
      await fsp.mkdir(path.join(building, '.tmp'), { mode: PRIVATE_FOLDER });
      let done = 0;
      await inParallel(files, FILES_AT_ONCE, async (f, i) => {
        if (!fs.existsSync(f.from)) throw new CasebinderError('library-damaged', said('err.backup-missing-file', { file: f.name }));
        const damaged = new CasebinderError('library-damaged', said('err.backup-damaged-file', { file: f.name }));
        if (backupKey && f.original) {
          // Sealed with the backup's key: decrypting checks every chunk; the name proves which original it is.
          let plain: { sha256: string };
          try {
            plain = await unsealDurably(f.from, backupKey.vault, building, path.join(building, '.tmp', String(i)), signal);
          } catch (error) {
            if (error instanceof CasebinderError && error.code === 'library-damaged') throw damaged;
            throw error;
          }
          if (createHmac('sha256', backupKey.names).update(plain.sha256).digest('hex') !== f.name) throw damaged;
        } else {
          const written = await copyDurably(f.from, f.to, path.join(building, '.tmp', String(i)), signal);
          if (written.sha256 !== f.sha256 || written.size !== f.size) throw damaged;
        }
        bytesDone += f.size;
        report({ phase: 'restoring', done: ++done, total: files.length, bytesDone, bytesTotal });
      });
      await fsp.rm(path.join(building, '.tmp'), { recursive: true, force: true });
      if (backupKey) rekeyDatabase(path.join(building, DATABASE_FILE), backupKey.database, null);
      report({ phase: 'verifying', done: 0, total: 1, bytesDone, bytesTotal });
      const restored = Library.open(building, { key });
      try {
        const check = await restored.check({ signal });
        if (!check.ok) throw new CasebinderError('library-damaged', said('err.restore-check-failed', { problems: check.problems.join(' ') }));
      } finally {
        restored.close();
      }
      const digest = contentDigest(path.join(building, DATABASE_FILE), key?.database ?? null);
      if (digest.sha256 !== manifest.contents.sha256) throw new CasebinderError('library-damaged', said('err.restore-differs'));
      await fsp.rm(path.join(building, VAULT_DIR, 'tmp'), { recursive: true, force: true });
      if (fs.existsSync(newDir)) await fsp.rmdir(newDir);
      await fsp.rename(building, newDir);
      await syncDirectory(path.dirname(newDir));
      report({ phase: 'verifying', done: 1, total: 1, bytesDone, bytesTotal });
      return { library: newDir, createdAt: manifest.createdAt, encrypted: manifest.encrypted, documents: digest.documents, originals: digest.originals, cases: digest.cases, equal: true };
    } catch (error) {
      await fsp.rm(building, { recursive: true, force: true });
      throw error;
    }
  });
}
