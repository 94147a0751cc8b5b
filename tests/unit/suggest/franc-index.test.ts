/**
 * The import reads languages with `closestLanguage`, an index over franc's models: it must answer
 * exactly as franc does. Checked against franc itself on text neither wrote (tests/fixtures/languages,
 * nineteen languages in seven scripts), cut at every length the reader uses and at franc's own limits,
 * on text mixing languages and scripts, and on text that says nothing.
 */
import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { closestLanguage } from '../../../electron/suggest/franc-index.ts';
import { sentences } from '../../corpus/language-documents.ts';

const LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'tr', 'vi', 'ar', 'fa', 'he', 'hi', 'zh', 'ja', 'ko'];
/** Around the reader's piece (1,500 characters, at most 2,250), its least (60) and franc's limit (2,048). */
const LENGTHS = [10, 59, 60, 61, 120, 300, 800, 1500, 2047, 2048, 2049, 2250];

function disagreements(texts: readonly string[], minLength: number): string[] {
  return texts.filter((text) => closestLanguage(text, minLength) !== franc(text, { minLength }));
}

describe('closestLanguage', () => {
  it("answers as franc does on real text in nineteen languages, cut at every length the reader uses", () => {
    const texts: string[] = [];
    for (const language of LANGUAGES) {
      const text = sentences(language).join(' ');
      for (const length of LENGTHS) for (let at = 0; at < text.length; at += 613) texts.push(text.slice(at, at + length));
    }
    expect(texts.length).toBeGreaterThan(4_000);
    expect(disagreements(texts, 60)).toEqual([]);
    // The least length only decides which texts are too short to read.
    expect(disagreements(texts.filter((text) => text.length < 60), 10)).toEqual([]);
    // Not one answer for everything: at least nineteen different answers.
    expect(new Set(texts.map((text) => closestLanguage(text, 60))).size).toBeGreaterThanOrEqual(LANGUAGES.length);
  });

  it('answers as franc does on text mixing languages and scripts, and on text that says nothing', () => {
    const mixed: string[] = [];
    for (let i = 0; i < LANGUAGES.length; i++) {
      const a = sentences(LANGUAGES[i]!);
      const b = sentences(LANGUAGES[(i + 7) % LANGUAGES.length]!);
      for (let n = 0; n < 20; n++) mixed.push(`${a.slice(n, n + 2 + (n % 4)).join(' ')} ${b.slice(n, n + 1 + (n % 3)).join(' ')}`);
    }
    const nothing = ['', ' ', '12345 678 90', '—— ** ——', 'ab', 'Hello', '1'.repeat(100), `${'=| '.repeat(40)}x`, '日本語', 'ÄÖÜ äöü ß'];
    expect(disagreements([...mixed, ...nothing], 60)).toEqual([]);
    expect(disagreements([...mixed, ...nothing], 1)).toEqual([]);
    expect(closestLanguage('12345 678 90 12345 678 90', 10)).toBe('und');
  });
});
