/**
 * The languages OCR can read in, each installed from npm with its language data (tesseract.js-data).
 * The person chooses one or more; text in a language not chosen is read poorly.
 */
export const OCR_LANGUAGES = [
  { code: 'eng', name: 'English' },
  { code: 'spa', name: 'Spanish (Español)' },
  { code: 'fra', name: 'French (Français)' },
  { code: 'deu', name: 'German (Deutsch)' },
] as const;

export type OcrLanguage = (typeof OCR_LANGUAGES)[number]['code'];

export const DEFAULT_OCR_LANGUAGES: readonly OcrLanguage[] = ['eng'];

export function isOcrLanguage(value: string): value is OcrLanguage {
  return OCR_LANGUAGES.some((l) => l.code === value);
}

/** The message a person sees for a language code we do not have. */
export function unknownOcrLanguageMessage(value: string): string {
  return `"${value}" is not a language Casebinder can read. Use one or more of: ${OCR_LANGUAGES.map((l) => `${l.code} (${l.name})`).join(', ')}.`;
}
