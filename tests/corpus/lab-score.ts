/**
 * Reads generated lab reports back through the import's own path (pdf.js text runs, then the table
 * reader) and scores every value against the truth it was written from.
 */
import path from 'node:path';
import { readPdfText } from '../../electron/media/pdf-text.ts';
import { parseFlag } from '../../electron/labs/normalize.ts';
import { readLabTables } from '../../electron/labs/pdf-table.ts';
import type { LabInput } from '../../electron/labs/normalize.ts';
import { writeLabReport } from './lab-reports.ts';
import type { LabLayout, LabReport, LabRow } from './lab-reports.ts';

export interface LabScore {
  readonly layout: LabLayout;
  readonly rows: number;
  /** Rows read with analyte, value, unit, range and flag all right. */
  readonly exact: number;
  /** Values read that are not rows of the report. */
  readonly invented: number;
  readonly misses: string[];
}

const same = (truth: LabRow, read: LabInput) =>
  read.analyte === truth.name && String(read.value) === truth.value && (read.unit ?? '') === truth.unit && (typeof read.range === 'string' ? read.range : '') === truth.range && parseFlag(read.flag) === parseFlag(truth.flag);

export async function scoreLabReports(reports: readonly LabReport[], dir: string): Promise<LabScore[]> {
  const scores = new Map<LabLayout, { rows: number; exact: number; invented: number; misses: string[] }>();
  for (const [i, report] of reports.entries()) {
    const file = path.join(dir, `${report.layout}-${i}.pdf`);
    await writeLabReport(report, file);
    const text = await readPdfText(file);
    if ('code' in text) throw new Error(text.reason);
    const read = readLabTables(text.pageRuns, { date: report.collected, lab: null });
    const score = scores.get(report.layout) ?? { rows: 0, exact: 0, invented: 0, misses: [] };
    scores.set(report.layout, score);
    const left = [...read];
    for (const truth of report.rows) {
      score.rows++;
      const at = left.findIndex((r) => same(truth, r));
      if (at >= 0) {
        score.exact++;
        left.splice(at, 1);
      } else score.misses.push(`${path.basename(file)}: ${JSON.stringify(truth)} read as ${JSON.stringify(left.find((r) => r.analyte === truth.name) ?? null)}`);
    }
    // What is left was read but is no row of the report.
    score.invented += left.filter((r) => !report.rows.some((t) => t.name === r.analyte && t.value === String(r.value))).length;
  }
  return [...scores].map(([layout, s]) => ({ layout, ...s }));
}
