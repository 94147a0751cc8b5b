/**
 * The window's language on the desktop: the native menu speaks it; and when the person chose it in
 * Settings, it is kept in a small file beside the window's state (a language code, nothing of the
 * patient) and Chromium is started in it next time (`--lang`: date pickers and number fields follow the
 * window, not the system). Following the system's language keeps no file, so the system's stays in charge.
 */
import fs from 'node:fs';
import { windowLanguageOf } from '../../shared/languages.ts';
import type { WindowLanguage } from '../../shared/languages.ts';

/** The language saved last time, or null when none was (or the file is not one this writes). */
export function loadWindowLanguage(file: string): WindowLanguage | null {
  try {
    return windowLanguageOf((JSON.parse(fs.readFileSync(file, 'utf8')) as { language?: unknown }).language);
  } catch {
    return null;
  }
}

/** Keeps the language the person chose; with none chosen (the system's is followed), keeps none. */
export function saveWindowLanguage(file: string, language: WindowLanguage | null): void {
  if (language) fs.writeFileSync(file, `${JSON.stringify({ language })}\n`);
  else fs.rmSync(file, { force: true });
}
