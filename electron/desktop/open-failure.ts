/**
 * What the person reads when the library cannot be opened as the app starts (a library written by a newer
 * Casebinder, a damaged one, a folder holding another program's database): the error in the language the
 * window last spoke (or the system's), then the folder, so they know which one to restore or move.
 */
import { CasebinderError } from '../../shared/errors.ts';
import { windowLanguageOf } from '../../shared/languages.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import { said, say } from '../../shared/said.ts';
import { MENU_WORDS } from './menu-words.ts';

export function openFailure(error: unknown, libraryDir: string, language: WindowLanguage): { title: string; body: string } {
  const w = MENU_WORDS[language];
  const message =
    error instanceof CasebinderError
      ? error.words
        ? say(error.words, language)
        : error.message
      : say(said('err.cannot-open', { detail: error instanceof Error ? error.message : String(error) }), language);
  return { title: w.cannotOpen, body: `${message}\n\n${w.libraryFolder.replace('{folder}', libraryDir)}` };
}

/** The language to speak before the window has said one: the one the person chose, else the system's ("es-MX": Spanish), else English. */
export function startupLanguage(chosen: WindowLanguage | null, systemLocale: string): WindowLanguage {
  return chosen ?? windowLanguageOf(systemLocale.split('-')[0]?.toLowerCase()) ?? 'en';
}
