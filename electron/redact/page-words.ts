/**
 * The words of a PDF's pages with where each stands, in fractions of the page as shown (upright, top
 * left 0,0): what a search for text to remove finds, what suggestions point at, and what the rebuilt
 * text layer of a redacted page writes again (without the covered words).
 *
 * pdf.js gives runs of text with their start, direction and width, not each character's place; a word
 * inside a run is placed by measuring the run's characters with a font of the same metrics as the one
 * the PDF names (Arimo for Helvetica/Arial, Tinos for Times, Cousine for Courier: the fonts PDFs most
 * use), scaled so the run keeps its width. Covering boxes are then widened a little (see PAD_SIDEWAYS), so an
 * estimate a fraction of a letter off still covers the whole word.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import type { RedactionBox } from '../../shared/redaction-types.ts';
import { sfntFromWoff } from '../media/fonts.ts';

/** One word of a page: its text as drawn and its box. */
export interface PageWord {
  readonly text: string;
  readonly box: RedactionBox;
  /** Index of the line it is on (words of one line share it), counted over the page. */
  readonly line: number;
  /** The font size, in fractions of the page's height (for an invisible text layer of the same size). */
  readonly size: number;
  /**
   * Where each character starts, and the last one ends, as fractions of the box's width (length: the
   * number of characters + 1); null when the word does not run left to right on the page as shown.
   */
  readonly edges: readonly number[] | null;
  /** Where its baseline starts and ends, in points of the page as shown (y down): x0, y0, x1, y1. */
  readonly baseline: readonly [number, number, number, number];
}

export interface PageWords {
  readonly page: number;
  /** The page as shown, in PDF points (rotation applied). */
  readonly width: number;
  readonly height: number;
  readonly words: readonly PageWord[];
}

type Family = 'sans-serif' | 'serif' | 'monospace';
const METRIC_FONTS: Readonly<Record<Family, string>> = { 'sans-serif': 'arimo', serif: 'tinos', monospace: 'cousine' };
const require = createRequire(import.meta.url);
const measurers = new Map<Family, { widthOf: (ch: string) => number }>();

function measurer(family: Family): { widthOf: (ch: string) => number } {
  let m = measurers.get(family);
  if (!m) {
    const name = METRIC_FONTS[family];
    const dir = path.join(path.dirname(require.resolve(`@fontsource/${name}/package.json`)), 'files');
    const font = fontkit.create(Buffer.from(sfntFromWoff(fs.readFileSync(path.join(dir, `${name}-latin-400-normal.woff`))))) as fontkit.Font;
    const cache = new Map<string, number>();
    m = {
      widthOf(ch: string): number {
        let w = cache.get(ch);
        if (w === undefined) {
          const cp = ch.codePointAt(0)!;
          // A character the Latin font lacks (another script) counts as an average letter.
          w = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm : 0.55;
          cache.set(ch, w);
        }
        return w;
      },
    };
    measurers.set(family, m);
  }
  return m;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** The minimal page of pdf.js this needs. */
export interface WordsPage {
  readonly view: number[];
  readonly rotate: number;
  getViewport(options: { scale: number }): { width: number; height: number; convertToViewportPoint(x: number, y: number): number[] };
  getTextContent(): Promise<{ items: (TextItem | TextMarkedContent)[]; styles: Record<string, { fontFamily: string; ascent?: number; descent?: number }> }>;
  getAnnotations(): Promise<{ rect?: number[]; fieldValue?: unknown; contentsObj?: { str?: string }; subtype?: string }[]>;
}

/** Reads one PDF page's words and their boxes. */
export async function pageWords(pageNumber: number, page: WordsPage): Promise<PageWords> {
  const viewport = page.getViewport({ scale: 1 });
  const { width, height } = viewport;
  const content = await page.getTextContent();
  const words: PageWord[] = [];
  let line = 0;
  let lastY: number | null = null;
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    const runLength = Math.hypot(a, b) > 0 ? item.width : 0;
    // The run's direction (unit vector along the baseline) and its "up" (towards the tops of the letters).
    const along = Math.hypot(a, b) > 0 ? [a / Math.hypot(a, b), b / Math.hypot(a, b)] : [1, 0];
    const up = [-along[1]!, along[0]!];
    if (lastY !== null && Math.abs(f - lastY) > size * 0.5) line++;
    lastY = f;
    if (item.str.trim()) {
      const style = content.styles[item.fontName];
      const family: Family = style?.fontFamily === 'serif' || style?.fontFamily === 'monospace' ? style.fontFamily : 'sans-serif';
      const widthOf = measurer(family).widthOf;
      const chars = [...item.str];
      const total = chars.reduce((sum, ch) => sum + widthOf(ch), 0) || 1;
      const ascent = style?.ascent && style.ascent > 0.3 ? style.ascent : 0.9;
      const descent = style?.descent && style.descent < 0 ? -style.descent : 0.25;
      let offset = 0;
      let wordStart: number | null = null;
      let wordText = '';
      let wordEdges: number[] = [];
      const flush = (end: number) => {
        if (wordStart === null) return;
        const x0 = (wordStart / total) * runLength;
        const x1 = (end / total) * runLength;
        const corners = [
          [x0, -descent * size],
          [x1, -descent * size],
          [x0, ascent * size],
          [x1, ascent * size],
        ].map(([s, t]) => viewport.convertToViewportPoint(e + along[0]! * s! + up[0]! * t!, f + along[1]! * s! + up[1]! * t!));
        const xs = corners.map((p) => p[0]!);
        const ys = corners.map((p) => p[1]!);
        const left = Math.min(...xs);
        const top = Math.min(...ys);
        const leftToRight = corners[1]![0]! - corners[0]![0]! > 0 && Math.abs(corners[1]![1]! - corners[0]![1]!) < 0.01 * size;
        const span = end - wordStart || 1;
        words.push({
          text: wordText,
          box: { page: pageNumber, x: left / width, y: top / height, width: (Math.max(...xs) - left) / width, height: (Math.max(...ys) - top) / height },
          line,
          size: size / height,
          edges: leftToRight ? [...wordEdges.map((o) => (o - wordStart!) / span), 1] : null,
          baseline: [...viewport.convertToViewportPoint(e + along[0]! * x0, f + along[1]! * x0), ...viewport.convertToViewportPoint(e + along[0]! * x1, f + along[1]! * x1)] as [number, number, number, number],
        });
        wordStart = null;
        wordText = '';
        wordEdges = [];
      };
      for (const ch of chars) {
        if (/\s/.test(ch)) flush(offset);
        else {
          wordStart ??= offset;
          wordText += ch;
          wordEdges.push(offset);
        }
        offset += widthOf(ch);
      }
      flush(offset);
    }
    if (item.hasEOL) {
      line++;
      lastY = null;
    }
  }
  // What annotations show (a filled form field, a typed note): drawn on the page, so findable here.
  for (const annotation of await page.getAnnotations()) {
    const shown = typeof annotation.fieldValue === 'string' ? annotation.fieldValue : annotation.subtype === 'FreeText' ? annotation.contentsObj?.str : undefined;
    const [x1, y1, x2, y2] = annotation.rect ?? [];
    if (!shown?.trim() || x1 === undefined || y1 === undefined || x2 === undefined || y2 === undefined) continue;
    const corners = [viewport.convertToViewportPoint(x1, y1), viewport.convertToViewportPoint(x2, y2)];
    const left = Math.min(corners[0]![0]!, corners[1]![0]!);
    const top = Math.min(corners[0]![1]!, corners[1]![1]!);
    const box = { page: pageNumber, x: left / width, y: top / height, width: Math.abs(corners[0]![0]! - corners[1]![0]!) / width, height: Math.abs(corners[0]![1]! - corners[1]![1]!) / height };
    line++;
    // The field's value as one word over its box (covered whole when any of it is).
    const base = (top + Math.abs(corners[0]![1]! - corners[1]![1]!) * 0.8);
    words.push({ text: shown.trim().replace(/\s+/g, ' '), box, line, size: Math.min(box.height, 12 / height), edges: null, baseline: [left, base, left + box.width * width, base] });
  }
  return { page: pageNumber, width, height, words };
}

/**
 * How much a covering box reaches past a word's estimated edges, in fractions of the text's height:
 * sideways less than a space (about a quarter of the height), so the next word stays readable, which
 * is still several times what the estimate is off by (a third of a point, against poppler's own boxes,
 * on Helvetica and Times text); above and below a little, for accents and descenders.
 */
export const PAD_SIDEWAYS = 0.12;
export const PAD_VERTICAL = 0.15;

/**
 * The box that covers these boxes (of one line), widened by the pads; `aspect` is the page's height
 * over its width, turning a margin measured along the height into one along the width.
 */
export function coverOf(boxes: readonly RedactionBox[], aspect: number): RedactionBox {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  // The margin follows the text's height, whichever way the text runs (on a turned page it runs down).
  const thickness = Math.min(bottom - top, (right - left) / aspect);
  const horizontal = bottom - top <= (right - left) / aspect;
  const [padX, padY] = horizontal ? [thickness * PAD_SIDEWAYS * aspect, thickness * PAD_VERTICAL] : [thickness * PAD_VERTICAL * aspect, thickness * PAD_SIDEWAYS];
  const x = Math.max(0, left - padX);
  const y = Math.max(0, top - padY);
  return { page: boxes[0]!.page, x, y, width: Math.min(1, right + padX) - x, height: Math.min(1, bottom + padY) - y };
}

/** True when two boxes of the same page overlap. */
export function overlaps(a: RedactionBox, b: RedactionBox): boolean {
  return a.page === b.page && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
