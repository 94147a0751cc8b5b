/**
 * Reports that travel inside DICOM files: a PDF wrapped in a DICOM file (Encapsulated PDF), and a
 * structured report (SR) whose findings are a tree of coded and written items.
 */
import type { DataSet } from 'dicom-parser';
import { DicomText, readWholeDataSet } from './header.ts';

export interface EncapsulatedPdf {
  readonly pdf: Uint8Array;
  readonly title: string | null;
}

/** The PDF inside an Encapsulated PDF file, or what is wrong with it. */
export function encapsulatedPdf(bytes: Uint8Array): EncapsulatedPdf | { readonly problem: string } {
  const read = readWholeDataSet(bytes);
  if ('problem' in read) return read;
  const { dataSet } = read.text;
  const element = dataSet.elements.x00420011;
  if (!element || element.length <= 0) return { problem: 'it says it holds a PDF report but the report is empty' };
  let pdf = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length);
  // The value is padded to an even length; a PDF ends at its last %%EOF.
  while (pdf.length > 0 && pdf[pdf.length - 1] === 0) pdf = pdf.subarray(0, pdf.length - 1);
  if (!(pdf[0] === 0x25 && pdf[1] === 0x50 && pdf[2] === 0x44 && pdf[3] === 0x46)) {
    return { problem: 'it says it holds a PDF report, but what it holds is not a PDF' };
  }
  return { pdf: new Uint8Array(pdf), title: read.text.text('x00420010', 'ST') };
}

const MAX_DEPTH = 40;

function codeMeaning(item: DicomText, sequenceTag: string, charset: string | undefined): string | null {
  const first = item.dataSet.elements[sequenceTag]?.items?.[0]?.dataSet;
  return first ? new DicomText(first, charset).text('x00080104') : null;
}

function contentLines(dataSet: DataSet, charset: string | undefined, depth: number, lines: string[]): void {
  if (depth > MAX_DEPTH) return;
  for (const entry of dataSet.elements.x0040a730?.items ?? []) {
    if (!entry.dataSet) continue;
    const item = new DicomText(entry.dataSet, charset);
    const name = codeMeaning(item, 'x0040a043', charset);
    const valueType = item.text('x0040a040', 'CS');
    let value: string | null = null;
    if (valueType === 'TEXT') value = item.text('x0040a160', 'UT');
    else if (valueType === 'CODE') value = codeMeaning(item, 'x0040a168', charset);
    else if (valueType === 'NUM') {
      const measured = entry.dataSet.elements.x0040a300?.items?.[0]?.dataSet;
      if (measured) {
        const m = new DicomText(measured, charset);
        const unit = codeMeaning(m, 'x004008ea', charset);
        value = [m.text('x0040a30a', 'DS'), unit].filter(Boolean).join(' ');
      }
    } else if (valueType === 'DATE') value = item.text('x0040a121', 'DA');
    else if (valueType === 'PNAME') value = item.text('x0040a123', 'PN');
    if (valueType === 'CONTAINER') {
      if (name) lines.push(name);
    } else if (value) {
      lines.push(name ? `${name}: ${value}` : value);
    }
    contentLines(entry.dataSet, charset, depth + 1, lines);
  }
}

/** The readable text of a structured report: its title, then each finding on a line. */
export function structuredReportText(bytes: Uint8Array): string | null {
  const read = readWholeDataSet(bytes);
  if ('problem' in read) return null;
  const charset = read.text.specificCharacterSet;
  const lines: string[] = [];
  const title = codeMeaning(read.text, 'x0040a043', charset);
  if (title) lines.push(title);
  contentLines(read.text.dataSet, charset, 0, lines);
  const text = lines.join('\n').trim();
  return text ? text : null;
}
