/**
 * The window's words: every catalogue has every message of the English source, taking the same values;
 * and no words a person reads are written in the window's components outside the catalogues (text in
 * JSX, the attributes a person reads or hears, and the strings a child or such an attribute may show).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, WINDOW_LANGUAGES } from '../../renderer/src/i18n/index.ts';
import { catalogueProblems } from '../helpers/icu.ts';
import { ROOT } from '../helpers/paths.ts';
import { literalCounts, literalStrings } from '../helpers/window-strings.ts';

describe("the window's catalogues", () => {
  for (const language of WINDOW_LANGUAGES) {
    it(`${language}: has every message, each taking the values the English takes`, () => {
      expect(catalogueProblems(CATALOGUES.en, CATALOGUES[language], language)).toEqual([]);
    });
  }

  it('holds every word of every screen: no component writes words of its own', () => {
    const own = Object.entries(literalCounts()).map(([f, n]) => `${f}: ${n} strings outside the catalogue: ${literalStrings(path.join(ROOT, f)).slice(0, 5).join(' | ')}`);
    expect(own).toEqual([]);
  });

  it('finds the words a file writes itself, and not those it takes from the catalogue', () => {
    const file = path.join(ROOT, 'tests', 'unit', 'window-strings.fixture.tsx');
    expect(literalStrings(file)).toEqual(['Import files…', '"Search records"', "'Find a patient'", '`Open ${name}`', "'Unlocking…'"]);
  });
});
