import { describe, expect, it } from 'vitest';
import { scoreLabCorpus } from '../corpus/labs/score.ts';

/**
 * The lab reader on reports written by other programs than Casebinder's (Chromium, WeasyPrint,
 * LibreOffice, groff, enscript, pdf-lib) in eight layouts: every value exact (name, value, unit,
 * range, flag and the collection date, never the printing date), and nothing read that is not there.
 */
describe('lab reports in any layout', () => {
  it('reads every value of the tuning part exactly, and nothing else', async () => {
    const scores = await scoreLabCorpus('tuning');
    expect(scores.length).toBeGreaterThanOrEqual(7);
    for (const score of scores) {
      expect(score.misses, `${score.layout} (${score.renderer})`).toEqual([]);
      expect(score.exact, score.layout).toBe(score.rows);
    }
  });

  it('reads at least 98% of the blind part exactly in every layout, inventing nothing', async () => {
    const scores = await scoreLabCorpus('blind');
    expect(scores.map((s) => s.layout).sort()).toEqual(
      ['hospital-appended-flag', 'monospace-printout', 'one-line-per-result', 'portal-cards', 'portal-printout', 'range-before-units', 'reference-lab', 'typeset-tbl'],
    );
    for (const score of scores) {
      expect(score.invented, `${score.layout}: ${score.misses.join('\n')}`).toBe(0);
      expect(score.exact / score.rows, `${score.layout}: ${score.misses.join('\n')}`).toBeGreaterThanOrEqual(0.98);
    }
  });
});
