/**
 * Discs from radiology: a folder (or archive) with a DICOMDIR at its top, its images below, and often
 * a viewer program, an autorun file and web pages beside them. Knowing a file lies on such a disc
 * lets the import skip the viewer quietly, and compare what the DICOMDIR lists with what is there.
 */
import type { ImportOutcome } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal, skipping } from '../../shared/import-types.ts';
import { discPathKey } from '../dicom/dicomdir.ts';
import { dicomProblem } from '../../shared/dicom-problems.ts';
import type { DicomdirListing } from '../dicom/dicomdir.ts';
import type { DiscRef } from './source.ts';

/** The folders (relative, "/" between parts; "" for the top) that hold a DICOMDIR. */
export function discRoots(relativePaths: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const p of relativePaths) {
    const parts = p.split('/');
    if (parts[parts.length - 1]?.toUpperCase() === 'DICOMDIR') roots.add(parts.slice(0, -1).join('/'));
  }
  return [...roots].sort((a, b) => b.length - a.length);
}

/** The disc a file belongs to: the deepest DICOMDIR folder above it. */
export function discOf(relativePath: string, roots: readonly string[], rootDisplay: (root: string) => string): DiscRef | undefined {
  for (const root of roots) {
    if (root === '' || relativePath.startsWith(`${root}/`)) {
      return { root: rootDisplay(root), relativePath: root === '' ? relativePath : relativePath.slice(root.length + 1) };
    }
  }
  return undefined;
}

interface Disc {
  readonly found: Set<string>;
  listing?: { readonly listing: DicomdirListing; readonly path: string } | { readonly problem: string; readonly path: string };
}

/** What each disc's DICOMDIR lists against what was found on it; said once the import is done. */
export class DiscIndex {
  private readonly discs = new Map<string, Disc>();

  /** A file seen on a disc, whatever it turns out to be. */
  found(disc: DiscRef): void {
    this.disc(disc.root).found.add(discPathKey(disc.relativePath));
  }

  listed(disc: DiscRef, path: string, listing: DicomdirListing | { readonly problem: string }): void {
    this.disc(disc.root).listing = 'problem' in listing ? { problem: listing.problem, path } : { listing, path };
  }

  /** One outcome per DICOMDIR (skipped: it is an index, not a record) and one per listed file that is missing. */
  outcomes(): ImportOutcome[] {
    const outcomes: ImportOutcome[] = [];
    for (const [root, disc] of this.discs) {
      const read = disc.listing;
      if (!read) continue;
      if ('problem' in read) {
        outcomes.push({ status: 'skipped', path: read.path, ...skipping(said('dicomdir-unreadable', { problem: dicomProblem(read.problem) })) });
        continue;
      }
      const listed = read.listing.files;
      const missing = listed.filter((f) => !disc.found.has(discPathKey(f)));
      outcomes.push({ status: 'skipped', path: read.path, ...skipping(said('dicomdir-read', { listed: listed.length, missing: missing.length })) });
      for (const file of missing) {
        outcomes.push({ status: 'refused', path: `${root}/${file}`, ...refusal('not-found', said('dicomdir-missing')) });
      }
    }
    return outcomes;
  }

  private disc(root: string): Disc {
    let disc = this.discs.get(root);
    if (!disc) {
      disc = { found: new Set() };
      this.discs.set(root, disc);
    }
    return disc;
  }
}
