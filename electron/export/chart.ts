/**
 * A small trend chart of one lab test, drawn as vectors (lines, a shaded reference band, points): sharp
 * at any zoom and in print. Out-of-range values are red.
 */
import { rgb } from '@cantoo/pdf-lib';
import type { PDFPage } from '@cantoo/pdf-lib';
import type { PacketText } from './i18n/index.ts';
import type { LabResult } from '../../shared/records-types.ts';
import type { FontSet } from '../media/fonts.ts';
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

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Where a trend's points and reference bands go in its plot. The value axis spans the values shown (a
 * range far from them is cut at the plot's edge rather than squeezing the values into a line); each
 * value's own reference range (labs and years differ) is shaded from halfway to the value before it to
 * halfway to the value after it. `labs` are in date order, each with a number and a date.
 */
export function chartGeometry(
  labs: readonly LabResult[],
  plot: Box,
): { points: { x: number; y: number }[]; bands: { x: number; y: number; width: number; height: number }[]; axis: { lo: number; hi: number; y: (v: number) => number } } {
  const values = labs.map((l) => l.value.number!);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo -= Math.abs(lo) * 0.1 || 1;
  }
  const pad = (hi - lo) * 0.12;
  lo -= pad;
  hi += pad;
  const times = labs.map((l) => Date.parse(`${l.date}T00:00:00Z`));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const xOf = (t: number) => (t1 === t0 ? plot.x + plot.w / 2 : plot.x + ((t - t0) / (t1 - t0)) * plot.w);
  const yOf = (v: number) => plot.y + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * plot.h;
  const points = labs.map((_, i) => ({ x: xOf(times[i]!), y: yOf(values[i]!) }));
  const bands = labs.flatMap((lab, i) => {
    const range = lab.range;
    if (!range || (range.low === null && range.high === null)) return [];
    const x = points[i]!.x;
    const left = i === 0 ? plot.x : (x + points[i - 1]!.x) / 2;
    const right = i === labs.length - 1 ? plot.x + plot.w : (x + points[i + 1]!.x) / 2;
    const low = yOf(range.low ?? lo);
    const high = yOf(range.high ?? hi);
    return high > low && right > left ? [{ x: left, y: low, width: right - left, height: high - low }] : [];
  });
  return { points, bands, axis: { lo, hi, y: yOf } };
}

export function trendChart(page: PDFPage, fonts: FontSet, x: PacketText, chart: { x: number; top: number; title: string; unit: string; labs: readonly LabResult[] }): void {
  const labs = [...chart.labs].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const title = fit(fonts, chart.unit ? `${chart.title} (${chart.unit})` : chart.title, 8.5, CHART.width - 6, 700);
  drawLine(page, fonts, title, chart.x, chart.top - 9, { size: 8.5, weight: 700 });

  const plot = { x: chart.x + 30, y: chart.top - CHART.height + 22, w: CHART.width - 40, h: CHART.height - 44 };
  const { points, bands, axis } = chartGeometry(labs, plot);
  const values = labs.map((l) => l.value.number!);
  const yOf = axis.y;
  page.drawRectangle({ x: plot.x, y: plot.y, width: plot.w, height: plot.h, borderColor: RULE, borderWidth: 0.5 });
  for (const band of bands) page.drawRectangle({ ...band, color: rgb(0.86, 0.93, 0.88) });
  for (let i = 1; i < points.length; i++) page.drawLine({ start: points[i - 1]!, end: points[i]!, thickness: 1.1, color: ACCENT });
  labs.forEach((lab, i) => {
    const color = lab.flag ? ALERT : ACCENT;
    const { x, y } = points[i]!;
    // A value not yet checked against its report is drawn hollow.
    if (lab.confirmed) page.drawCircle({ x, y, size: 2, color });
    else page.drawCircle({ x, y, size: 2.2, color: rgb(1, 1, 1), borderColor: color, borderWidth: 0.9 });
  });
  const label = (text: string, x: number, y: number, align: 'left' | 'right' | 'center' = 'left') => {
    const w = fonts.width(text, 6.5);
    const dx = align === 'right' ? -w : align === 'center' ? -w / 2 : 0;
    drawLine(page, fonts, text, x + dx, y, { size: 6.5, color: MUTED });
  };
  label(short(Math.max(...values)), plot.x - 3, yOf(Math.max(...values)) - 2, 'right');
  label(short(Math.min(...values)), plot.x - 3, yOf(Math.min(...values)) - 2, 'right');
  label(x.date(labs[0]!.date!), plot.x, plot.y - 9);
  label(x.date(labs.at(-1)!.date!), plot.x + plot.w, plot.y - 9, 'right');
  const last = labs.at(-1)!;
  const latest = { value: valueText(last), count: labs.length, flag: last.flag };
  drawLine(page, fonts, x.t(last.flag ? 'labs.chartLatestFlag' : 'labs.chartLatest', latest), chart.x, plot.y - 19, { size: 6.5, color: last.flag ? ALERT : INK });
}
