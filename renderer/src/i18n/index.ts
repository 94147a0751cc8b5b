/**
 * The window's words in the person's language: one message catalogue per language (en.ts is the
 * source; es.ts, ar.ts translate it) in ICU MessageFormat, formatted by intl-messageformat (FormatJS,
 * the format translators and their tools read) with the engine's own Intl for plurals, numbers, dates
 * and lists. The language is the one chosen in Settings, else the system's (the first of the window's
 * languages the system prefers), else English; Arabic lays the window out right to left. Kept in
 * localStorage like the theme and set on <html> before the first paint.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { ReactNode } from 'react';
import { createElement, Fragment, useSyncExternalStore } from 'react';
import { ar } from './ar.ts';
import { en } from './en.ts';
import type { MessageKey } from './en.ts';
import { es } from './es.ts';

export type { MessageKey };

import { WINDOW_LANGUAGES } from '../../../shared/languages.ts';
import type { WindowLanguage } from '../../../shared/languages.ts';

export { WINDOW_LANGUAGES };
export type { WindowLanguage };
export type LanguageChoice = 'system' | WindowLanguage;

export const CATALOGUES: Readonly<Record<WindowLanguage, Readonly<Record<MessageKey, string>>>> = { en, es, ar };
const RIGHT_TO_LEFT: ReadonlySet<WindowLanguage> = new Set(['ar']);
const KEY = 'casebinder:language';

type Values = Record<string, string | number>;
type RichValues = Record<string, string | number | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

export interface Translator {
  readonly language: WindowLanguage;
  readonly dir: 'ltr' | 'rtl';
  /** A message with its values put in. */
  t(key: MessageKey, values?: Values): string;
  /** A message with elements in it: `<b>…</b>` in the message is `b: (chunks) => <strong>{chunks}</strong>`. */
  rich(key: MessageKey, values: RichValues): ReactNode;
  /** A day (YYYY-MM-DD) as the language writes it ("4 Mar 2025", "4 mar 2025", "٤ مارس ٢٠٢٥"). */
  date(iso: string): string;
  number(n: number): string;
  /** "A, B and C" in the language. */
  list(items: readonly string[]): string;
}

function translator(language: WindowLanguage): Translator {
  const catalogue = CATALOGUES[language];
  const formats = new Map<MessageKey, IntlMessageFormat>();
  const format = (key: MessageKey) => {
    let f = formats.get(key);
    if (!f) {
      f = new IntlMessageFormat(catalogue[key], language);
      formats.set(key, f);
    }
    return f;
  };
  const days = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(language);
  const lists = new Intl.ListFormat(language, { type: 'conjunction' });
  return {
    language,
    dir: RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr',
    t: (key, values) => String(format(key).format(values)),
    rich: (key, values) => {
      const parts = format(key).format<ReactNode>(values as never);
      // Each part keyed, as React wants of an array of children.
      return Array.isArray(parts) ? parts.map((part, i) => createElement(Fragment, { key: i }, part)) : parts;
    },
    date: (iso) => days.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    number: (n) => numbers.format(n),
    list: (items) => lists.format(items),
  };
}

/** The window's language the system prefers, else English. */
export function systemLanguage(): WindowLanguage {
  const preferred = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'];
  for (const tag of preferred) {
    const primary = tag.split('-')[0]!.toLowerCase();
    const found = WINDOW_LANGUAGES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}

export function savedLanguage(): LanguageChoice {
  const value = globalThis.localStorage?.getItem(KEY);
  return value === 'system' || WINDOW_LANGUAGES.includes(value as WindowLanguage) ? (value as LanguageChoice) : 'system';
}

let current: Translator = translator('en');
const listeners = new Set<() => void>();

/** Shows the window in the chosen language now (and right to left for Arabic), and remembers it. */
export function applyLanguage(choice: LanguageChoice, remember = true): void {
  const language = choice === 'system' ? systemLanguage() : choice;
  if (language !== current.language) current = translator(language);
  // Typed by shape: the catalogue tests read this module under Node, without the DOM's types.
  const root = (globalThis as { document?: { documentElement: { lang: string; dir: string } } }).document?.documentElement;
  if (root) {
    root.lang = language;
    root.dir = current.dir;
  }
  if (remember) globalThis.localStorage?.setItem(KEY, choice);
  for (const listener of listeners) listener();
}

/** The translator now: for code outside components (a title set on the document, an error message). */
export function currentTranslator(): Translator {
  return current;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The translator, re-rendering the component when the language changes. */
export function useT(): Translator {
  return useSyncExternalStore(subscribe, () => current);
}
