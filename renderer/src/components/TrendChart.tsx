import type { LabResult } from '../../../shared/records-types.ts';
import { formatDate, formatUnit } from '../format.ts';
import { useT } from '../i18n/index.ts';
import './TrendChart.css';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 56, right: 16, top: 16, bottom: 40 };

/** A number with no more digits than it needs. */
function tick(n: number): string {
  return Number(n.toPrecision(3)).toString();
}

/**
 * One test's values over time, in one unit, with the reference range as a band: what a specialist
 * looks at first. Values outside the range are drawn as filled marks; the table beside it has every
 * number, so the chart is described in words for screen readers.
 */
export function TrendChart({ results, unit }: { results: readonly LabResult[]; unit: string | null }) {
  const points = results
    .filter((r) => r.value.number !== null && r.date && r.unit === unit)
    .map((r) => ({ t: Date.parse(r.date!), v: r.value.number!, r }))
    .sort((a, b) => a.t - b.t);
  const tr = useT();
  if (points.length === 0) return <p className="empty">{tr.t('trend.none')}</p>;
  const low = points.map((p) => p.r.range?.low).find((n): n is number => typeof n === 'number') ?? null;
  const high = points.map((p) => p.r.range?.high).find((n): n is number => typeof n === 'number') ?? null;
  const values = [...points.map((p) => p.v), ...(low !== null ? [low] : []), ...(high !== null ? [high] : [])];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  // Round steps (1, 2 or 5 times a power of ten) that take in every value and the range.
  const rough = (max - min) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  // Lab values are rarely negative: the axis does not go below zero for them.
  min = Math.floor(min / step) * step;
  if (points.every((p) => p.v >= 0)) min = Math.max(0, min);
  max = Math.ceil(max / step) * step;
  const t0 = points[0]!.t;
  const t1 = points.at(-1)!.t === t0 ? t0 + 86_400_000 : points.at(-1)!.t;
  const span = WIDTH - PAD.left - PAD.right;
  // A single value sits in the middle; several spread over the time they cover.
  const x = (t: number) => (points.length === 1 ? PAD.left + span / 2 : PAD.left + ((t - t0) / (t1 - t0)) * span);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = Array.from({ length: Math.round((max - min) / step) + 1 }, (_, i) => min + step * i);
  const describe = tr.t('trend.describe', {
    count: points.length,
    first: formatDate(points[0]!.r.date!),
    last: formatDate(points.at(-1)!.r.date!),
    min: tick(Math.min(...points.map((p) => p.v))),
    max: tick(Math.max(...points.map((p) => p.v))),
    unit: unit ? formatUnit(unit) : 'none',
    range: low !== null || high !== null ? 'yes' : 'no',
    low: low ?? '…',
    high: high ?? '…',
    outside: points.filter((p) => p.r.flag).length,
  });
  return (
    <svg className="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={tr.t('trend.label', { describe })}>
      {(low !== null || high !== null) && (
        <rect
          className="trend-band"
          x={PAD.left}
          width={WIDTH - PAD.left - PAD.right}
          y={y(high ?? max)}
          height={Math.max(0, y(low ?? min) - y(high ?? max))}
        />
      )}
      {ticks.map((v) => (
        <g key={v}>
          <line className="trend-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="trend-axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {tick(v)}
          </text>
        </g>
      ))}
      <text className="trend-axis" x={points.length === 1 ? PAD.left + span / 2 : PAD.left} y={HEIGHT - 12} textAnchor={points.length === 1 ? 'middle' : 'start'}>
        {formatDate(points[0]!.r.date!)}
      </text>
      {points.length > 1 && (
        <text className="trend-axis" x={WIDTH - PAD.right} y={HEIGHT - 12} textAnchor="end">
          {formatDate(points.at(-1)!.r.date!)}
        </text>
      )}
      <polyline className="trend-line" points={points.map((p) => `${x(p.t)},${y(p.v)}`).join(' ')} />
      {points.map((p) => (
        <circle key={p.r.id} className={p.r.flag ? 'trend-point out' : 'trend-point'} cx={x(p.t)} cy={y(p.v)} r={p.r.flag ? 5 : 4}>
          <title>{[formatDate(p.r.date!) + ':', p.r.value.printed, p.r.unitAsPrinted, p.r.flag ? '(' + p.r.flag + ')' : null].filter(Boolean).join(' ')}</title>
        </circle>
      ))}
    </svg>
  );
}
