/**
 * Lab report PDFs written from known values, in the layouts labs print: a plain results table with a
 * flag column, a "Quest-style" table with In Range / Out Of Range columns and units inside the range,
 * a two-column report with two tables side by side, and a long report over several pages. Each row's
 * truth is kept, so every value read back can be checked, and anything read that is not a row is an
 * invented value.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { seeded } from '../bench/synthetic-records.ts';

export type LabLayout = 'flag-column' | 'in-out-of-range' | 'two-column' | 'multi-page';
export const LAB_LAYOUTS: readonly LabLayout[] = ['flag-column', 'in-out-of-range', 'two-column', 'multi-page'];

export interface LabRow {
  readonly name: string;
  readonly value: string;
  readonly unit: string;
  readonly range: string;
  /** As printed: '', 'H', 'L', 'HH', 'LL'. */
  readonly flag: string;
}

export interface LabReport {
  readonly layout: LabLayout;
  readonly collected: string;
  readonly rows: readonly LabRow[];
}

interface Analyte {
  readonly names: readonly string[];
  readonly unit: readonly string[];
  readonly low: number;
  readonly high: number;
  readonly decimals: number;
}

/** Printed names and units vary from lab to lab, as they do. */
const ANALYTES: readonly Analyte[] = [
  { names: ['Glucose', 'GLUCOSE', 'Glucose, Serum'], unit: ['mg/dL'], low: 70, high: 99, decimals: 0 },
  { names: ['BUN', 'UREA NITROGEN (BUN)', 'Urea Nitrogen'], unit: ['mg/dL'], low: 7, high: 25, decimals: 0 },
  { names: ['Creatinine', 'CREATININE', 'Creat', 'Creatinine, Serum'], unit: ['mg/dL'], low: 0.57, high: 1.0, decimals: 2 },
  { names: ['Sodium', 'SODIUM', 'Na'], unit: ['mmol/L', 'mEq/L'], low: 135, high: 145, decimals: 0 },
  { names: ['Potassium', 'POTASSIUM', 'K'], unit: ['mmol/L', 'mEq/L'], low: 3.5, high: 5.1, decimals: 1 },
  { names: ['Chloride', 'CHLORIDE'], unit: ['mmol/L'], low: 98, high: 107, decimals: 0 },
  { names: ['Carbon Dioxide', 'CO2', 'Bicarbonate'], unit: ['mmol/L'], low: 22, high: 29, decimals: 0 },
  { names: ['Calcium', 'CALCIUM'], unit: ['mg/dL'], low: 8.6, high: 10.3, decimals: 1 },
  { names: ['Total Protein', 'PROTEIN, TOTAL'], unit: ['g/dL'], low: 6.0, high: 8.5, decimals: 1 },
  { names: ['Albumin', 'ALBUMIN'], unit: ['g/dL', 'g/L'], low: 3.5, high: 5.0, decimals: 1 },
  { names: ['Bilirubin, Total', 'TOTAL BILIRUBIN'], unit: ['mg/dL'], low: 0.1, high: 1.2, decimals: 1 },
  { names: ['Alkaline Phosphatase', 'ALK PHOS'], unit: ['U/L', 'IU/L'], low: 44, high: 121, decimals: 0 },
  { names: ['AST', 'AST (SGOT)'], unit: ['U/L', 'IU/L'], low: 10, high: 40, decimals: 0 },
  { names: ['ALT', 'ALT (SGPT)'], unit: ['U/L', 'IU/L'], low: 9, high: 46, decimals: 0 },
  { names: ['WBC', 'WHITE BLOOD CELL COUNT', 'White Blood Cells'], unit: ['K/uL', 'x10E3/uL', 'Thousand/uL'], low: 3.4, high: 10.8, decimals: 1 },
  { names: ['RBC', 'RED BLOOD CELL COUNT'], unit: ['M/uL', 'x10E6/uL'], low: 3.77, high: 5.28, decimals: 2 },
  { names: ['Hemoglobin', 'HEMOGLOBIN', 'Hgb'], unit: ['g/dL'], low: 11.1, high: 15.9, decimals: 1 },
  { names: ['Hematocrit', 'HEMATOCRIT', 'Hct'], unit: ['%'], low: 34.0, high: 46.6, decimals: 1 },
  { names: ['MCV'], unit: ['fL'], low: 79, high: 97, decimals: 0 },
  { names: ['Platelets', 'PLATELET COUNT', 'Plt'], unit: ['K/uL', 'x10E3/uL', 'Thousand/uL'], low: 150, high: 450, decimals: 0 },
  { names: ['Cholesterol, Total', 'TOTAL CHOLESTEROL'], unit: ['mg/dL'], low: 100, high: 199, decimals: 0 },
  { names: ['HDL Cholesterol', 'HDL'], unit: ['mg/dL'], low: 39, high: 100, decimals: 0 },
  { names: ['Triglycerides', 'TRIGLYCERIDES'], unit: ['mg/dL'], low: 0, high: 149, decimals: 0 },
  { names: ['Hemoglobin A1c', 'HbA1c'], unit: ['%'], low: 4.8, high: 5.6, decimals: 1 },
  { names: ['TSH', 'TSH, 3rd Generation'], unit: ['uIU/mL', 'mIU/L'], low: 0.45, high: 4.5, decimals: 2 },
  { names: ['PSA', 'PSA, Total'], unit: ['ng/mL'], low: 0, high: 4.0, decimals: 1 },
  { names: ['Vitamin D, 25-Hydroxy', 'VITAMIN D,25-OH,TOTAL'], unit: ['ng/mL'], low: 30, high: 100, decimals: 1 },
  { names: ['Ferritin', 'FERRITIN'], unit: ['ng/mL'], low: 15, high: 150, decimals: 0 },
  { names: ['Magnesium', 'MAGNESIUM'], unit: ['mg/dL'], low: 1.6, high: 2.3, decimals: 1 },
  { names: ['Uric Acid', 'URIC ACID'], unit: ['mg/dL'], low: 2.5, high: 7.0, decimals: 1 },
];

function row(random: () => number, analyte: Analyte): LabRow {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const name = pick(analyte.names);
  const unit = pick(analyte.unit);
  let { low, high } = analyte;
  if (unit === 'g/L') {
    low *= 10;
    high *= 10;
  }
  const span = high - low;
  const roll = random();
  // Mostly in range; some high or low; a few critical.
  const value = roll < 0.7 ? low + random() * span : roll < 0.85 ? high + random() * span * 0.5 : roll < 0.95 ? Math.max(0, low - random() * span * 0.3) : high + span * (1.5 + random());
  const decimals = unit === 'g/L' ? 0 : analyte.decimals;
  const printed = value.toFixed(decimals);
  const n = Number(printed);
  const flag = n > high + span * 1.2 ? 'HH' : n > high ? 'H' : n < low ? 'L' : '';
  const range = low === 0 ? `<${high.toFixed(decimals)}` : `${low.toFixed(decimals)}-${high.toFixed(decimals)}`;
  return { name, value: printed, unit, range, flag };
}

/** `count` reports of each layout, from a fixed seed: the same reports on every run. */
export function labReports(count: number, seed = 11): LabReport[] {
  const random = seeded(seed);
  const reports: LabReport[] = [];
  for (const layout of LAB_LAYOUTS) {
    for (let i = 0; i < count; i++) {
      const size = layout === 'multi-page' ? 70 : layout === 'two-column' ? 24 : 8 + Math.floor(random() * 10);
      const rows: LabRow[] = [];
      const used = new Set<string>();
      while (rows.length < size) {
        const analyte = ANALYTES[Math.floor(random() * ANALYTES.length)]!;
        const r = row(random, analyte);
        // Long reports repeat tests (serial draws); short ones list each once.
        if (layout !== 'multi-page' && used.has(analyte.names[0]!)) continue;
        used.add(analyte.names[0]!);
        rows.push(r);
      }
      const day = 1 + Math.floor(random() * 27);
      const month = 1 + Math.floor(random() * 12);
      reports.push({ layout, collected: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, rows });
    }
  }
  return reports;
}

const US = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

export function writeLabReport(report: LabReport, file: string): Promise<void> {
  const font = { 'flag-column': 'Helvetica', 'in-out-of-range': 'Courier', 'two-column': 'Times-Roman', 'multi-page': 'Helvetica' }[report.layout];
  const bold = { Helvetica: 'Helvetica-Bold', Courier: 'Courier-Bold', 'Times-Roman': 'Times-Bold' }[font]!;
  const size = report.layout === 'two-column' ? 8 : 9;
  const doc = new PDFDocument({ size: 'LETTER', margins: { top: 50, bottom: 50, left: 50, right: 50 }, info: { CreationDate: new Date(Date.UTC(2025, 0, 1)) } });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  let page = 1;
  const header = () => {
    doc.font(bold).fontSize(14).text('Northside Clinical Laboratory', 50, 50);
    doc.font(font).fontSize(8).text('2200 Harbor Blvd, Suite 100, Springfield, IL 62704  CLIA 14D0000000', 50, 68);
    doc.fontSize(size).text(`Patient: DOE, JANE    DOB: 02/03/1970    Collected: ${US(report.collected)} 08:15    Reported: ${US(report.collected)} 16:40`, 50, 84);
    doc.text(`Page ${page}`, 500, 740, { lineBreak: false });
  };
  const columnsFor = (left: number, width: number): { title: string; x: number }[] => {
    switch (report.layout) {
      case 'in-out-of-range':
        return [
          { title: 'Test Name', x: left },
          { title: 'In Range', x: left + width * 0.36 },
          { title: 'Out Of Range', x: left + width * 0.5 },
          { title: 'Reference Range', x: left + width * 0.66 },
          { title: 'Lab', x: left + width * 0.93 },
        ];
      case 'two-column':
        return [
          { title: 'Test', x: left },
          { title: 'Result', x: left + width * 0.45 },
          { title: 'Units', x: left + width * 0.59 },
          { title: 'Range', x: left + width * 0.8 },
        ];
      default:
        return [
          { title: 'Test', x: left },
          { title: 'Result', x: left + width * 0.38 },
          { title: 'Flag', x: left + width * 0.5 },
          { title: 'Units', x: left + width * 0.6 },
          { title: 'Reference Range', x: left + width * 0.76 },
        ];
    }
  };
  const cellsOf = (r: LabRow): string[] => {
    switch (report.layout) {
      case 'in-out-of-range':
        return [r.name, r.flag ? '' : r.value, r.flag ? `${r.value} ${r.flag}` : '', `${r.range} ${r.unit}`, 'NC'];
      case 'two-column':
        return [r.name, r.flag ? `${r.value} ${r.flag}` : r.value, r.unit, r.range];
      default:
        return [r.name, r.value, r.flag, r.unit, r.range];
    }
  };
  const table = (rows: readonly LabRow[], left: number, width: number, top: number): number => {
    const columns = columnsFor(left, width);
    let y = top;
    const heading = () => {
      doc.font(bold).fontSize(size);
      for (const c of columns) doc.text(c.title, c.x, y, { lineBreak: false });
      y += size + 5;
      doc.font(font);
    };
    heading();
    for (const r of rows) {
      if (y > 720) {
        doc.addPage();
        page++;
        header();
        y = 110;
        heading();
      }
      cellsOf(r).forEach((cell, i) => cell && doc.text(cell, columns[i]!.x, y, { lineBreak: false }));
      y += size + 4;
    }
    return y;
  };
  header();
  doc.font(bold).fontSize(size + 1).text(report.layout === 'two-column' ? 'CHEMISTRY AND HEMATOLOGY' : 'RESULTS', 50, 104);
  let end: number;
  if (report.layout === 'two-column') {
    const half = Math.ceil(report.rows.length / 2);
    end = Math.max(table(report.rows.slice(0, half), 50, 250, 122), table(report.rows.slice(half), 316, 246, 122));
  } else {
    end = table(report.rows, 50, 512, 122);
  }
  doc.font(font).fontSize(size).text('Comments: Specimen received at room temperature. Results reviewed by Dana Kim, MD, Laboratory Director, on 14 of the 16 panels.', 50, end + 12, { width: 512 });
  doc.end();
  return new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
}
