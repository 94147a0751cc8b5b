import { createHash, createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { CasebinderError } from '../../shared/errors.ts';
import { fileChunks } from './buffer-pool.ts';
import { makePrivate, PRIVATE_FOLDER, PRIVATE_ORIGINAL } from './private.ts';
import { isRunning, syncDirectory } from './durable.ts';
import type { LibraryKey } from './keyring.ts';
import { originalChunks, Sealer } from './sealed.ts';
import type { OriginalRef } from './sealed.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where a vault keeps the file of this name (a SHA-256, or its HMAC): `sha256/ab/<name>` under its root. */
export function vaultFile(vaultRoot: string, name: string): string {
  return path.join(vaultRoot, 'sha256', name.slice(0, 2), name);
}

/** A copy of an original in the vault's temp folder, hashed, not yet durable or visible. */
export interface StagedFile {
  readonly sha256: string;
  readonly size: number;
  readonly tempPath: string;
  /** How readers read the staged copy (sealed, with its key, in an encrypted library). */
  readonly ref: OriginalRef;
}

interface OpenStaged extends StagedFile {
  readonly handle: fsp.FileHandle;
}

/**
 * The originals, content-addressed by SHA-256 and never changed: `sha256/ab/<hash>`. A file arrives
 * in `tmp/` while it is hashed, becomes durable (fsync) and then visible in one rename, so a crash
 * leaves either the whole file or nothing under its name. The same bytes are stored once.
 *
 * In an encrypted library every file, from its first byte in `tmp/`, is sealed (sealed.ts), and its
 * name is an HMAC of its hash under a key of the library, so not even a fingerprint of a document can be
 * read or confirmed from the folder.
 */
export class Vault {
  readonly root: string;
  private readonly tempDir: string;
  private readonly staged = new Map<string, OpenStaged>();
  private readonly keys: { readonly vault: Buffer; readonly names: Buffer } | null;

  constructor(root: string, key: LibraryKey | null = null) {
    this.root = root;
    this.keys = key ? { vault: key.vault, names: key.names } : null;
    // Each process stages in its own folder, so the app and the command line can share a library.
    this.tempDir = path.join(root, 'tmp', `${process.pid}-${randomUUID().slice(0, 8)}`);
  }

  /** Creates the folders and removes what imports of processes that no longer run left behind. */
  prepare(): void {
    fs.mkdirSync(path.join(this.root, 'sha256'), { recursive: true, mode: PRIVATE_FOLDER });
    makePrivate(this.root, PRIVATE_FOLDER);
    const tmp = path.dirname(this.tempDir);
    fs.mkdirSync(tmp, { recursive: true, mode: PRIVATE_FOLDER });
    for (const name of fs.readdirSync(tmp)) {
      const pid = Number(name.split('-')[0]);
      if (!isRunning(pid)) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
    }
    fs.mkdirSync(this.tempDir, { recursive: true, mode: PRIVATE_FOLDER });
  }

  /** Other processes of this machine that have the library open now (each stages in its own folder of tmp/). */
  otherProcesses(): number[] {
    const tmp = path.dirname(this.tempDir);
    if (!fs.existsSync(tmp)) return [];
    const pids = fs.readdirSync(tmp).map((name) => Number(name.split('-')[0]));
    return [...new Set(pids.filter((pid) => pid !== process.pid && isRunning(pid)))];
  }

  /** Removes this process's staging folder (the vault is about to move, or the process to end). */
  removeOwnTemp(): void {
    fs.rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Temp files left by processes that are gone (the check reports them; the next open removes them). */
  leftoverTempFiles(): number {
    const tmp = path.dirname(this.tempDir);
    if (!fs.existsSync(tmp)) return 0;
    return fs
      .readdirSync(tmp)
      .filter((name) => !isRunning(Number(name.split('-')[0])))
      .reduce((n, name) => n + fs.readdirSync(path.join(tmp, name)).length, 0);
  }

  get encrypted(): boolean {
    return this.keys !== null;
  }

  /** The name an original with this hash has on disk: its hash, or in an encrypted vault an HMAC of it. */
  nameFor(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`vault: not a SHA-256: ${sha256}`);
    return this.keys ? createHmac('sha256', this.keys.names).update(sha256).digest('hex') : sha256;
  }

  pathFor(sha256: string): string {
    return vaultFile(this.root, this.nameFor(sha256));
  }

  /** How to read a file found on disk by its name (storedNames), whatever its hash. */
  refOfName(name: string): OriginalRef {
    if (!SHA256_HEX.test(name)) throw new Error(`vault: not a stored name: ${name}`);
    const file = vaultFile(this.root, name);
    return this.keys ? { path: file, key: this.keys.vault } : file;
  }

  /** How readers get at an original: its path, or in an encrypted vault its path and the key that opens it. */
  ref(sha256: string): OriginalRef {
    return this.refOfName(this.nameFor(sha256));
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathFor(sha256));
  }

  /**
   * Copies an original into the temp folder, hashing as it goes: from a file (read once), from bytes,
   * or from chunks as they arrive (an import that has already looked at a file's first bytes).
   */
  async stage(source: string | Uint8Array | AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<StagedFile> {
    if (typeof source === 'string') {
      const input = await fsp.open(source, 'r');
      try {
        return await this.stage(fileChunks(input, null, signal), signal);
      } finally {
        await input.close();
      }
    }
    const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = source instanceof Uint8Array ? [source] : source;
    const tempPath = path.join(this.tempDir, randomUUID());
    let output: fsp.FileHandle | undefined;
    try {
      const out = (output = await fsp.open(tempPath, 'wx', 0o600));
      const hash = createHash('sha256');
      const sealer = this.keys ? new Sealer(this.keys.vault) : null;
      const write = async (parts: Uint8Array[]) => {
        for (const part of parts) await out.write(part, 0, part.length);
      };
      let size = 0;
      for await (const chunk of chunks) {
        signal?.throwIfAborted();
        hash.update(chunk);
        await write(sealer ? sealer.push(chunk) : [chunk]);
        size += chunk.length;
      }
      if (sealer) await write(sealer.end());
      const ref: OriginalRef = this.keys ? { path: tempPath, key: this.keys.vault } : tempPath;
      const staged: OpenStaged = { sha256: hash.digest('hex'), size, tempPath, ref, handle: out };
      this.staged.set(tempPath, staged);
      return { sha256: staged.sha256, size, tempPath, ref };
    } catch (error) {
      await output?.close();
      await fsp.rm(tempPath, { force: true });
      throw error;
    }
  }

  /** Makes a staged file durable and visible under its hash; a copy already there is kept as it is. */
  async commit(file: StagedFile): Promise<string> {
    const staged = this.take(file);
    const target = this.pathFor(staged.sha256);
    try {
      await staged.handle.sync();
    } finally {
      await staged.handle.close();
    }
    if (fs.existsSync(target)) {
      await fsp.rm(staged.tempPath, { force: true });
      return target;
    }
    await fsp.mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_FOLDER });
    await fsp.chmod(staged.tempPath, PRIVATE_ORIGINAL);
    await fsp.rename(staged.tempPath, target);
    await syncDirectory(path.dirname(target));
    return target;
  }

  /** Removes an original for good (the trash was emptied and no document uses it any more). */
  async remove(sha256: string): Promise<void> {
    await fsp.rm(this.pathFor(sha256), { force: true });
  }

  async discard(file: StagedFile): Promise<void> {
    const staged = this.staged.get(file.tempPath);
    this.staged.delete(file.tempPath);
    await staged?.handle.close();
    await fsp.rm(file.tempPath, { force: true });
  }

  /** Re-reads a stored original and says what is wrong with it, or null when it is intact. */
  async verify(sha256: string, expectedSize: number): Promise<string | null> {
    const file = this.pathFor(sha256);
    if (!fs.existsSync(file)) return `the original file is missing from the vault (${file})`;
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of originalChunks(this.ref(sha256))) {
        hash.update(chunk);
        size += chunk.length;
      }
    } catch (error) {
      if (error instanceof CasebinderError) return 'the encrypted original file in the vault cannot be decrypted (it was changed, cut short, or belongs to another library)';
      return `the original file in the vault cannot be read (${(error as Error).message})`;
    }
    if (size !== expectedSize) return `the original file in the vault has ${size} bytes, expected ${expectedSize}`;
    if (hash.digest('hex') !== sha256) return 'the original file in the vault no longer matches its fingerprint (SHA-256)';
    return null;
  }

  /** The name of every original stored on disk (see nameFor). */
  *storedNames(): Generator<string> {
    const base = path.join(this.root, 'sha256');
    if (!fs.existsSync(base)) return;
    for (const prefix of fs.readdirSync(base)) {
      for (const name of fs.readdirSync(path.join(base, prefix))) {
        if (SHA256_HEX.test(name) && name.startsWith(prefix)) yield name;
      }
    }
  }

  private take(file: StagedFile): OpenStaged {
    const staged = this.staged.get(file.tempPath);
    if (!staged) throw new CasebinderError('internal', `vault: ${file.tempPath} is not a staged file`);
    this.staged.delete(file.tempPath);
    return staged;
  }
}
