/**
 * The packet's catalogues: every language has every message of the English source, each parses as ICU
 * MessageFormat and takes the same values as the English (a translation that drops "{date}" would print
 * a sentence without its date).
 */
import { describe, expect, it } from 'vitest';
import { PACKET_CATALOGUES, packetText } from '../../../electron/export/i18n/index.ts';
import { PACKET_LANGUAGES } from '../../../shared/export-types.ts';
import { catalogueProblems } from '../../helpers/icu.ts';

describe("the packet's catalogues", () => {
  for (const language of PACKET_LANGUAGES) {
    it(`${language}: has every message, each taking the values the English takes`, () => {
      expect(catalogueProblems(PACKET_CATALOGUES.en, PACKET_CATALOGUES[language], language)).toEqual([]);
    });
  }

  it('finds a translation that lost a value, a key or a choice', () => {
    const source = { a: 'Born {date}', b: '{n, plural, one {# file} other {# files}}', c: '{x, select, yes {Y} other {N}}' };
    expect(catalogueProblems(source, { a: 'Nacido', b: '{n, plural, one {# archivo} other {# archivos}}', c: '{x, select, si {S} other {N}}' }, 'es')).toEqual([
      'a: takes nothing, the source date',
      "c: its choices differ from the source's",
    ]);
    expect(catalogueProblems(source, { a: 'Nacido {date}', c: '{x, select, yes {S} other {N}}' }, 'es')).toEqual(['b: missing']);
  });

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
