import Dexie from 'dexie';
import type { Table } from 'dexie';

/**
 * The window's own disposable cache: rendered thumbnails, interface preferences, unsaved drafts of
 * long text. Never the record of truth: clearing it loses nothing that was saved in the library.
 *
 * It lives in the browser's storage on disk, outside the library. When the library is encrypted, what
 * shows a patient's records (thumbnails, drafts) is kept in memory only and what was stored is removed;
 * preferences (which patient was open last, column choices) hold no record and stay.
 */
interface Thumbnail {
  readonly key: string;
  readonly blob: Blob;
  readonly createdAt: number;
}

interface Preference {
  readonly key: string;
  readonly value: unknown;
}

interface Draft {
  readonly key: string;
  readonly text: string;
  readonly updatedAt: number;
}

class CacheDatabase extends Dexie {
  thumbnails!: Table<Thumbnail, string>;
  prefs!: Table<Preference, string>;
  drafts!: Table<Draft, string>;

  constructor() {
    super('casebinder-cache');
    this.version(1).stores({ thumbnails: 'key, createdAt', prefs: 'key', drafts: 'key' });
  }
}

export const cache = new CacheDatabase();

const MAX_THUMBNAILS = 20_000;

let privateOnly = false;
const memoryThumbnails = new Map<string, Blob>();
const memoryDrafts = new Map<string, string>();

/**
 * With `true` (an encrypted library), thumbnails and drafts stay in memory and those on disk are removed;
 * `forget` also empties memory (the library locked).
 */
export async function keepRecordsInMemoryOnly(on: boolean, forget = false): Promise<void> {
  privateOnly = on;
  if (forget) {
    memoryThumbnails.clear();
    memoryDrafts.clear();
  }
  if (!on) return;
  try {
    await cache.thumbnails.clear();
    await cache.drafts.clear();
  } catch {
    // A cache that cannot be opened holds nothing to remove.
  }
}

export async function cachedThumbnail(key: string): Promise<Blob | undefined> {
  if (privateOnly) return memoryThumbnails.get(key);
  try {
    return (await cache.thumbnails.get(key))?.blob;
  } catch {
    return undefined; // A broken or blocked cache only means thumbnails are drawn again.
  }
}

export async function storeThumbnail(key: string, blob: Blob): Promise<void> {
  if (privateOnly) {
    memoryThumbnails.set(key, blob);
    if (memoryThumbnails.size > 2000) memoryThumbnails.delete(memoryThumbnails.keys().next().value!);
    return;
  }
  try {
    await cache.thumbnails.put({ key, blob, createdAt: Date.now() });
    const count = await cache.thumbnails.count();
    if (count > MAX_THUMBNAILS) {
      const oldest = await cache.thumbnails.orderBy('createdAt').limit(count - MAX_THUMBNAILS).primaryKeys();
      await cache.thumbnails.bulkDelete(oldest);
    }
  } catch {
    // Not cached; nothing is lost.
  }
}

export async function preference<T>(key: string, fallback: T): Promise<T> {
  try {
    const found = await cache.prefs.get(key);
    return found ? (found.value as T) : fallback;
  } catch {
    return fallback;
  }
}

export async function setPreference(key: string, value: unknown): Promise<void> {
  try {
    await cache.prefs.put({ key, value });
  } catch {
    // A preference not remembered is harmless.
  }
}

export async function draft(key: string): Promise<string | undefined> {
  if (privateOnly) return memoryDrafts.get(key);
  try {
    return (await cache.drafts.get(key))?.text;
  } catch {
    return undefined;
  }
}

export async function saveDraft(key: string, text: string): Promise<void> {
  if (privateOnly) {
    memoryDrafts.set(key, text);
    return;
  }
  try {
    await cache.drafts.put({ key, text, updatedAt: Date.now() });
  } catch {
    // The draft is still in the text box.
  }
}

export async function dropDraft(key: string): Promise<void> {
  memoryDrafts.delete(key);
  if (privateOnly) return;
  try {
    await cache.drafts.delete(key);
  } catch {
    // Nothing to drop.
  }
}
