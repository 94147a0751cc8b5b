/**
 * The library's files are its owner's alone: folders 0700, the database and its companions 0600,
 * originals 0400 (read-only). On Windows the library lives in the person's own profile, whose access
 * rules do the same, and these modes mean nothing there.
 */
import fs from 'node:fs';

export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;
export const PRIVATE_ORIGINAL = 0o400;

/**
 * Gives a file or folder its private mode when it has another. A drive that keeps no modes (FAT, exFAT,
 * some network shares) refuses or ignores this; the library still opens there.
 */
export function makePrivate(file: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    if ((fs.statSync(file).mode & 0o777) !== mode) fs.chmodSync(file, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EROFS' && code !== 'ENOENT') throw error;
  }
}
