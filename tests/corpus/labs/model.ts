/**
 * What a lab report says, before any layout: a patient, a lab, panels of results each with the day its
 * sample was collected, and a printing day that is never a result's date. Values are drawn from a
 * seeded generator around each test's range: most in range, some high or low, a few critical,
 * qualitative tests ("Negative", "2+", "Not detected") and one-sided ranges ("<200", ">=60").
 * The layouts (./layouts.ts) print the same truth in the ways real labs and portals print it.
 */
import { seeded } from '../../bench/synthetic-records.ts';

/** A flag as the truth knows it; each layout prints it its own way ("H", "High", "HIGH", "(H)"). */
export type TruthFlag = '' | 'H' | 'L' | 'HH' | 'LL' | 'A';

export interface TruthRow {
  readonly name: string;
  /** As printed. */
  readonly value: string;
  readonly unit: string;
  /** As printed, without its unit. */
  readonly range: string;
  readonly flag: TruthFlag;
  /** The day the sample was collected. */
  readonly date: string;
}

export interface Panel {
  readonly title: string;
  readonly collected: string;
  readonly rows: readonly TruthRow[];
}

export interface LabReportTruth {
  readonly patient: { readonly name: string; readonly family: string; readonly given: string; readonly dob: string };
  readonly lab: string;
  readonly address: string;
  readonly orderedBy: string;
  /** When the report was printed or generated: never a result's date. */
  readonly printed: string;
  readonly panels: readonly Panel[];
}

interface Test {
  readonly names: readonly string[];
  readonly units: readonly string[];
  readonly low: number | null;
  readonly high: number | null;
  readonly decimals: number;
  /** A qualitative test: its normal word, and the abnormal ones. */
  readonly words?: { readonly normal: string; readonly abnormal: readonly string[] };
  /** How the range is printed when one-sided: "<", "<=", ">", ">=". */
  readonly side?: '<' | '<=' | '>' | '>=';
}

const TESTS: Readonly<Record<string, readonly Test[]>> = {
  'Comprehensive Metabolic Panel': [
    { names: ['Glucose', 'GLUCOSE', 'Glucose, Serum'], units: ['mg/dL'], low: 65, high: 99, decimals: 0 },
    { names: ['BUN', 'Urea Nitrogen (BUN)', 'UREA NITROGEN'], units: ['mg/dL'], low: 6, high: 24, decimals: 0 },
    { names: ['Creatinine', 'CREATININE', 'Creatinine, Serum'], units: ['mg/dL'], low: 0.57, high: 1.0, decimals: 2 },
    { names: ['eGFR', 'eGFR If NonAfricn Am', 'EGFR'], units: ['mL/min/1.73m2', 'mL/min/{1.73_m2}'], low: 59, high: null, decimals: 0, side: '>' },
    { names: ['Sodium', 'SODIUM', 'Sodium, Serum'], units: ['mmol/L', 'mEq/L'], low: 134, high: 144, decimals: 0 },
    { names: ['Potassium', 'POTASSIUM', 'Potassium, Serum'], units: ['mmol/L', 'mEq/L'], low: 3.5, high: 5.2, decimals: 1 },
    { names: ['Chloride', 'CHLORIDE'], units: ['mmol/L'], low: 96, high: 106, decimals: 0 },
    { names: ['Carbon Dioxide, Total', 'CO2', 'Bicarbonate'], units: ['mmol/L'], low: 20, high: 29, decimals: 0 },
    { names: ['Calcium', 'CALCIUM', 'Calcium, Serum'], units: ['mg/dL'], low: 8.7, high: 10.2, decimals: 1 },
    { names: ['Protein, Total', 'TOTAL PROTEIN'], units: ['g/dL'], low: 6.0, high: 8.5, decimals: 1 },
    { names: ['Albumin', 'ALBUMIN'], units: ['g/dL'], low: 3.8, high: 4.9, decimals: 1 },
    { names: ['Bilirubin, Total', 'TOTAL BILIRUBIN'], units: ['mg/dL'], low: 0.1, high: 1.2, decimals: 1 },
    { names: ['Alkaline Phosphatase', 'ALK PHOS'], units: ['IU/L', 'U/L'], low: 44, high: 121, decimals: 0 },
    { names: ['AST (SGOT)', 'AST'], units: ['IU/L', 'U/L'], low: 6, high: 40, decimals: 0 },
    { names: ['ALT (SGPT)', 'ALT'], units: ['IU/L', 'U/L'], low: 5, high: 32, decimals: 0 },
  ],
  'CBC With Differential': [
    { names: ['WBC', 'White Blood Cell Count', 'WBC COUNT'], units: ['x10E3/uL', 'K/uL', '10*3/uL'], low: 3.4, high: 10.8, decimals: 1 },
    { names: ['RBC', 'Red Blood Cell Count'], units: ['x10E6/uL', 'M/uL'], low: 3.77, high: 5.28, decimals: 2 },
    { names: ['Hemoglobin', 'HEMOGLOBIN', 'Hgb'], units: ['g/dL'], low: 11.1, high: 15.9, decimals: 1 },
    { names: ['Hematocrit', 'HEMATOCRIT', 'Hct'], units: ['%'], low: 34.0, high: 46.6, decimals: 1 },
    { names: ['MCV'], units: ['fL'], low: 79, high: 97, decimals: 0 },
    { names: ['MCH'], units: ['pg'], low: 26.6, high: 33.0, decimals: 1 },
    { names: ['RDW'], units: ['%'], low: 11.7, high: 15.4, decimals: 1 },
    { names: ['Platelets', 'Platelet Count', 'PLT'], units: ['x10E3/uL', 'K/uL', 'Thousand/uL'], low: 150, high: 450, decimals: 0 },
    { names: ['Neutrophils (Absolute)', 'Neutrophils, Absolute'], units: ['x10E3/uL', 'K/uL'], low: 1.4, high: 7.0, decimals: 1 },
  ],
  'Lipid Panel': [
    { names: ['Cholesterol, Total', 'TOTAL CHOLESTEROL'], units: ['mg/dL'], low: null, high: 200, decimals: 0, side: '<' },
    { names: ['Triglycerides', 'TRIGLYCERIDES'], units: ['mg/dL'], low: null, high: 150, decimals: 0, side: '<' },
    { names: ['HDL Cholesterol', 'HDL'], units: ['mg/dL'], low: 39, high: null, decimals: 0, side: '>' },
    { names: ['LDL Chol Calc (NIH)', 'LDL Cholesterol', 'LDL-C'], units: ['mg/dL'], low: null, high: 100, decimals: 0, side: '<' },
  ],
  'Thyroid and Other': [
    { names: ['TSH', 'TSH, 3rd Generation'], units: ['uIU/mL', 'mIU/L'], low: 0.45, high: 4.5, decimals: 3 },
    { names: ['Hemoglobin A1c', 'HbA1c', 'HEMOGLOBIN A1C'], units: ['%'], low: 4.8, high: 5.6, decimals: 1 },
    { names: ['PSA, Total', 'PSA'], units: ['ng/mL'], low: null, high: 4.0, decimals: 1, side: '<=' },
    { names: ['C-Reactive Protein, Cardiac', 'hs-CRP'], units: ['mg/L'], low: null, high: 3.0, decimals: 2, side: '<=' },
    { names: ['Vitamin D, 25-Hydroxy', 'VITAMIN D,25-OH,TOTAL'], units: ['ng/mL'], low: 30, high: 100, decimals: 1 },
    { names: ['Ferritin', 'FERRITIN'], units: ['ng/mL'], low: 15, high: 150, decimals: 0 },
  ],
  Urinalysis: [
    { names: ['Protein, Urine', 'PROTEIN, UA', 'Urine Protein'], units: [''], low: null, high: null, decimals: 0, words: { normal: 'Negative', abnormal: ['Trace', '1+', '2+'] } },
    { names: ['Glucose, Urine', 'GLUCOSE, UA'], units: [''], low: null, high: null, decimals: 0, words: { normal: 'Negative', abnormal: ['Trace', '2+', '3+'] } },
    { names: ['Nitrite, Urine', 'NITRITE'], units: [''], low: null, high: null, decimals: 0, words: { normal: 'Negative', abnormal: ['Positive'] } },
    { names: ['Specific Gravity', 'SPECIFIC GRAVITY, UA'], units: [''], low: 1.005, high: 1.03, decimals: 3 },
    { names: ['HIV-1/2 Antigen/Antibody', 'HIV 1/2 Ab/Ag Screen'], units: [''], low: null, high: null, decimals: 0, words: { normal: 'Not detected', abnormal: ['Detected'] } },
  ],
};

const PEOPLE = [
  { given: 'Maria', family: 'Gonzalez', dob: '1962-08-19' },
  { given: 'Thomas', family: 'Becker', dob: '1955-01-30' },
  { given: 'Aiyana', family: 'Redcloud', dob: '1979-11-04' },
  { given: 'Samuel', family: "O'Connor", dob: '1948-06-12' },
  { given: 'Priya', family: 'Raman', dob: '1986-03-27' },
  { given: 'Helen', family: 'Novak', dob: '1951-09-08' },
];
const LABS = [
  ['Meridian Reference Laboratories', '1447 York Court, Burlington, NC 27215'],
  ['St. Anselm Hospital Laboratory', '300 Cathedral Ave, Albany, NY 12203'],
  ['Cedar Valley Medical Center Lab', '18 Orchard Rd, Eugene, OR 97401'],
  ['Lakeside Diagnostics', '920 Shore Dr, Madison, WI 53703'],
] as const;
const ORDERERS = ['Rachel Kim, MD', 'Omar Haddad, DO', 'Linda Whitfield, NP', 'George Papadakis, MD'];

function isoPlus(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function rangeText(t: Test, decimals: number): string {
  if (t.side === '<' || t.side === '<=') return `${t.side}${t.high!.toFixed(decimals)}`;
  if (t.side === '>' || t.side === '>=') return `${t.side}${t.low!.toFixed(decimals)}`;
  return `${t.low!.toFixed(decimals)}-${t.high!.toFixed(decimals)}`;
}

function resultFor(random: () => number, t: Test, date: string): TruthRow {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const name = pick(t.names);
  const unit = pick(t.units);
  if (t.words) {
    const abnormal = random() < 0.25;
    return { name, value: abnormal ? pick(t.words.abnormal) : t.words.normal, unit, range: t.words.normal, flag: abnormal ? 'A' : '', date };
  }
  // One-sided ranges still have values people have: around half the upper bound, or above the lower.
  const low = t.low ?? t.high! * 0.45;
  const high = t.high ?? low * 2;
  const span = high - low || Math.max(1, high);
  const roll = random();
  let value = roll < 0.68 ? low + random() * span : roll < 0.84 ? high + random() * span * 0.4 : roll < 0.95 ? low - random() * span * 0.25 : high + span * (1.4 + random());
  if (value < 0) value = low / 2;
  const printed = value.toFixed(t.decimals);
  const n = Number(printed);
  let flag: TruthFlag = '';
  const over = t.side === '<' ? n >= t.high! : t.high !== null && n > t.high;
  if (over) flag = n > t.high! + span * 1.2 ? 'HH' : 'H';
  if (t.low !== null && n < t.low) flag = 'L';
  return { name, value: printed, unit, range: rangeText(t, t.decimals), flag, date };
}

/** `count` reports from `seed`: each 1-4 panels, some collected on another day than the others. */
export function labReportTruths(count: number, seed: number): LabReportTruth[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const reports: LabReportTruth[] = [];
  for (let i = 0; i < count; i++) {
    const person = pick(PEOPLE);
    const [lab, address] = pick(LABS);
    const collected = isoPlus('2023-01-01', Math.floor(random() * 900));
    const titles = Object.keys(TESTS).filter(() => random() < 0.55);
    if (titles.length === 0) titles.push(pick(Object.keys(TESTS)));
    const panels = titles.map((title) => {
      // A panel drawn on another visit (a portal printout gathers several).
      const day = random() < 0.25 ? isoPlus(collected, -Math.floor(7 + random() * 120)) : collected;
      const tests = TESTS[title]!.filter(() => random() < 0.8);
      return { title, collected: day, rows: (tests.length ? tests : TESTS[title]!.slice(0, 2)).map((t) => resultFor(random, t, day)) };
    });
    reports.push({
      patient: { name: `${person.given} ${person.family}`, family: person.family, given: person.given, dob: person.dob },
      lab,
      address,
      orderedBy: pick(ORDERERS),
      printed: isoPlus(collected, 3 + Math.floor(random() * 200)),
      panels,
    });
  }
  return reports;
}
