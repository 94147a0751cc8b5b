/**
 * The window's words: every catalogue has every message of the English source, taking the same values;
 * and no words a person reads are written in the window's components outside the catalogues (text in
 * JSX, the attributes a person reads or hears, and the strings a child or such an attribute may show).
 */
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
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

  it('Arabic: a backup\'s files already there agree with their count (one, two, three to ten, eleven on, a hundred)', () => {
    const backedUp = new IntlMessageFormat(CATALOGUES.ar['privacy.backedUp'], 'ar');
    const there = (count: number) => String(backedUp.format({ to: 'D:', copied: 0, there: count })).split('، و')[1];
    expect([1, 2, 5, 11, 100].map(there)).toEqual([
      'ملف واحد موجود مسبقًا.',
      'ملفان موجودان مسبقًا.',
      '5 ملفات موجودة مسبقًا.',
      '11 ملفًا موجودًا مسبقًا.',
      '100 ملف موجود مسبقًا.',
    ]);
  });

  it('Arabic: a password\'s least length, the details read, a ZIP\'s parts and an import\'s summary agree with their count', () => {
    const say = (key: 'export.passwordShort' | 'details.read', count: number) => String(new IntlMessageFormat(CATALOGUES.ar[key], 'ar').format({ count }));
    expect(say('export.passwordShort', 8)).toBe('استخدم كلمة مرور من 8 أحرف على الأقل.');
    expect(say('export.passwordShort', 12)).toBe('استخدم كلمة مرور من 12 حرفًا على الأقل.');
    expect([2, 3].map((count) => say('details.read', count))).toEqual(['قرأت المكتبة تفصيلين من المستند.', 'قرأت المكتبة 3 تفاصيل من المستند.']);
    const parts = new IntlMessageFormat(CATALOGUES.ar['export.zipParts'], 'ar');
    expect([3, 12, 100].map((count) => String(parts.format({ count, files: 'a.zip…' })).split(' (')[0])).toEqual(['ملف ZIP في 3 أجزاء', 'ملف ZIP في 12 جزءًا', 'ملف ZIP في 100 جزء']);
    const summary = String(new IntlMessageFormat(CATALOGUES.ar['import.summary'], 'ar').format({ imported: 3, merged: 0, duplicates: 12, refused: 1 }));
    expect(summary).toBe('استُوردت 3 مستندات، و12 مستندًا موجودًا في المكتبة من قبل، ومستند واحد لم يُستورد.');
    expect(String(new IntlMessageFormat(CATALOGUES.ar['import.summary'], 'ar').format({ imported: 0, merged: 0, duplicates: 1, refused: 3 }))).toBe(
      'لم يُستورد أي مستند، ومستند واحد موجود في المكتبة من قبل، و3 مستندات لم تُستورد.',
    );
  });

  it('Arabic: what was done to many documents says so with the verb first and the count in the case it takes', () => {
    const moved = new IntlMessageFormat(CATALOGUES.ar['bulk.moved'], 'ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => String(moved.format({ count, from: 'أ', to: 'ب' })))).toEqual([
      'لم يُنقل أي مستند من أ إلى ب.',
      'نُقل مستند واحد من أ إلى ب.',
      'نُقل مستندان من أ إلى ب.',
      'نُقلت 3 مستندات من أ إلى ب.',
      'نُقل 11 مستندًا من أ إلى ب.',
      'نُقل 100 مستند من أ إلى ب.',
    ]);
    const backedUp = String(new IntlMessageFormat(CATALOGUES.ar['privacy.backedUp'], 'ar').format({ to: 'D:', copied: 0, there: 2 }));
    expect(backedUp).toBe('اكتمل النسخ الاحتياطي في D:: لم يُنسخ أي ملف جديد، وملفان موجودان مسبقًا.');
    const unchecked = String(new IntlMessageFormat(CATALOGUES.ar['export.uncheckedText'], 'ar').format({ values: 2, documents: 3 }));
    expect(unchecked.split(' (')[0]).toBe('لم تُطابَق بعدُ مع الصفحة قيمتان مقروءتان من 3 مستندات ضمن ما سيُرسَل');
  });

  it('holds every word of every screen: no component writes words of its own', () => {
    const own = Object.entries(literalCounts()).map(([f, n]) => `${f}: ${n} strings outside the catalogue: ${literalStrings(path.join(ROOT, f)).slice(0, 5).join(' | ')}`);
    expect(own).toEqual([]);
  });

  it('finds the words a file writes itself, and not those it takes from the catalogue', () => {
    const file = path.join(ROOT, 'tests', 'unit', 'window-strings.fixture.tsx');
    expect(literalStrings(file)).toEqual(['Import files…', '"Search records"', "'Find a patient'", '`Open ${name}`', "'Unlocking…'"]);
  });
});
