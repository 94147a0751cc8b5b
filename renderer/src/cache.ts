import Dexie from 'dexie';
import type { Table } from 'dexie';

/**
 * The window's own disposable cache: rendered thumbnails, interface preferences, unsaved drafts of
 * long text. Never the record of truth: clearing it loses nothing that was saved in the library.
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

export async function cachedThumbnail(key: string): Promise<Blob | undefined> {
  try {
    return (await cache.thumbnails.get(key))?.blob;
  } catch {
    return undefined; // A broken or blocked cache only means thumbnails are drawn again.
  }
}

export async function storeThumbnail(key: string, blob: Blob): Promise<void> {
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
  try {
    return (await cache.drafts.get(key))?.text;
  } catch {
    return undefined;
  }
}

export async function saveDraft(key: string, text: string): Promise<void> {
  try {
    await cache.drafts.put({ key, text, updatedAt: Date.now() });
  } catch {
    // The draft is still in the text box.
  }
}

export async function dropDraft(key: string): Promise<void> {
  try {
    await cache.drafts.delete(key);
  } catch {
    // Nothing to drop.
  }
}
