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

/** The same, for code that cannot wait (a library's open finishing an interrupted switch). */
export function syncDirectorySync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a file's content durable. */
export async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a small file whole (a key file, a backup's manifest): written under a temporary name, made
 * durable, renamed over the old one, and the rename made durable; a crash leaves the old or the new.
 */
export async function replaceFileDurably(target: string, content: string, mode: number): Promise<void> {
  const temp = `${target}.${process.pid}-${Math.random().toString(16).slice(2, 10)}.tmp`;
  const handle = await fsp.open(temp, 'w', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(temp, target);
  await syncDirectory(path.dirname(target));
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
