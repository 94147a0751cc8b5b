/**
 * Lays out a medical document described as blocks into a PDF with pdfkit, the way clinic systems print
 * them: a letterhead, a title, label/value fields in one or two columns, result tables, paragraphs, a
 * signature, and optionally a fax or print banner on every page. Used to build the test and bench
 * corpora from known values, so every suggestion can be checked against its truth.
 */
import PDFDocument from 'pdfkit';
import fs from 'node:fs';

export type Block =
  | { readonly kind: 'letterhead'; readonly lines: readonly string[]; readonly align?: 'left' | 'center' | 'right' }
  | { readonly kind: 'title'; readonly text: string; readonly align?: 'left' | 'center' }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'fields'; readonly pairs: readonly (readonly [string, string])[]; readonly columns?: 1 | 2; readonly separator?: string }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly widths?: readonly number[] }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  | { readonly kind: 'gap'; readonly size?: number }
  /** A web link, written as a PDF link annotation the way portals and letters carry them. */
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'pagebreak' };

/** A paragraph and a section heading: the blocks every corpus document is written with most. */
export const para = (text: string): Block => ({ kind: 'paragraph', text });
export const heading = (text: string): Block => ({ kind: 'heading', text });

export interface Layout {
  /** pdfkit standard font family: how old lab printers (Courier), letters (Times) and modern systems (Helvetica) look. */
  readonly font: 'Helvetica' | 'Times' | 'Courier';
  readonly size?: number;
  /** A line printed at the top of every page: a fax machine's banner or a portal's print stamp. */
  readonly banner?: string;
  /** A line at the bottom of every page ("Printed 03/02/2025 ... Page 1"). */
  readonly footer?: string;
}

const BOLD: Record<Layout['font'], string> = { Helvetica: 'Helvetica-Bold', Times: 'Times-Bold', Courier: 'Courier-Bold' };
const REGULAR: Record<Layout['font'], string> = { Helvetica: 'Helvetica', Times: 'Times-Roman', Courier: 'Courier' };

export function renderPdf(blocks: readonly Block[], layout: Layout, file: string): Promise<void> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 60, bottom: 60, left: 56, right: 56 },
    info: { Title: '', CreationDate: new Date(Date.UTC(2025, 0, 1)) },
    autoFirstPage: false,
  });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  const size = layout.size ?? 10;
  const regular = REGULAR[layout.font];
  const bold = BOLD[layout.font];
  const width = 612 - 112;

  doc.on('pageAdded', () => {
    const { x, y } = { x: doc.x, y: doc.y };
    // Stamps sit in the margins; without this pdfkit would start a new page for them, and recurse.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (layout.banner) doc.font(regular).fontSize(7).text(layout.banner, 30, 22, { width: 552, lineBreak: false });
    if (layout.footer) doc.font(regular).fontSize(7).text(layout.footer, 56, 752 - 20, { width, lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.font(regular).fontSize(size);
    doc.x = x;
    doc.y = y;
  });
  doc.addPage();
  doc.font(regular).fontSize(size);

  for (const block of blocks) {
    switch (block.kind) {
      case 'letterhead': {
        const [first, ...rest] = block.lines;
        doc.font(bold).fontSize(size + 4).text(first ?? '', { align: block.align ?? 'left', width });
        doc.font(regular).fontSize(size - 1);
        for (const line of rest) doc.text(line, { align: block.align ?? 'left', width });
        doc.fontSize(size).moveDown(0.8);
        break;
      }
      case 'title':
        doc.font(bold).fontSize(size + 3).text(block.text, { align: block.align ?? 'center', width });
        doc.font(regular).fontSize(size).moveDown(0.6);
        break;
      case 'heading':
        doc.moveDown(0.4).font(bold).fontSize(size).text(block.text, { width });
        doc.font(regular);
        break;
      case 'fields': {
        const columns = block.columns ?? 1;
        const sep = block.separator ?? ': ';
        const colWidth = width / columns;
        for (let i = 0; i < block.pairs.length; i += columns) {
          const y = doc.y;
          let bottom = y;
          for (let c = 0; c < columns; c++) {
            const pair = block.pairs[i + c];
            if (!pair) continue;
            const x = 56 + c * colWidth;
            doc.font(bold).text(`${pair[0]}${sep}`, x, y, { continued: true, width: colWidth - 8 });
            doc.font(regular).text(pair[1]);
            bottom = Math.max(bottom, doc.y);
          }
          doc.x = 56;
          doc.y = bottom;
        }
        doc.moveDown(0.4);
        break;
      }
      case 'table': {
        const widths = block.widths ?? block.header.map(() => width / block.header.length);
        const row = (cells: readonly string[], font: string) => {
          if (doc.y > 700) doc.addPage();
          const y = doc.y;
          let x = 56;
          let bottom = y;
          doc.font(font);
          cells.forEach((cell, i) => {
            doc.text(cell, x, y, { width: (widths[i] ?? 80) - 6 });
            bottom = Math.max(bottom, doc.y);
            x += widths[i] ?? 80;
          });
          doc.x = 56;
          doc.y = bottom + 2;
        };
        row(block.header, bold);
        for (const r of block.rows) row(r, regular);
        doc.font(regular).moveDown(0.5);
        break;
      }
      case 'paragraph':
        doc.font(regular).text(block.text, { width, align: 'left' }).moveDown(0.5);
        break;
      case 'lines':
        doc.font(regular);
        for (const line of block.lines) doc.text(line, { width });
        doc.moveDown(0.5);
        break;
      case 'gap':
        doc.moveDown(block.size ?? 1);
        break;
      case 'link':
        doc.font(regular).fillColor('#1a4fa3').text(block.text, { width, link: block.url, underline: true }).fillColor('black').moveDown(0.5);
        break;
      case 'pagebreak':
        doc.addPage();
        break;
    }
  }
  doc.end();
  return new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
}
