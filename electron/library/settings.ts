import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import { DEFAULT_OCR_LANGUAGES, isOcrLanguage, unknownOcrLanguageMessage } from '../../shared/ocr-languages.ts';
import type { OcrLanguage } from '../../shared/ocr-languages.ts';
import { get, run, sql, writeTransaction } from './sql.ts';

const OCR_LANGUAGES_KEY = 'ocr.languages';
const EXPORT_FOLDER_KEY = 'export.folder';
const UNFINISHED_EXPORTS_KEY = 'export.unfinished';
const LIBRARY_ID_KEY = 'library.id';
const LAST_BACKUP_KEY = 'backup.last';
const BACKUP_REMINDER_KEY = 'backup.remind-days';
const IDLE_LOCK_KEY = 'lock.idle-minutes';
export const DEFAULT_BACKUP_REMINDER_DAYS = 7;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

/** The last backup made: when, and to which folder. */
export interface LastBackup {
  readonly at: string;
  readonly to: string;
}

/** Choices the person makes for a library, kept in it (so the app and the command line agree). */
export class Settings {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The languages OCR reads scanned pages in (English unless the person chose otherwise). */
  ocrLanguages(): OcrLanguage[] {
    const stored = this.get(OCR_LANGUAGES_KEY)?.split('+').filter(isOcrLanguage) ?? [];
    return stored.length ? stored : [...DEFAULT_OCR_LANGUAGES];
  }

  setOcrLanguages(languages: readonly string[]): OcrLanguage[] {
    const chosen = [...new Set(languages.map((l) => l.trim().toLowerCase()).filter(Boolean))];
    if (chosen.length === 0) throw new CasebinderError('invalid-input', said('err.ocr-languages'));
    for (const l of chosen) if (!isOcrLanguage(l)) throw new CasebinderError('invalid-input', unknownOcrLanguageMessage(l));
    this.set(OCR_LANGUAGES_KEY, chosen.join('+'));
    return chosen as OcrLanguage[];
  }

  /** The folder case bundles were last written into (chosen in a dialog), if any. */
  exportFolder(): string | null {
    return this.get(EXPORT_FOLDER_KEY);
  }

  setExportFolder(folder: string): void {
    this.set(EXPORT_FOLDER_KEY, folder);
  }

  /**
   * The temporary copies exports are writing (outside the library, in the folder the person chose), with
   * the process writing each: an export killed midway leaves them, and the next start removes them.
   */
  unfinishedExports(): { path: string; pid: number }[] {
    try {
      return (JSON.parse(this.get(UNFINISHED_EXPORTS_KEY) ?? '[]') as { path: string; pid: number }[]).filter((e) => typeof e.path === 'string' && Number.isInteger(e.pid));
    } catch {
      return [];
    }
  }

  exportStarted(file: string): void {
    this.changeUnfinished((list) => [...list, { path: file, pid: process.pid }]);
  }

  exportEnded(...files: string[]): void {
    this.changeUnfinished((list) => list.filter((e) => !files.includes(e.path)));
  }

  /** This library's own random id: a backup folder belongs to one library, and says which. */
  libraryId(): string {
    const known = this.get(LIBRARY_ID_KEY);
    if (known) return known;
    const id = randomUUID();
    this.set(LIBRARY_ID_KEY, id);
    return id;
  }

  lastBackup(): LastBackup | null {
    try {
      const value = JSON.parse(this.get(LAST_BACKUP_KEY) ?? 'null') as LastBackup | null;
      return value && typeof value.at === 'string' && typeof value.to === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  backedUp(backup: LastBackup): void {
    this.set(LAST_BACKUP_KEY, JSON.stringify(backup));
  }

  /** After how many days without a backup the app reminds (0: never). */
  backupReminderDays(): number {
    const days = Number(this.get(BACKUP_REMINDER_KEY) ?? DEFAULT_BACKUP_REMINDER_DAYS);
    return Number.isInteger(days) && days >= 0 ? days : DEFAULT_BACKUP_REMINDER_DAYS;
  }

  setBackupReminderDays(days: number): void {
    if (!Number.isInteger(days) || days < 0 || days > 365) throw new CasebinderError('invalid-input', said('err.remind-days'));
    this.set(BACKUP_REMINDER_KEY, String(days));
  }

  /** After how many idle minutes an encrypted library locks itself (0: only when asked). */
  idleLockMinutes(): number {
    const minutes = Number(this.get(IDLE_LOCK_KEY) ?? DEFAULT_IDLE_LOCK_MINUTES);
    return Number.isInteger(minutes) && minutes >= 0 ? minutes : DEFAULT_IDLE_LOCK_MINUTES;
  }

  setIdleLockMinutes(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) throw new CasebinderError('invalid-input', said('err.lock-minutes'));
    this.set(IDLE_LOCK_KEY, String(minutes));
  }

  private changeUnfinished(change: (list: { path: string; pid: number }[]) => { path: string; pid: number }[]): void {
    writeTransaction(this.db, () => this.set(UNFINISHED_EXPORTS_KEY, JSON.stringify(change(this.unfinishedExports()))))();
  }

  private get(key: string): string | null {
    return get<{ value: string }>(this.db, sql`SELECT value FROM settings WHERE key = ${key}`)?.value ?? null;
  }

  private set(key: string, value: string): void {
    run(this.db, sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  }
}
