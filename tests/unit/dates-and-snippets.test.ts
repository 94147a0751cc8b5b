import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDate } from '../../shared/dates.ts';
import { MATCH_END, MATCH_START, matchCount, snippetAround, snippetParts, snippetWithStars } from '../../shared/snippet.ts';

describe('dates', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-3-1')).toBe(false);
    expect(isIsoDate('03/14/2024')).toBe(false);
    expect(isoDate(2024, 3, 14)).toBe('2024-03-14');
    expect(isoDate(2024, 4, 31)).toBeNull();
  });
});

describe('snippets', () => {
  const s = `…total ${MATCH_START}PSA${MATCH_END} 4.1 and ${MATCH_START}psa${MATCH_END}`;
  it('splits into plain and matched runs', () => {
    expect(snippetParts(s)).toEqual([
      { text: '…total ', match: false },
      { text: 'PSA', match: true },
      { text: ' 4.1 and ', match: false },
      { text: 'psa', match: true },
    ]);
  });
  it('marks matches with ** for terminals and JSON', () => {
    expect(snippetWithStars(s)).toBe('…total **PSA** 4.1 and **psa**');
  });
});

describe('cutting a snippet around the matches', () => {
  const m = (s: string) => `${MATCH_START}${s}${MATCH_END}`;
  it('keeps punctuation with its word and marks only the match', () => {
    expect(snippetWithStars(snippetAround(`TEST RESULT ${m('PSA')}, ${m('TOTAL')} 7.6 ng/mL`))).toBe('TEST RESULT **PSA**, **TOTAL** 7.6 ng/mL');
  });

  it('chooses the window with the most matches and says where text was left out', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    words[30] = m('creatinine');
    words[32] = m('creatinine');
    words[5] = m('creatinine');
    const snippet = snippetWithStars(snippetAround(words.join(' '), 10));
    expect(snippet).toMatch(/^…w27 w28 w29 \*\*creatinine\*\* w31 \*\*creatinine\*\*/);
    expect(snippet.endsWith('…')).toBe(true);
    expect(matchCount(words.join(' '))).toBe(3);
  });

  it('merges adjacent matched words into one marked phrase', () => {
    expect(snippetWithStars(snippetAround(`Accession ${m('S24')}-${m('1187')} and ${m('back')} ${m('pain')}`))).toBe('Accession **S24**-**1187** and **back pain**');
  });
});

describe('snippets from long pages', () => {
  it('reads only around the first match, and says text was left out on both sides', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const page = `${filler(500)} ${MATCH_START}back pain${MATCH_END} radiating ${filler(500)}`;
    const snippet = snippetWithStars(snippetAround(page));
    expect(snippet).toMatch(/^…word497 word498 word499 \*\*back pain\*\* radiating word0/);
    expect(snippet.endsWith('…')).toBe(true);
  });
});
