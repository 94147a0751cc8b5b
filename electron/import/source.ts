/**
 * Where an import reads a file from: a file on disk, or an entry of a ZIP archive. Either is read
 * once, front to back: its first bytes to decide what it is, then the rest on the way into the vault.
 */
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileChunks } from '../library/buffer-pool.ts';
import { HEAD_BYTES } from '../media/detect.ts';
import type { BundleRef } from './bundle.ts';


/** A disc (a folder or archive with a DICOMDIR at its top) that a file was found on. */
export interface DiscRef {
  /** The disc's top folder, as the person knows it. */
  readonly root: string;
  /** The file's path below the disc's top, "/" between parts. */
  readonly relativePath: string;
}

export interface ImportSource {
  /** Where the person finds it: a path, or "records.zip/DICOM/IM1" for a file in an archive. */
  readonly path: string;
  readonly name: string;
  /** The size in bytes (what an archive declares, for its entries). */
  readonly size: number;
  /** The folder it was found in (a study's files are said to come from there). */
  readonly folder: string;
  /** Set when the file lies on a DICOM disc, whose viewer programs are skipped. */
  readonly disc?: DiscRef;
  /** Set when the file lies in a case bundle Casebinder exported: its manifest says what the file is. */
  readonly bundle?: BundleRef;
  /** How deep in archives it lies (0: a file on disk). */
  readonly depth: number;
  open(signal?: AbortSignal): Promise<SourceReader>;
}

export interface SourceReader {
  /** The first HEAD_BYTES bytes (all of a smaller file). */
  readonly head: Buffer;
  /** All the bytes in order, the head first; each chunk is valid until the next is asked for. */
  chunks(signal?: AbortSignal): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

export function fileSource(file: string, size: number, folder: string, disc?: DiscRef, bundle?: BundleRef): ImportSource {
  return {
    path: file,
    name: file.split(/[\\/]/).pop() ?? file,
    size,
    folder,
    ...(disc ? { disc } : {}),
    ...(bundle ? { bundle } : {}),
    depth: 0,
    async open() {
      const handle = await fsp.open(file, 'r');
      try {
        const head = Buffer.allocUnsafe(Math.min(HEAD_BYTES, size || HEAD_BYTES));
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        const first = head.subarray(0, bytesRead);
        return {
          head: first,
          async *chunks(signal?: AbortSignal) {
            if (first.length) yield first;
            // A short read means the end; a full one may be followed by more (the file may have grown).
            if (first.length < head.length) return;
            yield* fileChunks(handle, first.length, signal);
          },
          close: () => handle.close(),
        };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
  };
}

/** A reader over a stream (an archive entry): the head is gathered first, then the stream goes on. */
export async function streamReader(stream: Readable): Promise<SourceReader> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let length = 0;
  let ended = false;
  try {
    while (length < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      parts.push(next.value);
      length += next.value.length;
    }
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const head = Buffer.concat(parts, length);
  return {
    head,
    async *chunks(signal?: AbortSignal) {
      if (head.length) yield head;
      while (!ended) {
        signal?.throwIfAborted();
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    },
    async close() {
      stream.destroy();
    },
  };
}
