/**
 * The window's language on the desktop: the native menu speaks it; and when the person chose it in
 * Settings, it is kept in a small file beside the window's state (a language code, nothing of the
 * patient) and Chromium is started in it next time (`--lang`: date pickers and number fields follow the
 * window, not the system). Following the system's language keeps no file, so the system's stays in charge.
 */
import fs from 'node:fs';
import { WINDOW_LANGUAGES } from '../../shared/ipc-contract.ts';
import type { WindowLanguageCode } from '../../shared/ipc-contract.ts';

/** The language saved last time, or null when none was (or the file is not one this writes). */
export function loadWindowLanguage(file: string): WindowLanguageCode | null {
  try {
    const saved = (JSON.parse(fs.readFileSync(file, 'utf8')) as { language?: unknown }).language;
    return (WINDOW_LANGUAGES as readonly unknown[]).includes(saved) ? (saved as WindowLanguageCode) : null;
  } catch {
    return null;
  }
}

/** Keeps the language the person chose; with none chosen (the system's is followed), keeps none. */
export function saveWindowLanguage(file: string, language: WindowLanguageCode | null): void {
  if (language) fs.writeFileSync(file, `${JSON.stringify({ language })}\n`);
  else fs.rmSync(file, { force: true });
}
