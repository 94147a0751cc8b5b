import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A copied real-world file under tests/fixtures (see its README for sources). */
export function fixture(...parts: string[]): string {
  const file = path.join(ROOT, 'tests', 'fixtures', ...parts);
  if (!fs.existsSync(file)) throw new Error(`test fixture missing: ${file}`);
  return file;
}

/** A fresh folder under the system temp folder; removed when the test process ends unless kept. */
export function tempDir(prefix = 'casebinder-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

const created: string[] = [];
process.on('exit', () => {
  if (process.env.KEEP_TEST_FILES) return;
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});
