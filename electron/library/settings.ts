import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CasebinderError } from '../../shared/errors.ts';
import { DEFAULT_OCR_LANGUAGES, isOcrLanguage, unknownOcrLanguageMessage } from '../../shared/ocr-languages.ts';
import type { OcrLanguage } from '../../shared/ocr-languages.ts';
import { get, run, sql, writeTransaction } from './sql.ts';

const OCR_LANGUAGES_KEY = 'ocr.languages';
const EXPORT_FOLDER_KEY = 'export.folder';
const UNFINISHED_EXPORTS_KEY = 'export.unfinished';

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
    if (chosen.length === 0) throw new CasebinderError('invalid-input', 'Choose at least one language for reading scanned pages.');
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
