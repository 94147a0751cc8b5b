/**
 * The bundle as ZIP: one archive, or volumes each under a size limit (each a whole ZIP that opens on
 * its own; unzipped into one folder they make the bundle again). With a password every entry is
 * encrypted with AES-256 (WinZip AE-2), which 7-Zip, WinZip, macOS Archive Utility (recent versions),
 * Keka and The Unarchiver open; Windows Explorer's built-in ZIP and Info-ZIP `unzip` cannot.
 * Entries carry the export's clock as their date, so the same export gives the same bytes.
 */
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { ZipWriter, configure } from '@zip.js/zip.js';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';

configure({ useWebWorkers: false });

export interface ZipEntry {
  /** Path inside the archive, with / separators. */
  readonly name: string;
  readonly file: string;
  readonly size: number;
}

/** Bytes a ZIP adds around an entry (local header, central directory entry, AES fields), plus slack. */
function overhead(entry: ZipEntry): number {
  return 30 + 46 + 2 * Buffer.byteLength(entry.name) + 2 * 11 + 16 + 64;
}

/** Already-compressed files are stored, the rest deflated. */
const STORED = /\.(pdf|jpe?g|png|heic|zip|gz|webp)$/i;

/**
 * Splits the entries into volumes no larger than `limit` bytes (the first volume keeps the files that
 * open the bundle). A single file larger than the limit cannot go in any volume: that is an error.
 */
export function planVolumes(entries: readonly ZipEntry[], limit: number | null): ZipEntry[][] {
  if (limit === null) return [entries.slice()];
  const budget = limit - 22 - 64;
  const volumes: { entries: ZipEntry[]; size: number }[] = [];
  for (const entry of entries) {
    // A stored entry is its size; a deflated one is at worst a little larger than it (incompressible data).
    const cost = Math.ceil(entry.size * 1.001) + 16 + overhead(entry);
    if (cost > budget) {
      throw new CasebinderError(
        'invalid-input',
        said('err.zip-file-too-large', { name: entry.name, size: entry.size / 1e6, limit: Number((limit / 1e6).toPrecision(3)) }),
      );
    }
    const last = volumes.at(-1);
    if (last && last.size + cost <= budget) {
      last.entries.push(entry);
      last.size += cost;
    } else {
      volumes.push({ entries: [entry], size: cost });
    }
  }
  return volumes.map((v) => v.entries);
}

export async function writeZip(target: string, entries: readonly ZipEntry[], options: { password: string | null; date: Date; signal?: AbortSignal; onEntry?: (bytes: number) => void }): Promise<void> {
  // Flushed to disk before it closes: the ZIP is renamed into place after.
  const out = fs.createWriteStream(target, { flush: true });
  const writer = new ZipWriter(Writable.toWeb(out) as WritableStream<Uint8Array>, {
    lastModDate: options.date,
    extendedTimestamp: false,
    keepOrder: true,
    ...(options.password ? { password: options.password, encryptionStrength: 3 as const, zipCrypto: false } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    for (const entry of entries) {
      if (options.signal?.aborted) throw options.signal.reason;
      const stream = Readable.toWeb(fs.createReadStream(entry.file)) as ReadableStream<Uint8Array>;
      await writer.add(entry.name, stream, { level: STORED.test(entry.name) ? 0 : 6, lastModDate: options.date, uncompressedSize: entry.size });
      options.onEntry?.(entry.size);
    }
    await writer.close();
  } catch (error) {
    out.destroy();
    throw error;
  }
}
