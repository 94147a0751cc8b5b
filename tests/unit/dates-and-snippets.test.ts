import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDate } from '../../shared/dates.ts';
import { MATCH_END, MATCH_START, snippetParts, snippetWithStars } from '../../shared/snippet.ts';

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
