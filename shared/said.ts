/**
 * Words the back end says to a person (why a file was not imported, what an import noticed), kept as
 * what was said rather than as English sentences: a message of a shared catalogue and its values. The
 * window says them in its own language; the command line, the JSON and the logs say them in English,
 * exactly as before. A value can itself be something said (a DICOM file's problem inside the refusal
 * that names it), a size, a date or a list, each written the way the reader's language writes it.
 * What a record or the system wrote (a file name, an error's own text) goes in as written.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { formatDate } from './format.ts';
import { sayer } from './icu.ts';
import type { MessageValues } from './icu.ts';
import { IMPORT_AR, IMPORT_EN, IMPORT_ES } from './import-words.ts';
import type { ImportKey } from './import-words.ts';
import { windowLanguageOf } from './languages.ts';
import type { WindowLanguage } from './languages.ts';
import { STUDY_AR, STUDY_EN, STUDY_ES } from './study-words.ts';
import type { StudyKey } from './study-words.ts';
import { ERROR_AR, ERROR_EN, ERROR_ES } from './error-words.ts';
import type { ErrorKey } from './error-words.ts';
import { REDACTION_AR, REDACTION_EN, REDACTION_ES } from './redaction-words.ts';
import type { RedactionKey } from './redaction-words.ts';
import { EXPORT_AR, EXPORT_EN, EXPORT_ES } from './export-words.ts';
import type { ExportKey } from './export-words.ts';
import { SUGGESTION_AR, SUGGESTION_EN, SUGGESTION_ES } from './suggestion-words.ts';
import type { SuggestionKey } from './suggestion-words.ts';

export type SaidKey = ImportKey | StudyKey | ErrorKey | RedactionKey | ExportKey | SuggestionKey;

export type SaidValue =
  | string
  | number
  | Said
  | { readonly bytes: number }
  /**
   * Joined as the language joins a list; English joins with "and", or with commas when `commas`.
   * Sentences in a row are `joined` by a space in every language.
   */
  | { readonly list: readonly (string | Said)[]; readonly commas?: boolean; readonly joined?: string }
  | { readonly dates: readonly string[] };

export interface Said {
  readonly key: SaidKey;
  readonly values?: Readonly<Record<string, SaidValue>>;
}

const CATALOGUES: Readonly<Record<WindowLanguage, Readonly<Record<SaidKey, string>>>> = {
  en: { ...IMPORT_EN, ...STUDY_EN, ...ERROR_EN, ...REDACTION_EN, ...EXPORT_EN, ...SUGGESTION_EN },
  es: { ...IMPORT_ES, ...STUDY_ES, ...ERROR_ES, ...REDACTION_ES, ...EXPORT_ES, ...SUGGESTION_ES },
  ar: { ...IMPORT_AR, ...STUDY_AR, ...ERROR_AR, ...REDACTION_AR, ...EXPORT_AR, ...SUGGESTION_AR },
};

export function said(key: SaidKey, values?: Readonly<Record<string, SaidValue>>): Said {
  return values ? { key, values } : { key };
}

/** What a person reads when a piece has no message of its own (yet): the text as it was written. */
export function asWritten(text: string): Said {
  return { key: 'as-written', values: { text } };
}

/**
 * What was said, as a text column of the library keeps it (JSON). A sentence a library stored before it
 * kept what was said (English) is said as it was written.
 */
export function fromStored(text: string): Said {
  if (text.startsWith('{')) {
    try {
      const value = JSON.parse(text) as Partial<Said> | null;
      if (value && typeof value.key === 'string' && value.key in CATALOGUES.en) return value as Said;
    } catch {
      // Not JSON: a sentence stored as it was written.
    }
  }
  return asWritten(text);
}

/** A size in bytes: English as Casebinder always wrote it ("1.4 MB"), other languages through Intl ("1,4 MB"). */
function formatBytesIn(bytes: number, language: string = 'en'): string {
  const [value, unit, digits] = bytes >= 1024 ** 3 ? [bytes / 1024 ** 3, 'gigabyte', 1] : bytes >= 1024 ** 2 ? [bytes / 1024 ** 2, 'megabyte', 1] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte', 0];
  if (language === 'en') return `${value.toFixed(digits)} ${unit === 'gigabyte' ? 'GB' : unit === 'megabyte' ? 'MB' : 'KB'}`;
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

function dateIn(iso: string, language: string): string {
  if (language === 'en') return formatDate(iso);
  const [y, m, d] = iso.split('-').map(Number);
  // As the checklist writes days: "16 mar 1988", without the abbreviation's full stop.
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)).replace(/\./g, '');
}

/** A list as the language joins it; English joins with "and" throughout, as the importer always wrote it. */
function listIn(items: readonly string[], language: string): string {
  return language === 'en' ? items.join(' and ') : new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/**
 * What a record or the system wrote (a path, a file name, a title), put into a sentence as it is: in a
 * right-to-left language isolated (FSI…PDI), so "/home/ana/scans" keeps its order inside Arabic text.
 */
function asIs(text: string, language: WindowLanguage): string {
  return language === 'ar' && text ? `\u2068${text}\u2069` : text;
}

interface AstElement {
  readonly type: number;
  readonly value?: string;
  readonly options?: Readonly<Record<string, { readonly value: readonly AstElement[] }>>;
  readonly children?: readonly AstElement[];
}

const choosers = new Map<SaidKey, ReadonlySet<string>>();

/** The values a message chooses by (its selects and plurals, read from the English): those are keys, never isolated. */
function chooses(key: SaidKey): ReadonlySet<string> {
  let names = choosers.get(key);
  if (!names) {
    const found = new Set<string>();
    const walk = (elements: readonly AstElement[]) => {
      for (const e of elements) {
        if ((e.type === 5 || e.type === 6) && e.value) found.add(e.value);
        if (e.children) walk(e.children);
        for (const option of Object.values(e.options ?? {})) walk(option.value);
      }
    };
    walk(new IntlMessageFormat(CATALOGUES.en[key], 'en').getAst() as unknown as AstElement[]);
    names = found;
    choosers.set(key, names);
  }
  return names;
}

const sayers = new Map<WindowLanguage, (key: SaidKey, values?: MessageValues) => string>();

/** Says `what` in `language` (a window language; any other says English). */
export function say(what: Said, language: string = 'en'): string {
  const lang = windowLanguageOf(language) ?? 'en';
  let sayIn = sayers.get(lang);
  if (!sayIn) {
    sayIn = sayer(CATALOGUES[lang], lang);
    sayers.set(lang, sayIn);
  }
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(what.values ?? {})) {
    if (typeof value === 'string') values[name] = chooses(what.key).has(name) ? value : asIs(value, lang);
    else if (typeof value === 'number') values[name] = value;
    else if ('key' in value) values[name] = say(value, lang);
    else if ('bytes' in value) values[name] = formatBytesIn(value.bytes, lang);
    else if ('list' in value) {
      const items = value.list.map((item) => (typeof item === 'string' ? asIs(item, lang) : say(item, lang)));
      values[name] = value.joined !== undefined ? items.join(value.joined) : lang === 'en' && value.commas ? items.join(', ') : listIn(items, lang);
    }
    else values[name] = listIn(value.dates.map((d) => dateIn(d, lang)), lang);
  }
  return sayIn(what.key, values);
}

/** Several things said, one after another, as one paragraph. */
export function sayAll(what: readonly Said[], language: string = 'en'): string {
  return what.map((w) => say(w, language)).join(' ');
}
