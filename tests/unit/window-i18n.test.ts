/**
 * The window's words: every catalogue has every message of the English source, taking the same values;
 * and no words a person reads are written in the code outside the catalogues. The window is being moved
 * into the catalogues screen by screen: window-strings-baseline.json counts the words each file not yet
 * moved still holds, and may only shrink (a new string in any file, or one more in a file not yet moved,
 * fails here), so a screen once moved stays moved.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, WINDOW_LANGUAGES } from '../../renderer/src/i18n/index.ts';
import { catalogueProblems } from '../helpers/icu.ts';
import { ROOT } from '../helpers/paths.ts';
import { literalCounts, literalStrings } from '../helpers/window-strings.ts';
import baseline from './window-strings-baseline.json' with { type: 'json' };

describe("the window's catalogues", () => {
  for (const language of WINDOW_LANGUAGES) {
    it(`${language}: has every message, each taking the values the English takes`, () => {
      expect(catalogueProblems(CATALOGUES.en, CATALOGUES[language], language)).toEqual([]);
    });
  }

  it('holds every word of the screens moved into it, and no file holds more words of its own than before', () => {
    const counts = literalCounts();
    const allowed = baseline as Record<string, number>;
    const over = Object.entries(counts).filter(([f, n]) => n > (allowed[f] ?? 0)).map(([f, n]) => `${f}: ${n} strings outside the catalogue (${allowed[f] ?? 0} allowed): ${literalStrings(path.join(ROOT, f)).slice(0, 5).join(' | ')}`);
    expect(over).toEqual([]);
    // Moved on: the baseline says so too, so it stays a true count of what is left.
    const under = Object.entries(allowed).filter(([f, n]) => (counts[f] ?? 0) < n).map(([f, n]) => `${f}: now ${counts[f] ?? 0}, the baseline says ${n}`);
    expect(under).toEqual([]);
  });

  it('finds the words a file writes itself, and not those it takes from the catalogue', () => {
    const file = path.join(ROOT, 'tests', 'unit', 'window-strings.fixture.tsx');
    expect(literalStrings(file)).toEqual(['Import files…', '"Search records"', '`Open ${name}`', "'Unlocking…'"]);
  });
});
