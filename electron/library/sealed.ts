import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';

/**
 * The vault's encrypted file format, for libraries with encryption on: AES-256-GCM in chunks, so a large
 * DICOM series is encrypted and decrypted as it streams and any byte range can be read without the rest.
 *
 *   header (32 bytes): "CBSEAL1\0" | chunk size (u32 BE) | 4 bytes zero | salt (16 random bytes)
 *   then each chunk of up to `chunk size` bytes of the original, encrypted, followed by its 16-byte tag.
 *
 * Each file has its own key, HKDF-SHA256(vault key, salt). A chunk's nonce is its index (u64 BE) and a
 * last-chunk flag, and the header is authenticated with every chunk: a chunk changed, moved, dropped or
 * cut short, or a file ending early, fails to decrypt instead of reading as something it is not.
 */
const SEALED_MAGIC = Buffer.from('CBSEAL1\0', 'latin1');
const HEADER_BYTES = 32;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = 1 << 20;

/** A vault file that is encrypted, with the key that opens it. */
export interface SealedRef {
  readonly path: string;
  readonly key: Uint8Array;
}

/** An original as the readers get it: a plain file's path, or an encrypted vault file and its key. */
export type OriginalRef = string | SealedRef;

function fileKey(vaultKey: Uint8Array, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, salt, 'casebinder vault file', 32));
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 0);
  n[11] = last ? 1 : 0;
  return n;
}

function damaged(path: string, why: string): CasebinderError {
  return new CasebinderError(
    'library-damaged',
    said('err.encrypted-original-unreadable', { why, path }),
  );
}

/** Encrypts a stream of bytes into the sealed format, chunk by chunk: push what arrives, then end. */
export class Sealer {
  private readonly key: Buffer;
  private readonly header: Buffer;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private started = false;
  private readonly chunkBytes: number;

  constructor(vaultKey: Uint8Array, chunkBytes = SEALED_CHUNK_BYTES) {
    this.chunkBytes = chunkBytes;
    const salt = randomBytes(16);
    this.header = Buffer.alloc(HEADER_BYTES);
    SEALED_MAGIC.copy(this.header, 0);
    this.header.writeUInt32BE(chunkBytes, 8);
    salt.copy(this.header, 16);
    this.key = fileKey(vaultKey, salt);
  }

  /** The encrypted bytes that are ready once `plain` has been added (the header comes first). */
  push(plain: Uint8Array): Buffer[] {
    const out: Buffer[] = this.start();
    this.pending.push(Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength));
    this.pendingBytes += plain.byteLength;
    // A chunk is sealed only once more bytes follow it, so the last one is known when it is sealed.
    while (this.pendingBytes > this.chunkBytes) out.push(this.seal(this.take(this.chunkBytes), false));
    return out;
  }

  /** The last encrypted bytes (an empty original is one empty sealed chunk). */
  end(): Buffer[] {
    const out = this.start();
    out.push(this.seal(this.take(this.pendingBytes), true));
    return out;
  }

  private start(): Buffer[] {
    if (this.started) return [];
    this.started = true;
    return [this.header];
  }

  private take(bytes: number): Buffer {
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    const chunk = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.pending = rest.length ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
    return chunk;
  }

  private seal(chunk: Buffer, last: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index++, last));
    cipher.setAAD(this.header);
    return Buffer.concat([cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
  }
}

interface Layout {
  readonly header: Buffer;
  readonly key: Buffer;
  readonly chunkBytes: number;
  readonly chunks: number;
  readonly plainSize: number;
}

async function layout(handle: fsp.FileHandle, ref: SealedRef): Promise<Layout> {
  const { size } = await handle.stat();
  const header = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
  if (bytesRead < HEADER_BYTES || !header.subarray(0, 8).equals(SEALED_MAGIC)) throw damaged(ref.path, 'it is not an encrypted Casebinder file');
  const chunkBytes = header.readUInt32BE(8);
  if (chunkBytes < 1 || chunkBytes > 64 << 20) throw damaged(ref.path, 'its header is damaged');
  const body = size - HEADER_BYTES;
  const chunks = Math.max(1, Math.ceil(body / (chunkBytes + TAG_BYTES)));
  const plainSize = body - chunks * TAG_BYTES;
  if (plainSize < 0) throw damaged(ref.path, 'it is cut short');
  return { header, key: fileKey(ref.key, header.subarray(16, 32)), chunkBytes, chunks, plainSize };
}

async function openChunk(handle: fsp.FileHandle, file: Layout, index: number, path: string): Promise<Buffer> {
  const last = index === file.chunks - 1;
  const plainBytes = last ? file.plainSize - index * file.chunkBytes : file.chunkBytes;
  const sealed = Buffer.alloc(plainBytes + TAG_BYTES);
  const { bytesRead } = await handle.read(sealed, 0, sealed.length, HEADER_BYTES + index * (file.chunkBytes + TAG_BYTES));
  if (bytesRead !== sealed.length) throw damaged(path, 'it is cut short');
  const decipher = createDecipheriv('aes-256-gcm', file.key, nonce(index, last));
  decipher.setAAD(file.header);
  decipher.setAuthTag(sealed.subarray(plainBytes));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, plainBytes)), decipher.final()]);
  } catch {
    throw damaged(path, 'it was changed, or belongs to another library');
  }
}

/** The original's bytes from `start` on, chunk by chunk, decrypted and checked as they are read. */
export async function* originalChunks(ref: OriginalRef, signal?: AbortSignal, start = 0): AsyncGenerator<Buffer> {
  const handle = await fsp.open(typeof ref === 'string' ? ref : ref.path, 'r');
  try {
    if (typeof ref === 'string') {
      const buffer = Buffer.alloc(SEALED_CHUNK_BYTES);
      for (let position = start; ; ) {
        signal?.throwIfAborted();
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (!bytesRead) return;
        position += bytesRead;
        yield Buffer.from(buffer.subarray(0, bytesRead));
      }
    }
    const file = await layout(handle, ref);
    for (let i = Math.floor(start / file.chunkBytes); i < file.chunks; i++) {
      signal?.throwIfAborted();
      const plain = await openChunk(handle, file, i, ref.path);
      yield i * file.chunkBytes < start ? plain.subarray(start - i * file.chunkBytes) : plain;
    }
  } finally {
    await handle.close();
  }
}

/** The whole original in memory. */
export async function readOriginal(ref: OriginalRef): Promise<Buffer> {
  if (typeof ref === 'string') return fsp.readFile(ref);
  const parts: Buffer[] = [];
  for await (const chunk of originalChunks(ref)) parts.push(chunk);
  return Buffer.concat(parts);
}

/** An original opened for reading ranges of it: a plain file, or an encrypted one decrypted chunk by chunk. */
export interface OriginalReader {
  /** The size of the original (not of its encrypted file). */
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end). */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openOriginal(ref: OriginalRef): Promise<OriginalReader> {
  const handle = await fsp.open(typeof ref === 'string' ? ref : ref.path, 'r');
  try {
    if (typeof ref === 'string') {
      const { size } = await handle.stat();
      return {
        size,
        read: async (offset, length) => {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
          return buffer.subarray(0, bytesRead);
        },
        close: () => handle.close(),
      };
    }
    const file = await layout(handle, ref);
    // The chunk read last is kept: readers ask for neighbouring small ranges.
    let cached: { index: number; plain: Buffer } | null = null;
    const chunk = async (index: number) => {
      if (cached?.index !== index) cached = { index, plain: await openChunk(handle, file, index, ref.path) };
      return cached.plain;
    };
    return {
      size: file.plainSize,
      read: async (offset, length) => {
        const end = Math.min(file.plainSize, offset + length);
        if (offset >= end) return Buffer.alloc(0);
        const first = Math.floor(offset / file.chunkBytes);
        const parts: Buffer[] = [];
        for (let i = first; i * file.chunkBytes < end; i++) parts.push(await chunk(i));
        const start = offset - first * file.chunkBytes;
        return Buffer.from(Buffer.concat(parts).subarray(start, start + (end - offset)));
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Up to `length` bytes of the original from `offset`, decrypting only the chunks they lie in. */
export async function readOriginalRange(ref: OriginalRef, offset: number, length: number): Promise<Buffer> {
  const reader = await openOriginal(ref);
  try {
    return await reader.read(offset, length);
  } finally {
    await reader.close();
  }
}

/** What sharp and other readers that take a path or bytes are given: the path of a plain file, else its bytes. */
export async function pathOrBytes(ref: OriginalRef): Promise<string | Buffer> {
  return typeof ref === 'string' ? ref : readOriginal(ref);
}
