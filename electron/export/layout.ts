/**
 * Laying out the packet's own pages (cover, summary, timeline, records, labs, index, study pages) on
 * US Letter with pdf-lib: wrapped paragraphs in the packet's fonts, headings, rows of columns, and page
 * breaks that keep a heading with what follows it. Every page keeps its bottom margin free for the
 * footer that is stamped on all pages at the end.
 */
import { rgb } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFPage, RGB } from '@cantoo/pdf-lib';
import type { FontSet, Weight } from '../media/fonts.ts';
import type { StructureElement, StructureTree } from './tags.ts';

export const PAGE = { width: 612, height: 792 } as const;
export const MARGIN = { left: 54, right: 54, top: 56, bottom: 62 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.4, 0.44);
export const RULE = rgb(0.78, 0.8, 0.84);
export const ACCENT = rgb(0.11, 0.33, 0.55);
export const ALERT = rgb(0.68, 0.13, 0.1);
/** What the patient has not checked yet: amber, apart from the red of out-of-range values. */
export const UNCHECKED = rgb(0.6, 0.36, 0.0);

export interface TextStyle {
  readonly size?: number;
  readonly weight?: Weight;
  readonly color?: RGB;
  /** Extra space before the paragraph, in points. */
  readonly before?: number;
  readonly indent?: number;
  readonly width?: number;
  readonly lineHeight?: number;
  /** What a screen reader is told it is: a paragraph, unless it is the page's main heading. */
  readonly role?: 'P' | 'H1';
}

/** Breaks text into lines no wider than `width`, at spaces where possible. */
export function wrap(fonts: FontSet, text: string, size: number, width: number, weight: Weight = 400): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fonts.width(candidate, size, weight) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word longer than the line (a URL, a long code) is cut where it must be.
      let rest = word;
      while (fonts.width(rest, size, weight) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && fonts.width(rest.slice(0, cut), size, weight) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Shortens text to fit `width`, ending it with an ellipsis. */
export function fit(fonts: FontSet, text: string, size: number, width: number, weight: Weight = 400): string {
  if (fonts.width(text, size, weight) <= width) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && fonts.width(`${chars.slice(0, n).join('').trimEnd()}…`, size, weight) > width) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}

/** Draws one line of text at (x, y) (baseline), in runs of the fonts that have its characters. */
export function drawLine(page: PDFPage, fonts: FontSet, text: string, x: number, y: number, style: { size: number; weight?: Weight; color?: RGB }): number {
  let cursor = x;
  for (const run of fonts.runs(text, style.weight ?? 400)) {
    page.drawText(run.text, { x: cursor, y, size: style.size, font: run.font, color: style.color ?? INK });
    cursor += run.font.widthOfTextAtSize(run.text, style.size);
  }
  return cursor - x;
}

export interface Column {
  readonly width: number;
  readonly align?: 'left' | 'right';
}

export interface RowStyle {
  readonly size?: number;
  readonly weight?: Weight;
  readonly color?: RGB;
  /** A color per cell (undefined keeps the row's). */
  readonly colors?: readonly (RGB | undefined)[];
  readonly maxLines?: number;
  readonly shade?: boolean;
  /** A table's header row: its cells are header cells for a screen reader (a bold row of data is not). */
  readonly header?: boolean;
}

/** The look of a table's header row (small bold grey), and what it is; a heading longer than its column (as Spanish ones can be) takes a second line. */
export const HEADER_ROW: RowStyle = { weight: 700, size: 8.5, color: MUTED, maxLines: 2, header: true };

export interface RowBox {
  /** The row in the structure tree (a table row), for a cell drawn into it later. */
  readonly element: StructureElement | null;
  readonly page: PDFPage;
  readonly x: number;
  /** Bottom of the row. */
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A flowing writer over new pages of one PDF document. */
export class PageWriter {
  readonly doc: PDFDocument;
  readonly fonts: FontSet;
  page!: PDFPage;
  y = 0;
  /** A table's header row, drawn again at the top of each page the table continues on. */
  repeat: readonly string[] | null = null;
  repeatColumns: readonly Column[] = [];
  repeatStyle: RowStyle = HEADER_ROW;

  /** The tagged PDF's structure (tags.ts): every piece drawn is told to a screen reader, or marked as decoration. */
  readonly tags: StructureTree | null;
  /** The table rows are going into, until something else is written. */
  private table: StructureElement | null = null;

  constructor(doc: PDFDocument, fonts: FontSet, tags: StructureTree | null = null) {
    this.doc = doc;
    this.fonts = fonts;
    this.tags = tags;
  }

  /** A new element of the structure, under the document (null when the PDF is not tagged). */
  element(role: Parameters<StructureTree['open']>[0], parent?: StructureElement | null, alt?: string): StructureElement | null {
    if (!this.tags) return null;
    return this.tags.open(role, parent ?? this.tags.document, alt ? { alt } : {});
  }

  /** Draws as content of `element`, in reading order; untagged when there is no structure. */
  marked<T>(element: StructureElement | null, draw: () => T, page: PDFPage = this.page): T {
    return element && this.tags ? this.tags.mark(page, element, draw) : draw();
  }

  /** Draws decoration a screen reader skips. */
  decoration<T>(draw: () => T, page: PDFPage = this.page): T {
    return this.tags ? this.tags.artifact(page, draw) : draw();
  }

  /** A text element (a paragraph, a heading) of its own: any table before it has ended. */
  private textElement(role: Parameters<StructureTree['open']>[0]): StructureElement | null {
    this.table = null;
    return this.element(role);
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
    return this.page;
  }

  /** Room left above the bottom margin. */
  get room(): number {
    return this.y - MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.room >= height) return;
    this.newPage();
    if (this.repeat) this.placeRow(this.repeat, this.repeatColumns, this.repeatStyle, true);
  }

  async paragraph(text: string, style: TextStyle = {}): Promise<void> {
    const size = style.size ?? 10;
    const weight = style.weight ?? 400;
    const lineHeight = style.lineHeight ?? size * 1.35;
    const indent = style.indent ?? 0;
    await this.fonts.prepare([text], weight);
    const lines = wrap(this.fonts, text, size, (style.width ?? CONTENT_WIDTH) - indent, weight);
    this.y -= style.before ?? 0;
    const element = this.textElement(style.role ?? 'P');
    for (const line of lines) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.marked(element, () => drawLine(this.page, this.fonts, line, MARGIN.left + indent, this.y + (lineHeight - size) * 0.5, { size, weight, color: style.color ?? INK }));
    }
  }

  /** A section heading with a rule under it; kept on the same page as at least `keep` points after it. */
  async heading(text: string, options: { size?: number; keep?: number } = {}): Promise<void> {
    const size = options.size ?? 14;
    await this.fonts.prepare([text], 700);
    this.ensure(size * 2.2 + (options.keep ?? 40));
    if (this.y < PAGE.height - MARGIN.top - 1) this.y -= size * 0.9;
    this.y -= size * 1.2;
    // A page's title (16 points and up) is a first-level heading, a section's a second.
    this.marked(this.textElement(size >= 16 ? 'H1' : 'H2'), () => drawLine(this.page, this.fonts, text, MARGIN.left, this.y, { size, weight: 700, color: ACCENT }));
    this.y -= 6;
    this.decoration(() => this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: PAGE.width - MARGIN.right, y: this.y }, thickness: 0.6, color: RULE }));
    this.y -= 4;
  }

  /** "Label: value" with the label in bold and the value wrapped after it. */
  async field(label: string, value: string, style: TextStyle = {}): Promise<void> {
    const size = style.size ?? 10;
    const labelWidth = 118;
    await this.fonts.prepare([label], 700);
    await this.fonts.prepare([value], 400);
    const lines = wrap(this.fonts, value, size, CONTENT_WIDTH - labelWidth, 400);
    const lineHeight = size * 1.35;
    this.y -= style.before ?? 2;
    const element = this.textElement('P');
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (i === 0) this.marked(element, () => drawLine(this.page, this.fonts, `${label}`, MARGIN.left, this.y + 2, { size, weight: 700, color: MUTED }));
      this.marked(element, () => drawLine(this.page, this.fonts, line, MARGIN.left + labelWidth, this.y + 2, { size, color: style.color ?? INK }));
    });
  }

  /**
   * One row of a table: each cell wrapped in its column (at most `maxLines` lines, the last shortened),
   * the row as tall as its tallest cell. Returns the row's box on its page.
   */
  async row(cells: readonly string[], columns: readonly Column[], style: RowStyle = {}): Promise<RowBox> {
    await this.fonts.prepare(cells, style.weight ?? 400);
    return this.placeRow(cells, columns, style, false);
  }

  /** Draws a row whose fonts are prepared; a header drawn again on a new page is decoration (it was read once). */
  private placeRow(cells: readonly string[], columns: readonly Column[], style: RowStyle, again: boolean): RowBox {
    const size = style.size ?? 9;
    const weight = style.weight ?? 400;
    const lineHeight = size * 1.3;
    const gap = 6;
    const wrapped = cells.map((cell, i) => {
      const width = columns[i]!.width - gap;
      const lines = wrap(this.fonts, cell, size, width, weight);
      const max = style.maxLines ?? 3;
      if (lines.length <= max) return lines;
      const kept = lines.slice(0, max);
      kept[max - 1] = fit(this.fonts, `${kept[max - 1]} ${lines.slice(max).join(' ')}`, size, width, weight);
      return kept;
    });
    const height = Math.max(1, ...wrapped.map((l) => l.length)) * lineHeight + 4;
    this.ensure(height);
    const top = this.y;
    if (style.shade) {
      this.decoration(() => this.page.drawRectangle({ x: MARGIN.left - 3, y: top - height, width: CONTENT_WIDTH + 6, height, color: rgb(0.95, 0.96, 0.97) }));
    }
    // Rows go into one table until something else is written.
    if (!again && this.tags && !this.table) this.table = this.element('Table');
    const row = again ? null : this.element('TR', this.table);
    let x = MARGIN.left;
    wrapped.forEach((lines, i) => {
      const column = columns[i]!;
      const cell = this.element(style.header ? 'TH' : 'TD', row);
      lines.forEach((line, j) => {
        const baseline = top - 2 - (j + 1) * lineHeight + (lineHeight - size) * 0.6;
        const w = column.align === 'right' ? this.fonts.width(line, size, weight) : 0;
        const lx = column.align === 'right' ? x + column.width - gap - w : x;
        const draw = () => drawLine(this.page, this.fonts, line, lx, baseline, { size, weight, color: style.colors?.[i] ?? style.color ?? INK });
        if (again) this.decoration(draw);
        else this.marked(cell, draw);
      });
      x += column.width;
    });
    this.y = top - height;
    return { element: row, page: this.page, x: MARGIN.left, y: this.y, width: CONTENT_WIDTH, height };
  }

  rule(): void {
    this.decoration(() => this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: PAGE.width - MARGIN.right, y: this.y }, thickness: 0.4, color: RULE }));
  }
}
