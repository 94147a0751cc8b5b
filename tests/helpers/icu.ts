/** What an ICU message takes and offers, from intl-messageformat's own parse: for the catalogue tests. */
import { IntlMessageFormat } from 'intl-messageformat';

interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

export interface MessageShape {
  /** The values put in (arguments, numbers, dates, selects, plurals), sorted. */
  readonly values: string[];
  /** The elements (`<i>…</i>`) it wraps text in, sorted. */
  readonly tags: string[];
  /** Each plural's options. */
  readonly plurals: string[][];
  /** The options of each plural that shows its number (`#`) before a word in one of them. */
  readonly counted: string[][];
  /** Numbers (`{n, number}`) written straight before a word, outside any plural. */
  readonly bareCounts: string[];
  /** Each select's options, sorted. */
  readonly selects: string[][];
}

/**
 * Arabic words that may follow a number unchanged whatever it is: units written as symbols are
 * (bytes, pixels, megabytes, millimetres), and words that are not what is counted ("of", "to", "outside it",
 * "was", "is not").
 */
const UNCOUNTED_ARABIC = new Set(['بايت', 'بكسل', 'ميغابايت', 'مم', 'من', 'إلى', 'خارجه', 'خارج', 'كان', 'ليست', 'ليس']);

export function messageShape(message: string, locale: string): MessageShape {
  const values = new Set<string>();
  const tags = new Set<string>();
  const plurals: string[][] = [];
  const counted: string[][] = [];
  const bareCounts: string[] = [];
  const selects: string[][] = [];
  /** A literal that goes on with a word that changes with a count (a space, then a letter). */
  const word = (e: Element | undefined) => {
    const next = e?.type === 0 ? /^ (\p{L}+)/u.exec(e.value ?? '')?.[1] : undefined;
    return next !== undefined && !UNCOUNTED_ARABIC.has(next);
  };
  const countsWord = (elements: Element[]): boolean =>
    elements.some((e, i) => (e.type === 7 && word(elements[i + 1])) || (e.type !== 6 && Object.values(e.options ?? {}).some((o) => countsWord(o.value))));
  const walk = (elements: Element[]) => {
    for (const [i, e] of elements.entries()) {
      if (e.value !== undefined && e.type >= 1 && e.type <= 6) values.add(e.value);
      if (e.type === 2 && e.value !== undefined && word(elements[i + 1])) bareCounts.push(e.value);
      if (e.type === 8 && e.value !== undefined) tags.add(e.value);
      if (e.children) walk(e.children);
      if (e.options) {
        (e.type === 6 ? plurals : selects).push(Object.keys(e.options).sort());
        if (e.type === 6 && Object.values(e.options).some((o) => countsWord(o.value))) counted.push(Object.keys(e.options).sort());
        for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as Element[]);
  return { values: [...values].sort(), tags: [...tags].sort(), plurals, counted, bareCounts, selects };
}

/** Differences of a translation from its source: missing keys, extra keys, and messages taking other values. */
export function catalogueProblems(source: Readonly<Record<string, string>>, translation: Readonly<Record<string, string>>, locale: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(source)) if (!(key in translation)) problems.push(`${key}: missing`);
  for (const key of Object.keys(translation)) if (!(key in source)) problems.push(`${key}: not in the source`);
  for (const [key, message] of Object.entries(translation)) {
    if (!(key in source)) continue;
    if (!message.trim()) problems.push(`${key}: empty`);
    let mine: MessageShape;
    try {
      mine = messageShape(message, locale);
    } catch (error) {
      problems.push(`${key}: does not parse (${(error as Error).message})`);
      continue;
    }
    const theirs = messageShape(source[key]!, 'en');
    if (mine.values.join() !== theirs.values.join()) problems.push(`${key}: takes ${mine.values.join(', ') || 'nothing'}, the source ${theirs.values.join(', ') || 'nothing'}`);
    if (mine.tags.join() !== theirs.tags.join()) problems.push(`${key}: wraps ${mine.tags.join(', ') || 'nothing'}, the source ${theirs.tags.join(', ') || 'nothing'}`);
    if (JSON.stringify(mine.selects) !== JSON.stringify(theirs.selects)) problems.push(`${key}: its choices differ from the source's`);
    for (const options of mine.plurals) if (!options.includes('other')) problems.push(`${key}: a plural without "other"`);
    // Arabic counts three to ten with a plural noun, eleven to ninety-nine with a singular accusative
    // and a hundred with a singular genitive: a number written before the word it counts needs a
    // plural with all three forms.
    if (locale === 'ar') {
      for (const options of mine.counted) if (!options.includes('few') || !options.includes('many')) problems.push(`${key}: counts a word without Arabic's "few" and "many"`);
      for (const name of mine.bareCounts) problems.push(`${key}: {${name}, number} counts a word without a plural`);
    }
  }
  return problems;
}
