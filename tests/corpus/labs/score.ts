/**
 * Reads the lab corpus (tests/fixtures/lab-corpus) through the import's own path (pdf.js text runs,
 * then the lab reader) and scores every value against its truth: exact when the test's name, the
 * value, the unit, the range and the date are as printed and the flag means what the printed one
 * means; anything read that is not a row of the report is invented.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readPdfText } from '../../../electron/media/pdf-text.ts';
import { parseFlag } from '../../../electron/labs/normalize.ts';
import type { LabInput } from '../../../electron/labs/normalize.ts';
import { readLabTables } from '../../../electron/labs/pdf-table.ts';
import type { CorpusEntry } from './build.ts';
import { CORPUS_DIR } from './build.ts';
import type { PrintedRow } from './layouts.ts';

export interface LayoutScore {
  readonly part: 'tuning' | 'blind';
  readonly layout: string;
  readonly renderer: string;
  readonly reports: number;
  readonly rows: number;
  readonly exact: number;
  readonly invented: number;
  readonly misses: string[];
}

export function corpusEntries(): CorpusEntry[] {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'truth.json'), 'utf8')) as CorpusEntry[];
}

const same = (truth: PrintedRow, read: LabInput) =>
  read.analyte === truth.name &&
  String(read.value) === truth.value &&
  (read.unit ?? '') === truth.unit &&
  // A range is the same whether printed "3.4-10.8" or "3.4 - 10.8".
  (typeof read.range === 'string' ? read.range : '').replace(/\s+/g, '') === truth.range.replace(/\s+/g, '') &&
  parseFlag(read.flag) === parseFlag(truth.flag) &&
  read.date === truth.date;

/** Each layout of each part: rows on the pages, rows read exactly, values read that are no row. */
export async function scoreLabCorpus(part?: 'tuning' | 'blind', context: { date: string | null } = { date: null }): Promise<LayoutScore[]> {
  const scores = new Map<string, { part: 'tuning' | 'blind'; layout: string; renderer: string; reports: number; rows: number; exact: number; invented: number; misses: string[] }>();
  for (const entry of corpusEntries().filter((e) => !part || e.part === part)) {
    const text = await readPdfText(path.join(CORPUS_DIR, entry.file));
    if ('code' in text) throw new Error(`${entry.file}: ${text.reason}`);
    const read = readLabTables(text.pageRuns, { date: context.date, lab: null, reference: new Date('2026-06-01') });
    const key = `${entry.part}|${entry.layout}`;
    const score = scores.get(key) ?? { part: entry.part, layout: entry.layout, renderer: entry.renderer, reports: 0, rows: 0, exact: 0, invented: 0, misses: [] };
    scores.set(key, score);
    score.reports++;
    const left = [...read];
    for (const truth of entry.rows) {
      score.rows++;
      const at = left.findIndex((r) => same(truth, r));
      if (at >= 0) {
        score.exact++;
        left.splice(at, 1);
      } else {
        const near = left.find((r) => r.analyte === truth.name) ?? null;
        score.misses.push(`${entry.file}: ${JSON.stringify(truth)} read as ${JSON.stringify(near && { ...near, page: undefined })}`);
      }
    }
    const invented = left.filter((r) => !entry.rows.some((t) => t.name === r.analyte && t.value === String(r.value)));
    score.invented += invented.length;
    for (const r of invented) score.misses.push(`${entry.file}: invented ${JSON.stringify(r)}`);
  }
  return [...scores.values()];
}

if (process.argv[1]?.endsWith('score.ts')) {
  const part = (process.argv[2] as 'tuning' | 'blind' | undefined) ?? 'tuning';
  for (const s of await scoreLabCorpus(part)) {
    console.log(`${s.part} ${s.layout} (${s.renderer}): ${s.exact}/${s.rows} exact, ${s.invented} invented`);
    if (process.argv.includes('--misses')) for (const m of s.misses.slice(0, 12)) console.log(`   ${m}`);
  }
}
