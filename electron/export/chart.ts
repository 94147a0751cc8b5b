/**
 * A small trend chart of one lab test, drawn as vectors (lines, a shaded reference band, points): sharp
 * at any zoom and in print. Out-of-range values are red.
 */
import { rgb } from '@cantoo/pdf-lib';
import type { PDFPage } from '@cantoo/pdf-lib';
import { formatDate } from '../../shared/format.ts';
import type { LabResult } from '../../shared/records-types.ts';
import type { FontSet } from './fonts.ts';
import { ACCENT, ALERT, INK, MUTED, RULE, drawLine, fit } from './layout.ts';

/**
 * A value as the packet prints it: as the source wrote it, except machine-written numbers with more
 * decimals than any lab prints (185.1961579566546 from a FHIR download), shown to two decimals.
 */
export function valueText(lab: LabResult): string {
  const printed = lab.value.printed.trim();
  if (lab.value.number !== null && /^-?\d+\.\d{4,}$/.test(printed)) return String(Number(lab.value.number.toFixed(2)));
  return printed;
}

export const CHART = { width: 156, height: 118 } as const;

function short(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(n.toFixed(digits)));
}

export function trendChart(page: PDFPage, fonts: FontSet, chart: { x: number; top: number; title: string; unit: string; labs: readonly LabResult[] }): void {
  const labs = [...chart.labs].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const title = fit(fonts, chart.unit ? `${chart.title} (${chart.unit})` : chart.title, 8.5, CHART.width - 6, 700);
  drawLine(page, fonts, title, chart.x, chart.top - 9, { size: 8.5, weight: 700 });

  const plot = { x: chart.x + 30, y: chart.top - CHART.height + 22, w: CHART.width - 40, h: CHART.height - 44 };
  const values = labs.map((l) => l.value.number!);
  const range = labs.find((l) => l.range && (l.range.low !== null || l.range.high !== null))?.range ?? null;
  const all = [...values, ...(range?.low != null ? [range.low] : []), ...(range?.high != null ? [range.high] : [])];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo -= Math.abs(lo) * 0.1 || 1;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const times = labs.map((l) => Date.parse(`${l.date}T00:00:00Z`));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const xOf = (t: number) => (t1 === t0 ? plot.x + plot.w / 2 : plot.x + ((t - t0) / (t1 - t0)) * plot.w);
  const yOf = (v: number) => plot.y + ((v - lo) / (hi - lo)) * plot.h;

  page.drawRectangle({ x: plot.x, y: plot.y, width: plot.w, height: plot.h, borderColor: RULE, borderWidth: 0.5 });
  if (range && (range.low !== null || range.high !== null)) {
    const bandLow = yOf(Math.max(lo, range.low ?? lo));
    const bandHigh = yOf(Math.min(hi, range.high ?? hi));
    page.drawRectangle({ x: plot.x, y: bandLow, width: plot.w, height: Math.max(0, bandHigh - bandLow), color: rgb(0.86, 0.93, 0.88) });
  }
  for (let i = 1; i < labs.length; i++) {
    page.drawLine({ start: { x: xOf(times[i - 1]!), y: yOf(values[i - 1]!) }, end: { x: xOf(times[i]!), y: yOf(values[i]!) }, thickness: 1.1, color: ACCENT });
  }
  labs.forEach((lab, i) => {
    page.drawCircle({ x: xOf(times[i]!), y: yOf(values[i]!), size: 2, color: lab.flag ? ALERT : ACCENT });
  });
  const label = (text: string, x: number, y: number, align: 'left' | 'right' | 'center' = 'left') => {
    const w = fonts.width(text, 6.5);
    const dx = align === 'right' ? -w : align === 'center' ? -w / 2 : 0;
    drawLine(page, fonts, text, x + dx, y, { size: 6.5, color: MUTED });
  };
  label(short(Math.max(...values)), plot.x - 3, yOf(Math.max(...values)) - 2, 'right');
  label(short(Math.min(...values)), plot.x - 3, yOf(Math.min(...values)) - 2, 'right');
  label(formatDate(labs[0]!.date), plot.x, plot.y - 9);
  label(formatDate(labs.at(-1)!.date), plot.x + plot.w, plot.y - 9, 'right');
  const last = labs.at(-1)!;
  drawLine(page, fonts, `Latest ${valueText(last)}${last.flag ? ` (${last.flag})` : ''} · ${labs.length} values`, chart.x, plot.y - 19, { size: 6.5, color: last.flag ? ALERT : INK });
}
