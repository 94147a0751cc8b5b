/**
 * The packet's catalogues: every language has every message of the English source, each parses as ICU
 * MessageFormat, takes the same values as the English (a translation that drops "{date}" would print a
 * sentence without its date), and its plurals say both one and many.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { PACKET_CATALOGUES, packetText } from '../../../electron/export/i18n/index.ts';
import { PACKET_LANGUAGES } from '../../../shared/export-types.ts';

interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
}

/** The values a message takes, and the choices its plurals and selects offer, from intl-messageformat's own parse. */
function shape(message: string, locale: string): { values: string[]; plurals: string[][]; selects: string[][] } {
  const out = { values: new Set<string>(), plurals: [] as string[][], selects: [] as string[][] };
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.value !== undefined && e.type >= 1 && e.type <= 6) out.values.add(e.value);
      if (e.options) {
        (e.type === 6 ? out.plurals : out.selects).push(Object.keys(e.options).sort());
        for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as Element[]);
  return { values: [...out.values].sort(), plurals: out.plurals, selects: out.selects };
}

describe("the packet's catalogues", () => {
  const english = PACKET_CATALOGUES.en;
  for (const language of PACKET_LANGUAGES) {
    it(`${language}: has every message, each taking the values the English takes`, () => {
      const catalogue = PACKET_CATALOGUES[language];
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(catalogue)) {
        expect(message.trim(), key).not.toBe('');
        const mine = shape(message, language);
        const source = shape(english[key as keyof typeof english], 'en');
        expect(mine.values, key).toEqual(source.values);
        expect(mine.selects, key).toEqual(source.selects);
        // Every plural says the many; English and Spanish both also say the one.
        for (const options of mine.plurals) expect(options, key).toContain('other');
        for (const options of mine.plurals) expect(options.some((o) => o === 'one' || o === '=1' || o === '=0'), key).toBe(true);
      }
    });
  }

  it('formats numbers, plurals, lists and dates as each language writes them', () => {
    const en = packetText('en');
    const es = packetText('es');
    expect(en.t('cover.prepared', { date: en.date('2026-09-14'), documents: 1 })).toMatch(/^14 Sep 2026, .* 1 document enclosed;/);
    expect(es.t('cover.prepared', { date: es.date('2026-09-14'), documents: 5 })).toMatch(/^14 sept 2026, .* 5 documentos adjuntos;/);
    expect(en.t('timeline.earliestLeftOut', { entries: 1 })).toBe('The earliest entry is in the index of enclosed documents.');
    expect(es.t('timeline.earliestLeftOut', { entries: 3 })).toBe('Las 3 entradas más antiguas están en el índice de documentos adjuntos.');
    expect(es.t('timeline.labs', { values: 4, outOfRange: 0 })).toBe('Resultados de laboratorio: 4 valores');
    expect(es.t('timeline.labs', { values: 1, outOfRange: 1 })).toBe('Resultados de laboratorio: 1 valor, 1 fuera de rango');
    expect(es.studyTitle(null, ['MR', 'CT', 'SR'])).toBe('Estudio de RM y TC');
    expect(en.studyTitle(null, ['MR', 'CT'])).toBe('MRI and CT scan study');
    expect(es.modality('ZZ')).toBe('ZZ');
    expect(es.languageName('en')).toBe('inglés');
    expect(en.languageName('fa')).toBe('Persian');
  });
});
