/**
 * ZIP archives (a CD copied into a ZIP, a portal download): their files are imported one by one,
 * streamed out of the archive straight into the vault, never unpacked to disk. Limits guard against
 * archives built to exhaust a computer ("zip bombs"): the whole archive is judged from its directory
 * before anything is read, and yauzl stops any entry that inflates past the size it declared.
 */
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { ImportOutcome, Refusal } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal, skipping } from '../../shared/import-types.ts';
import { bundleOf, manifestCandidates, MAX_MANIFEST_BYTES, parseBundleManifest } from './bundle.ts';
import type { BundleIndex, BundleManifest } from './bundle.ts';
import { discOf, discRoots } from './disc.ts';
import { streamReader } from './source.ts';
import type { ImportSource } from './source.ts';
import { systemReason } from './walk.ts';
import { openOriginal } from '../library/sealed.ts';
import type { OriginalReader, OriginalRef } from '../library/sealed.ts';

export interface ZipLimits {
  /** The most bytes all archives of one import may expand to, nested ones included. */
  readonly maxTotalBytes: number;
  /** The most an archive (or one of its files) may expand relative to its compressed size... */
  readonly maxRatio: number;
  /** ...once it expands to more than this (small files of repeated text compress very well). */
  readonly ratioFloorBytes: number;
  readonly maxEntries: number;
  /** Archives within archives, this deep at most. */
  readonly maxDepth: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 100,
  ratioFloorBytes: 1024 ** 2,
  maxEntries: 200_000,
  maxDepth: 3,
};

/** What is left of the import's expansion allowance, shared by every archive it opens. */
export interface ZipBudget {
  bytes: number;
}

export interface OpenArchive {
  readonly sources: ImportSource[];
  /** Entries refused or skipped before reading (unsafe names, passwords, bombs, system files). */
  readonly outcomes: ImportOutcome[];
  close(): void;
}

/** Lets yauzl read an archive staged sealed in an encrypted vault, decrypting the ranges it asks for. */
class OriginalZipReader extends yauzl.RandomAccessReader {
  private readonly original: OriginalReader;
  constructor(original: OriginalReader) {
    super();
    this.original = original;
  }
  override _readStreamForRange(start: number, end: number): Readable {
    const original = this.original;
    return Readable.from(
      (async function* () {
        for (let at = start; at < end; ) {
          const part = await original.read(at, Math.min(end - at, 1 << 20));
          if (!part.length) return;
          at += part.length;
          yield part;
        }
      })(),
    );
  }
  override close(callback: (error: Error | null) => void): void {
    this.original.close().then(() => callback(null), callback);
  }
}

/**
 * Opens an archive (a file on disk: the person's, or an archive inside one, staged in the vault's temp
 * folder) and lists its files as import sources; or says why the whole archive is refused.
 */
async function openZip(file: OriginalRef): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  if (typeof file === 'string') return yauzl.openPromise(file, options);
  const reader = await openOriginal(file);
  return yauzl.fromRandomAccessReaderPromise(new OriginalZipReader(reader), reader.size, options);
}

/** An entry's name as the archive stores it (UTF-8 or the old DOS code page, as its flags say). */
const entryName = (entry: Entry) => yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);

/** The case bundles (Casebinder's exports) in an archive: each manifest.json at its top or one folder down that is a bundle's. */
async function bundlesIn(zip: ZipFile, entries: readonly { entry: Entry; name: string }[], displayPath: string): Promise<{ folder: string; manifest: BundleManifest }[]> {
  const found: { folder: string; manifest: BundleManifest }[] = [];
  const candidates = new Set(manifestCandidates(entries.map((e) => e.name)));
  for (const { entry, name } of entries) {
    if (!candidates.has(name) || entry.uncompressedSize > MAX_MANIFEST_BYTES || entry.isEncrypted() || !entry.canDecodeFileData()) continue;
    try {
      const parts: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
      const folder = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
      const manifest = parseBundleManifest(Buffer.concat(parts), folder ? `${displayPath}/${folder}` : displayPath);
      if (manifest) found.push({ folder, manifest });
    } catch {
      // A manifest that cannot be read is no bundle's: its entry is refused with the reason when its turn comes.
    }
  }
  return found.sort((a, b) => b.folder.length - a.folder.length);
}

/** The case bundles the archives a person chose hold, read before any is imported (a bundle's volumes need the manifest another volume holds). */
export async function bundlesInArchive(file: string, bundles: BundleIndex): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    return; // Not an archive, or a damaged one: said when it is imported.
  }
  try {
    const entries: { entry: Entry; name: string }[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entries.length >= ZIP_LIMITS.maxEntries) break;
      entries.push({ entry, name: entryName(entry) });
    }
    for (const { manifest } of await bundlesIn(zip, entries, file)) bundles.add(manifest);
  } catch {
    // Said when it is imported.
  } finally {
    zip.close();
  }
}

export async function openArchive(
  file: OriginalRef,
  displayPath: string,
  depth: number,
  budget: ZipBudget,
  limits: ZipLimits = ZIP_LIMITS,
  bundles?: BundleIndex,
): Promise<OpenArchive | Refusal> {
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    return refusal('damaged', said('zip-damaged', { detail: (error as Error).message }));
  }
  try {
    const entries: { entry: Entry; name: string }[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entries.length >= limits.maxEntries) {
        zip.close();
        return refusal('too-large', said('zip-too-many', { max: limits.maxEntries }));
      }
      const name = entryName(entry);
      if (!name.endsWith('/')) entries.push({ entry, name });
    }
    const expanded = entries.reduce((n, e) => n + e.entry.uncompressedSize, 0);
    if (expanded > budget.bytes) {
      zip.close();
      return refusal('too-large', said('zip-too-big', { expanded: { bytes: expanded }, limit: { bytes: limits.maxTotalBytes } }));
    }
    if (expanded > limits.ratioFloorBytes && expanded > limits.maxRatio * zip.fileSize) {
      zip.close();
      return refusal('too-large', said('zip-bomb', { from: { bytes: zip.fileSize }, to: { bytes: expanded }, times: Math.round(expanded / zip.fileSize) }));
    }
    budget.bytes -= expanded;

    const roots = discRoots(entries.map((e) => e.name));
    const found = (await bundlesIn(zip, entries, displayPath)).map(({ folder, manifest }) => ({ folder, manifest: bundles?.add(manifest) ?? manifest }));
    // A bundle's volume without the manifest: every file it holds is listed by one read from another volume.
    const volumeOf = found.length ? undefined : bundles?.volumeOf(entries.map((e) => e.name).filter((n) => !n.split('/').some((part, i, all) => systemReason(part, i < all.length - 1))));
    const inBundles = volumeOf ? [{ folder: '', manifest: volumeOf }] : found;
    const sources: ImportSource[] = [];
    const outcomes: ImportOutcome[] = [];
    for (const { entry, name } of entries) {
      const path = `${displayPath}/${name}`;
      const refused = (refusal: Refusal) => outcomes.push({ status: 'refused', path, ...refusal });
      if (yauzl.validateFileName(name) !== null) {
        refused(refusal('unsafe', said('zip-escape', { name })));
        continue;
      }
      const parts = name.split('/');
      const system = parts.map((part, i) => systemReason(part, i < parts.length - 1)).find(Boolean);
      if (system) {
        outcomes.push({ status: 'skipped', path, ...skipping(system) });
        continue;
      }
      if (entry.isEncrypted()) {
        refused(refusal('password-protected', said('zip-locked')));
        continue;
      }
      if (!entry.canDecodeFileData()) {
        refused(refusal('unsupported', said('zip-method', { method: entry.compressionMethod })));
        continue;
      }
      if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        refused(
          refusal('too-large', said('zip-entry-bomb', { from: { bytes: entry.compressedSize }, to: { bytes: entry.uncompressedSize }, times: Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize)) })),
        );
        continue;
      }
      const disc = discOf(name, roots, (root) => (root ? `${displayPath}/${root}` : displayPath));
      const bundle = bundleOf(name, inBundles);
      const folder = parts.length > 1 ? `${displayPath}/${parts.slice(0, -1).join('/')}` : displayPath;
      sources.push({
        path,
        name: parts[parts.length - 1]!,
        size: entry.uncompressedSize,
        folder,
        ...(disc ? { disc } : {}),
        ...(bundle ? { bundle } : {}),
        depth,
        open: async () => streamReader(await zip.openReadStreamPromise(entry)),
      });
    }
    return { sources, outcomes, close: () => zip.close() };
  } catch (error) {
    zip.close();
    return refusal('damaged', said('zip-list-damaged', { detail: (error as Error).message }));
  }
}

export function isOpenArchive(value: OpenArchive | Refusal): value is OpenArchive {
  return 'sources' in value;
}
