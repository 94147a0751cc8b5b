import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ImportOutcome } from '../../shared/import-types.ts';
import { readFailure } from '../media/detect.ts';
import { said } from '../../shared/said.ts';
import { refusal, skipping } from '../../shared/import-types.ts';
import type { Said } from '../../shared/said.ts';
import { MANIFEST_NAME, MAX_MANIFEST_BYTES, parseBundleManifest } from './bundle.ts';
import type { BundleManifest } from './bundle.ts';
import { fileSource } from './source.ts';
import type { ImportSource } from './source.ts';

export interface Walked {
  readonly files: ImportSource[];
  /** Inputs that are not there or cannot be read, and system files that are not records. */
  readonly outcomes: ImportOutcome[];
}

// Files operating systems and sync tools drop into folders; none of them is a medical record.
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'ehthumbs.db', '.localized', 'icon\r']);
const SYSTEM_DIRS = new Set(['__macosx', '.spotlight-v100', '.trashes', '.fseventsd', '$recycle.bin', 'system volume information', '.git']);

export function systemReason(name: string, isDir: boolean): Said | undefined {
  const lower = name.toLowerCase();
  if (isDir && SYSTEM_DIRS.has(lower)) return said('system-folder');
  if (!isDir && (SYSTEM_FILES.has(lower) || lower.startsWith('._'))) return said('system-file');
  if (name.startsWith('.')) return said('hidden');
  return undefined;
}

/** A folder with a DICOMDIR is the top of a disc; the files below it are on that disc. */
interface DiscTop {
  readonly root: string;
}

/** A folder with a Casebinder bundle's manifest.json is the top of a bundle. */
interface BundleTop {
  readonly root: string;
  readonly manifest: BundleManifest;
}

/** The bundle whose top is this folder, when its manifest.json is a Casebinder bundle's. */
async function bundleAt(folder: string, entries: readonly string[]): Promise<BundleTop | undefined> {
  const name = entries.find((e) => e.toLowerCase() === MANIFEST_NAME);
  if (!name) return undefined;
  const file = path.join(folder, name);
  try {
    if ((await fsp.stat(file)).size > MAX_MANIFEST_BYTES) return undefined;
    const manifest = parseBundleManifest(await fsp.readFile(file), folder);
    return manifest ? { root: folder, manifest } : undefined;
  } catch {
    return undefined; // Unreadable: its file is refused with the reason when its turn comes.
  }
}

/**
 * Expands what the person chose (files and folders, folders recursively) into the files to import,
 * in a stable order (by path) so results read the same every time. Symbolic links to folders are not
 * followed twice, so a link loop cannot trap the import. A folder holding a DICOMDIR is marked as the
 * top of a disc, for everything below it.
 */
export async function walk(inputs: readonly string[], signal?: AbortSignal): Promise<Walked> {
  const files: ImportSource[] = [];
  const outcomes: ImportOutcome[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  async function visit(target: string, chosen: boolean, disc?: DiscTop, bundle?: BundleTop): Promise<void> {
    signal?.throwIfAborted();
    let stat;
    try {
      stat = await fsp.stat(target);
    } catch (error) {
      outcomes.push({ status: 'refused', path: target, ...readFailure(error) });
      return;
    }
    const name = path.basename(target);
    if (!chosen) {
      const reason = systemReason(name, stat.isDirectory());
      if (reason) {
        outcomes.push({ status: 'skipped', path: target, ...skipping(reason) });
        return;
      }
    }
    if (stat.isDirectory()) {
      const real = await fsp.realpath(target);
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      let entries: string[];
      try {
        entries = await fsp.readdir(target);
      } catch (error) {
        outcomes.push({ status: 'refused', path: target, ...readFailure(error) });
        return;
      }
      const here = entries.some((e) => e.toUpperCase() === 'DICOMDIR') ? { root: target } : disc;
      const inBundle = (await bundleAt(target, entries)) ?? bundle;
      for (const entry of entries.sort((a, b) => a.localeCompare(b))) await visit(path.join(target, entry), false, here, inBundle);
    } else if (stat.isFile()) {
      const real = await fsp.realpath(target);
      if (seenFiles.has(real)) return;
      seenFiles.add(real);
      const onDisc = disc ?? (name.toUpperCase() === 'DICOMDIR' ? { root: path.dirname(target) } : undefined);
      const relative = onDisc ? path.relative(onDisc.root, target).split(path.sep).join('/') : '';
      const bundled = bundle ? { manifest: bundle.manifest, relativePath: path.relative(bundle.root, target).split(path.sep).join('/') } : undefined;
      files.push(fileSource(target, stat.size, path.dirname(target), onDisc ? { root: onDisc.root, relativePath: relative } : undefined, bundled));
    } else {
      outcomes.push({ status: 'refused', path: target, ...refusal('unsupported', said('not-regular')) });
    }
  }

  for (const input of inputs) await visit(path.resolve(input), true);
  return { files, outcomes };
}
