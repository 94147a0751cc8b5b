/**
 * The library's files are its owner's alone (POSIX modes; Windows keeps the library in the person's own
 * profile): whoever else uses the computer cannot read a patient's database or originals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, Library } from '../../electron/library/library.ts';
import { importingLibrary } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** Every file and folder under dir, with its mode. */
function modes(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, full), `${entry.isDirectory() ? 'dir' : 'file'} ${mode(full)}`);
  }
  return found;
}

describe.skipIf(process.platform === 'win32')('the library on disk', () => {
  it('is readable by its owner only: folders 0700, the database 0600, originals read-only 0400', async () => {
    const { dir, library, run } = importingLibrary();
    const result = await run(fixture('pdf/pdfjs/rotation.pdf'), fixture('dicom/single/CT_small.dcm'));
    expect(result.imported).toHaveLength(2);
    expect(mode(dir)).toBe('700');
    const all = modes(dir);
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) expect(all.get(name), name).toBe('file 600');
    const originals = [...all].filter(([name]) => name.startsWith(path.join('vault', 'sha256')) && name.split(path.sep).length === 4);
    expect(originals).toHaveLength(2);
    for (const [name, m] of originals) expect(m, name).toBe('file 400');
    for (const [name, m] of all) if (m.startsWith('dir')) expect(m, name).toBe('dir 700');
    library.close();
  });

  it('makes a library written before this private when it opens, and changes nothing else', () => {
    const dir = path.join(tempDir(), 'library');
    Library.open(dir, { create: true }).close();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, DATABASE_FILE), 0o644);
    fs.chmodSync(path.join(dir, 'vault'), 0o755);
    const before = fs.readFileSync(path.join(dir, DATABASE_FILE));
    const library = Library.open(dir);
    expect([mode(dir), mode(path.join(dir, DATABASE_FILE)), mode(path.join(dir, 'vault'))]).toEqual(['700', '600', '700']);
    library.close();
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).equals(before)).toBe(true);
  });
});
