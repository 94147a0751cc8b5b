/**
 * Naming languages for people: a document's languages are BCP 47 codes (`es`, `fa`); people read
 * "Spanish", or "español" in a Spanish window, from the locale data every JavaScript engine carries.
 */

/** A language's name in the given locale ("Spanish", "español", "الإسبانية"); the code itself if the locale does not name it. */
export function languageName(code: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Several languages' names as a list: "Spanish and English". */
export function languageNames(codes: readonly string[], locale = 'en'): string {
  return new Intl.ListFormat([locale], { type: 'conjunction' }).format(codes.map((c) => languageName(c, locale)));
}

/**
 * The languages offered where a person chooses one (the patient's spoken language, what a specialist's
 * centre reads): those most spoken by patients who cross a border for care, then by name. Any other
 * BCP 47 code is accepted on the command line.
 */
export const COMMON_LANGUAGES = [
  'en', 'es', 'ar', 'fa', 'fr', 'de', 'it', 'pt', 'ru', 'uk', 'pl', 'ro', 'el', 'tr', 'he', 'hy', 'ur', 'hi', 'bn', 'zh', 'ja', 'ko', 'vi', 'tl', 'so', 'am', 'sw', 'ht', 'ps', 'nl',
] as const;

/** A language named in itself and, when the reader's language differs, in the reader's: "Español (Spanish)". */
export function languageLabel(code: string, locale = 'en'): string {
  const name = languageName(code, code);
  // A language named in itself starts with a capital where its script has them ("Español", as in a list of languages).
  const own = name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  const theirs = languageName(code, locale);
  return own.toLocaleLowerCase(code) === theirs.toLocaleLowerCase(locale) ? theirs : `${own} (${theirs})`;
}

/** The languages the window speaks (renderer/src/i18n): its words, the checklist's, the questions to start from, the menu. */
export const WINDOW_LANGUAGES = ['en', 'es', 'ar'] as const;
export type WindowLanguage = (typeof WINDOW_LANGUAGES)[number];

/** A language the window speaks, or null for any other code. */
export function windowLanguageOf(code: unknown): WindowLanguage | null {
  return (WINDOW_LANGUAGES as readonly unknown[]).includes(code) ? (code as WindowLanguage) : null;
}
