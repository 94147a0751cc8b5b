import { describe, expect, it } from 'vitest';
import { chartGeometry } from '../../../electron/export/chart.ts';
import type { LabResult } from '../../../shared/records-types.ts';

const lab = (date: string, value: number, range: { low: number | null; high: number | null } | null, confirmed = true): LabResult => ({
  id: 1, patientId: 1, analyte: 'Sodium', analyteAsPrinted: 'Sodium', loinc: null,
  value: { number: value, comparator: null, text: null, printed: String(value) },
  unit: 'mmol/L', unitAsPrinted: 'mmol/L', range: range && { ...range, text: `${range.low}-${range.high}` },
  flag: '', date, lab: null, source: { documentId: 1, page: 1 }, origin: 'pdf', confirmed, heldBack: null,
});

const plot = { x: 0, y: 0, w: 100, h: 100 };

describe('a trend chart in the packet', () => {
  it('spans the values shown, not a reference range far from them', () => {
    const { axis, points } = chartGeometry([lab('2024-01-01', 139, { low: 10, high: 500 }), lab('2024-06-01', 141, { low: 10, high: 500 })], plot);
    expect(axis.lo).toBeGreaterThan(138);
    expect(axis.hi).toBeLessThan(142);
    // The two values sit well apart on the plot, not squeezed into one line by the range.
    expect(Math.abs(points[1]!.y - points[0]!.y)).toBeGreaterThan(50);
  });

  it('shades each value\'s own range, each over its part of the time axis', () => {
    const { bands, points, axis } = chartGeometry(
      [lab('2024-01-01', 134, { low: 135, high: 145 }), lab('2024-07-01', 146, { low: 138, high: 148 }), lab('2025-01-01', 140, null)],
      plot,
    );
    expect(bands).toHaveLength(2);
    // The first value's band runs from the plot's start to halfway to the second; the second's on to halfway to the third.
    expect(bands[0]!.x).toBe(0);
    expect(bands[0]!.x + bands[0]!.width).toBeCloseTo((points[0]!.x + points[1]!.x) / 2);
    expect(bands[1]!.x).toBeCloseTo((points[0]!.x + points[1]!.x) / 2);
    expect(bands[1]!.x + bands[1]!.width).toBeCloseTo((points[1]!.x + points[2]!.x) / 2);
    // Each band is its own range (clipped to the plot), so the second starts higher than the first.
    expect(bands[1]!.y).toBeGreaterThan(bands[0]!.y);
    expect(bands[0]!.y).toBeCloseTo(axis.y(135));
  });
});
