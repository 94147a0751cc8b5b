/**
 * One lab result as a source gives it (printed name, value, unit, range, flag, date) made into the
 * library's form: the curated test and its LOINC code, the value as a number with its comparator or
 * as text, the unit in UCUM, converted to the test's usual unit where that is exact, the range as
 * numbers, and the flag. Nothing is guessed: what does not parse stays as printed.
 */
import type { IsoDate } from '../../shared/dates.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { Comparator, LabCorrection, LabFlag, LabResult, LabValue, NormalizedLab, ReferenceRange, RecordOrigin } from '../../shared/records-types.ts';
import { analyteKey, findTest } from './loinc-table.ts';
import { convert, toUcum } from './units.ts';

/** A result as read from its source, before normalising. */
export interface LabInput {
  readonly analyte: string;
  readonly loinc?: string | null;
  /** The value as printed ("7.6", "<0.5", "Negative"), or a number from structured data. */
  readonly value: string | number;
  readonly unit?: string | null;
  readonly range?: string | { readonly low?: number | null; readonly high?: number | null; readonly text?: string | null } | null;
  /** The flag as printed or coded ("H", "High", "critical", FHIR/HL7 interpretation codes). */
  readonly flag?: string | null;
  readonly date?: IsoDate | null;
  readonly lab?: string | null;
  readonly page?: number | null;
}


const NUMBER = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+`;
const VALUE = new RegExp(String.raw`^(<=|>=|≤|≥|<|>)?\s*(${NUMBER})$`);

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

export function parseValue(value: string | number): LabValue {
  if (typeof value === 'number') return { number: value, comparator: null, text: null, printed: String(value) };
  const printed = value.trim();
  const m = VALUE.exec(printed.replace(/\s+/g, ' '));
  if (!m) return { number: null, comparator: null, text: printed, printed };
  const comparator = ({ '≤': '<=', '≥': '>=' } as Record<string, Comparator>)[m[1] ?? ''] ?? ((m[1] as Comparator | undefined) ?? null);
  return { number: toNumber(m[2]!), comparator, text: null, printed };
}

export function parseRange(range: LabInput['range']): ReferenceRange | null {
  if (range === null || range === undefined) return null;
  if (typeof range !== 'string') {
    const low = range.low ?? null;
    const high = range.high ?? null;
    const text = range.text?.trim() || (low !== null && high !== null ? `${low}-${high}` : low !== null ? `>=${low}` : high !== null ? `<=${high}` : '');
    return text || low !== null || high !== null ? { low, high, text } : null;
  }
  const text = range.trim();
  if (!text) return null;
  // Quest writes "> OR = 60" for ">=60".
  const spelled = text.replace(/^([<>])\s*OR\s*=\s*/i, '$1=');
  if (spelled !== text) {
    const parsed = parseRange(spelled);
    return parsed && { ...parsed, text };
  }
  const between = new RegExp(String.raw`^(${NUMBER})\s*(?:-|–|to)\s*(${NUMBER})$`).exec(text);
  if (between) return { low: toNumber(between[1]!), high: toNumber(between[2]!), text };
  const bound = new RegExp(String.raw`^(<=|>=|≤|≥|<|>)\s*(${NUMBER})$`).exec(text);
  if (bound) {
    const n = toNumber(bound[2]!);
    return /[<≤]/.test(bound[1]!) ? { low: null, high: n, text } : { low: n, high: null, text };
  }
  return { low: null, high: null, text };
}

/** Flags as labs print them and as HL7 codes them (v2 table 0078 / FHIR ObservationInterpretation). */
export function parseFlag(flag: string | null | undefined): LabFlag {
  const f = (flag ?? '').trim().toUpperCase().replace(/[^A-Z*!]/g, '');
  if (!f || f === 'N' || f === 'NORMAL') return '';
  if (['HH', 'H*', 'CH', 'CRITH', 'CRITICALHIGH', 'HIGHCRITICAL', 'PANICHIGH', 'H!'].includes(f)) return 'HH';
  if (['LL', 'L*', 'CL', 'CRITL', 'CRITICALLOW', 'LOWCRITICAL', 'PANICLOW', 'L!'].includes(f)) return 'LL';
  if (['H', 'HI', 'HIGH', 'ABOVEHIGHNORMAL', 'HU'].includes(f)) return 'H';
  if (['L', 'LO', 'LOW', 'BELOWLOWNORMAL', 'LU'].includes(f)) return 'L';
  if (['A', 'AA', 'ABN', 'ABNORMAL', 'CRITICAL', 'C', 'POS', 'POSITIVE', 'DET', 'DETECTED'].includes(f)) return 'A';
  return '';
}

/**
 * The flag a structured source left out, from the value and its range: only for a plain number
 * against a numeric range (a lab's own flag always wins; critical limits are not in the range).
 */
function flagFromRange(value: LabValue, range: ReferenceRange | null): LabFlag {
  if (value.number === null || value.comparator !== null || !range) return '';
  if (range.high !== null && value.number > range.high) return 'H';
  if (range.low !== null && value.number < range.low) return 'L';
  return '';
}

function scaleRange(range: ReferenceRange | null, scale: (n: number) => number | null): ReferenceRange | null {
  if (!range) return null;
  const low = range.low === null ? null : scale(range.low);
  const high = range.high === null ? null : scale(range.high);
  if ((range.low !== null && low === null) || (range.high !== null && high === null)) return range;
  return { ...range, low, high };
}

export function normalizeLab(input: LabInput, origin: RecordOrigin): NormalizedLab {
  const analyteAsPrinted = input.analyte.replace(/\s+/g, ' ').trim();
  const test = findTest(input.loinc, analyteAsPrinted);
  const unitAsPrinted = input.unit?.trim() || null;
  let unit = toUcum(unitAsPrinted);
  let value = parseValue(input.value);
  let range = parseRange(input.range);
  // Into the test's usual unit when the conversion is exact, so its values trend on one axis.
  if (test && unit && unit !== test.unit && value.number !== null) {
    const from = unit;
    const moved = convert(value.number, from, test.unit, test.valence);
    if (moved !== null) {
      value = { ...value, number: moved };
      range = scaleRange(range, (n) => convert(n, from, test.unit, test.valence));
      unit = test.unit;
    }
  }
  const printedFlag = parseFlag(input.flag);
  const lab = {
    analyte: test?.name ?? analyteAsPrinted,
    analyteAsPrinted,
    loinc: input.loinc?.trim() || test?.loinc || null,
    value,
    unit,
    unitAsPrinted,
    range,
    flag: input.flag ? printedFlag : origin === 'pdf' ? '' : flagFromRange(value, range),
    date: input.date ?? null,
    lab: input.lab?.trim() || null,
    page: input.page ?? null,
    origin,
  };
  return { ...lab, fingerprint: labFingerprint(lab) };
}

/** The same result, whatever download it came in: the test, the day, the value and its unit. */
function labFingerprint(lab: Pick<NormalizedLab, 'loinc' | 'analyte' | 'date' | 'value' | 'unit'>): string {
  const test = lab.loinc ?? `name:${analyteKey(lab.analyte)}`;
  const value = lab.value.number !== null ? `${lab.value.comparator ?? ''}${lab.value.number}` : (lab.value.text ?? '').toLowerCase();
  return [test, lab.date?.slice(0, 10) ?? '', value, lab.unit ?? ''].join('|');
}

/**
 * A value read from a PDF as the person corrected it against the page: what they typed replaces
 * what was read, and the whole is normalised again (a new name finds its own test and code).
 */
export function correctedLab(before: LabResult, correction: LabCorrection): NormalizedLab {
  const fixed = normalizeLab(
    {
      analyte: correction.analyte ?? before.analyteAsPrinted,
      loinc: correction.analyte && correction.analyte !== before.analyteAsPrinted ? null : before.loinc,
      value: correction.value ?? before.value.printed,
      unit: correction.unit !== undefined ? correction.unit : before.unitAsPrinted,
      range: correction.range !== undefined ? correction.range : (before.range?.text ?? null),
      flag: correction.flag !== undefined ? correction.flag : before.flag,
      date: correction.date !== undefined ? correction.date : before.date,
      lab: before.lab,
      page: before.source.page,
    },
    before.origin,
  );
  if (!fixed.value.printed) throw new CasebinderError('invalid-input', said('err.lab-value'));
  return fixed;
}
