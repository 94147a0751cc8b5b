/**
 * Writing so that what is renamed into place is on disk first, and knowing which process left what.
 * Used by the vault and by exports (whose files live outside the library).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** Makes a folder's entries (files created, renamed or removed in it) durable. A no-op on Windows, which has no such call. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes every folder under `dir` (and `dir`) durable, deepest first: before the tree is renamed into place. */
export async function syncTree(dir: string): Promise<void> {
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) if (entry.isDirectory()) await syncTree(path.join(dir, entry.name));
  await syncDirectory(dir);
}

/** Whether a process of this machine still runs (another may share the library: the app and the command line). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True for what this process can remove as its own leftovers: a path whose name is one an export gives its temporary copies. */
export function isExportLeftover(file: string): boolean {
  return /^\..*\.partial-[0-9a-f]{8}$/s.test(path.basename(file)) && fs.existsSync(file);
}
