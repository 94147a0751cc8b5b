/**
 * The names of a library's files, and the switch that ends a conversion (encrypting or decrypting,
 * encryption.ts): a converted copy in `.convert/`, complete and marked READY, is moved into place one
 * rename at a time. Every open runs rollForward first, so a switch a crash interrupted is finished, and
 * a copy that never got its marker (its process gone) is removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRunning, syncDirectorySync } from './durable.ts';
import { KEYS_FILE } from './keyring.ts';
import { PRIVATE_FOLDER } from './private.ts';

export const DATABASE_FILE = 'library.sqlite';
export const VAULT_DIR = 'vault';
export const CONVERT_DIR = '.convert';
const OLD_DIR = '.convert-old';
export const READY = 'READY';
export const OWNER = 'owner.json';
const COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Finishes a conversion whose copy was complete (READY) when the process stopped, or removes one that
 * was not and whose process is gone. Runs before a library opens; safe to run any number of times.
 */
export function rollForward(dir: string): void {
  const convert = path.join(dir, CONVERT_DIR);
  const old = path.join(dir, OLD_DIR);
  if (fs.existsSync(path.join(convert, READY))) {
    fs.mkdirSync(old, { recursive: true, mode: PRIVATE_FOLDER });
    const move = (from: string, to: string) => {
      if (fs.existsSync(from)) fs.renameSync(from, to);
    };
    const database = path.join(dir, DATABASE_FILE);
    if (fs.existsSync(path.join(convert, DATABASE_FILE))) {
      // The old database's journal files go first, so the new database never meets them.
      for (const companion of COMPANIONS) move(database + companion, path.join(old, DATABASE_FILE + companion));
      move(database, path.join(old, DATABASE_FILE));
      move(path.join(convert, DATABASE_FILE), database);
    }
    if (fs.existsSync(path.join(convert, VAULT_DIR))) {
      move(path.join(dir, VAULT_DIR), path.join(old, VAULT_DIR));
      move(path.join(convert, VAULT_DIR), path.join(dir, VAULT_DIR));
    }
    // Encrypting brings its key file; decrypting takes the old one away, after the data it opened.
    if (fs.readFileSync(path.join(convert, READY), 'utf8').trim() === 'encrypted') move(path.join(convert, KEYS_FILE), path.join(dir, KEYS_FILE));
    else move(path.join(dir, KEYS_FILE), path.join(old, KEYS_FILE));
    syncDirectorySync(dir);
    // The copies of the library as it was (plaintext, after encrypting) are removed last.
    fs.rmSync(old, { recursive: true, force: true });
    fs.rmSync(convert, { recursive: true, force: true });
    syncDirectorySync(dir);
    return;
  }
  if (fs.existsSync(old)) fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(convert) && !isRunning(ownerOf(convert))) fs.rmSync(convert, { recursive: true, force: true });
}

function ownerOf(convert: string): number {
  try {
    return (JSON.parse(fs.readFileSync(path.join(convert, OWNER), 'utf8')) as { pid: number }).pid;
  } catch {
    return 0;
  }
}

