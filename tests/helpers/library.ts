import path from 'node:path';
import { Library } from '../../electron/library/library.ts';
import { tempDir } from './paths.ts';

/** A new, empty library in a temp folder, with one patient. */
export function newLibrary(options: { dateOfBirth?: string } = {}) {
  const dir = path.join(tempDir(), 'library');
  const library = Library.open(dir, { create: true });
  const patient = library.patients.add({ name: "Margaret O'Neill", dateOfBirth: options.dateOfBirth ?? '1958-04-12' });
  return { dir, library, patient };
}
