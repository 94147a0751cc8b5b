/**
 * Makes the redacted copy of a document. Every page is drawn again as a picture at print resolution
 * with the covered parts burned in black, in a new PDF that holds nothing of the original but those
 * pictures and an invisible text layer written from the page's own words, less every word a box
 * touches (so the rest stays searchable and copyable). No metadata, annotations, form fields,
 * attachments, thumbnails, scripts or earlier revisions of the original can survive: none of its
 * objects is copied. A picture (a photo, a scan) becomes the same kind of picture, with the boxes burned
 * in and none of its metadata (EXIF, GPS, comments); a picture of several pages (a TIFF) becomes a PDF.
 */
import { PDFDocument, PDFName, beginText, endText, popGraphicsState, pushGraphicsState, setCharacterSqueeze, setFontAndSize, setTextMatrix, setTextRenderingMode, showText, TextRenderingMode } from '@cantoo/pdf-lib';
import type { PDFPage } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import type { Refusal } from '../../shared/import-types.ts';
import type { RedactionBox } from '../../shared/redaction-types.ts';
import { FontSet } from '../media/fonts.ts';
import type { ImageMediaType } from '../media/detect.ts';
import { withPdf } from '../media/pdf-text.ts';
import { drawPdfPage } from '../media/page-image.ts';
import { uprightPage } from '../media/pictures.ts';
import type { OriginalRef } from '../library/sealed.ts';
import { overlaps, pageWords } from './page-words.ts';
import type { PageWord, PageWords, WordsPage } from './page-words.ts';

/** Print resolution. */
export const REDACTED_DPI = 300;
const JPEG_QUALITY = 82;

/** A document's words, page by page (none on a picture's pages), and the pages that have none. */
export interface DocumentWords {
  readonly pages: readonly PageWords[];
  readonly pagesWithoutText: readonly number[];
}

/** Reads the words of every page of a PDF (a picture has none: boxes are drawn on it by hand). */
export async function documentWords(file: OriginalRef, mediaType: string, pageCount: number): Promise<DocumentWords | Refusal> {
  if (mediaType !== 'application/pdf') return { pages: [], pagesWithoutText: Array.from({ length: pageCount }, (_, i) => i + 1) };
  return withPdf(file, async (pdf) => {
    const pages: PageWords[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      pages.push(await pageWords(n, page as unknown as WordsPage));
      page.cleanup();
    }
    return { pages, pagesWithoutText: pages.filter((p) => !p.words.some((w) => /[\p{L}\p{N}]/u.test(w.text))).map((p) => p.page) };
  });
}

/**
 * True when a box covers the word: the word's box, less a sliver at each side (so a box that only
 * grazes the next word's first letter does not take it out of the text layer), overlaps the box.
 */
function covered(word: PageWord, boxes: readonly RedactionBox[]): boolean {
  // Lines set close together touch (one's descenders reach the next one's capitals), so a quarter of
  // the word's height is left out at the top and the bottom, and a sliver at each side.
  const insetX = Math.min(word.box.width * 0.2, word.box.height * 0.15);
  const insetY = Math.min(word.box.height * 0.25, word.box.width * 0.25);
  const inner = { ...word.box, x: word.box.x + insetX, width: Math.max(0, word.box.width - 2 * insetX), y: word.box.y + insetY, height: Math.max(0, word.box.height - 2 * insetY) };
  return boxes.some((b) => overlaps(inner, b));
}

/** Paints the boxes black on a picture of a page `width` x `height` pixels (RGBA). */
function burnIn(rgba: Uint8Array, width: number, height: number, boxes: readonly RedactionBox[]): void {
  for (const box of boxes) {
    // Rounded outwards: a box never leaves a row or column of pixels of what it covers.
    const x0 = Math.max(0, Math.floor(box.x * width));
    const y0 = Math.max(0, Math.floor(box.y * height));
    const x1 = Math.min(width, Math.ceil((box.x + box.width) * width));
    const y1 = Math.min(height, Math.ceil((box.y + box.height) * height));
    for (let y = y0; y < y1; y++) {
      const row = y * width * 4;
      for (let x = x0; x < x1; x++) {
        const i = row + x * 4;
        rgba[i] = 0;
        rgba[i + 1] = 0;
        rgba[i + 2] = 0;
        rgba[i + 3] = 255;
      }
    }
  }
}

/** True when a picture has no colour (every sampled pixel grey), so it is stored as one channel. */
function isGrey(rgba: Uint8Array): boolean {
  const step = 4 * 97;
  for (let i = 0; i < rgba.length; i += step) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    if (Math.abs(r - g) > 10 || Math.abs(g - b) > 10 || Math.abs(r - b) > 10) return false;
  }
  return true;
}

async function jpegOf(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  let image = sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } }).removeAlpha();
  if (isGrey(rgba)) image = image.toColourspace('b-w');
  return new Uint8Array(await image.jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer());
}

/** One page of the new PDF: the picture over the whole page, and the kept words invisible on top. */
async function addPage(out: PDFDocument, fonts: FontSet, page: RedactedPage): Promise<void> {
  const { width, height } = page;
  const pdfPage = out.addPage([width, height]);
  const image = await out.embedJpg(page.jpeg);
  pdfPage.drawImage(image, { x: 0, y: 0, width, height });
  if (page.words.length) await writeTextLayer(pdfPage, fonts, width, height, page.words);
  // pdf-lib gives each page an empty list of annotations; a redacted page has none, not even that.
  pdfPage.node.delete(PDFName.of('Annots'));
}

/**
 * The invisible text layer: each kept word at its place, its size the page's, squeezed or stretched to
 * the width it has on the page, so a search or a selection in a PDF reader falls on the word drawn.
 */
async function writeTextLayer(page: PDFPage, fonts: FontSet, width: number, height: number, words: readonly PageWord[]): Promise<void> {
  await fonts.prepare(words.map((w) => w.text));
  const names = new Map<object, PDFName>();
  const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const word of words) {
    const size = Math.max(1, word.size * height);
    const runs = fonts.runs(word.text);
    const natural = runs.reduce((sum, r) => sum + r.font.widthOfTextAtSize(r.text, size), 0) || 1;
    // Along the word's baseline as the page shows it (y down there, up in PDF space).
    const [x0, y0, x1, y1] = word.baseline;
    const length = Math.hypot(x1 - x0, y1 - y0) || word.box.width * width;
    const cos = length ? (x1 - x0) / length : 1;
    const sin = length ? -(y1 - y0) / length : 0;
    const squeeze = Math.max(1, Math.min(1000, (length / natural) * 100));
    let along = 0;
    for (const run of runs) {
      let name = names.get(run.font);
      if (!name) {
        name = page.node.newFontDictionary(run.font.name, run.font.ref);
        names.set(run.font, name);
      }
      ops.push(setFontAndSize(name, size), setCharacterSqueeze(squeeze), setTextMatrix(cos, sin, -sin, cos, x0 + cos * along, height - y0 + sin * along), showText(run.font.encodeText(run.text)));
      along += (run.font.widthOfTextAtSize(run.text, size) * squeeze) / 100;
    }
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** One page drawn again: its picture (JPEG), its size in points as shown, and the words it keeps. */
export interface RedactedPage {
  readonly kind: 'page';
  readonly jpeg: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly words: readonly PageWord[];
  readonly wordsRemoved: number;
}

/** A picture of one page redacted whole (the file itself, as JPEG or PNG). */
export interface RedactedPicture {
  readonly kind: 'picture';
  readonly bytes: Uint8Array;
  readonly mediaType: 'image/jpeg' | 'image/png';
}

/** Draws one page of a PDF again with its boxes burned in (runs in a worker thread). */
export async function redactPdfPage(file: OriginalRef, pageNumber: number, boxes: readonly RedactionBox[], ocrWords: readonly PageWord[] = []): Promise<RedactedPage | Refusal> {
  return withPdf(file, async (pdf): Promise<RedactedPage | Refusal> => {
    const page = await pdf.getPage(pageNumber);
    try {
      const words = await pageWords(pageNumber, page as unknown as WordsPage);
      // A scanned page's words are OCR's (it has none of its own).
      const all = [...words.words, ...ocrWords];
      const kept = all.filter((w) => !covered(w, boxes));
      const drawn = await drawPdfPage(page, REDACTED_DPI, { annotations: true });
      if ('code' in drawn) return drawn;
      const { rgba, width: w, height: h } = drawn;
      burnIn(rgba, w, h, boxes);
      return { kind: 'page', jpeg: await jpegOf(rgba, w, h), width: words.width, height: words.height, words: kept, wordsRemoved: all.length - kept.length };
    } finally {
      page.cleanup();
    }
  }, { warnings: true });
}

/**
 * Redacts one page of a picture: turned upright, the boxes burned in, saved again without its metadata;
 * `whole` when the picture has one page (it stays a picture, JPEG or PNG as it was), else the page of a PDF.
 */
export async function redactPicturePage(
  file: OriginalRef,
  mediaType: ImageMediaType,
  pageNumber: number,
  boxes: readonly RedactionBox[],
  whole: boolean,
  ocrWords: readonly PageWord[] = [],
): Promise<RedactedPage | RedactedPicture> {
  const { data, info } = await (await uprightPage(file, mediaType, pageNumber)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const rgba = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const { width, height } = info;
  burnIn(rgba, width, height, boxes);
  if (whole && mediaType === 'image/png') {
    const png = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } }).png({ compressionLevel: 9 }).toBuffer();
    return { kind: 'picture', bytes: new Uint8Array(png), mediaType: 'image/png' };
  }
  const jpeg = await jpegOf(rgba, width, height);
  if (whole) return { kind: 'picture', bytes: jpeg, mediaType: 'image/jpeg' };
  // A scan's pages at 300 dpi, as they were scanned.
  const points = (px: number) => (px * 72) / REDACTED_DPI;
  const kept = ocrWords.filter((w) => !covered(w, boxes));
  return { kind: 'page', jpeg, width: points(width), height: points(height), words: kept, wordsRemoved: ocrWords.length - kept.length };
}

/** The redacted PDF made of its pages, with nothing else in it. */
export async function assemblePdf(pages: readonly RedactedPage[]): Promise<Uint8Array> {
  // No producer, dates or other document information: nothing about the original or its making.
  const out = await PDFDocument.create({ updateMetadata: false });
  const fonts = new FontSet(out);
  for (const page of pages) await addPage(out, fonts, page);
  return out.save({ useObjectStreams: true });
}
