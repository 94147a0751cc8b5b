/**
 * The files and folders the person chose for import: in the system's dialog, or by dropping them on the
 * window (the preload tells the main process the path of each dropped file, from Electron's own
 * webUtils, which a page cannot forge). An import the window starts may read only those, and what is
 * inside a chosen folder: a page that has been made to misbehave cannot name ~/.ssh or another
 * patient's records and have them copied into the library.
 */
import path from 'node:path';
import { CasebinderError } from '../../shared/errors.ts';

export class ChosenPaths {
  private readonly chosen = new Set<string>();

  choose(...paths: readonly string[]): void {
    for (const p of paths) if (p && path.isAbsolute(p)) this.chosen.add(path.resolve(p));
  }

  /** True for a chosen path, or one inside a chosen folder. */
  allows(candidate: string): boolean {
    const resolved = path.resolve(candidate);
    for (let at = resolved; ; at = path.dirname(at)) {
      if (this.chosen.has(at)) return true;
      if (path.dirname(at) === at) return false;
    }
  }

  /** Refuses, in words, an import of anything the person did not choose. */
  check(paths: readonly string[]): void {
    const other = paths.filter((p) => !this.allows(p));
    if (other.length) {
      throw new CasebinderError(
        'invalid-input',
        `Casebinder imports only files and folders you choose in its import dialog or drop on its window; ${other.length === 1 ? `"${other[0]}" was` : `${other.length} of these were`} not. Choose them with Import, or drop them on the window.`,
      );
    }
  }
}
