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
  /** Each select's options, sorted. */
  readonly selects: string[][];
}

export function messageShape(message: string, locale: string): MessageShape {
  const values = new Set<string>();
  const tags = new Set<string>();
  const plurals: string[][] = [];
  const selects: string[][] = [];
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.value !== undefined && e.type >= 1 && e.type <= 6) values.add(e.value);
      if (e.type === 8 && e.value !== undefined) tags.add(e.value);
      if (e.children) walk(e.children);
      if (e.options) {
        (e.type === 6 ? plurals : selects).push(Object.keys(e.options).sort());
        for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as Element[]);
  return { values: [...values].sort(), tags: [...tags].sort(), plurals, selects };
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
  }
  return problems;
}
