import { createRequire } from 'node:module';
import path from 'node:path';
// The legacy build is the one that runs in Node (the modern build expects browser APIs).
import { getDocument, InvalidPDFException, OPS, PasswordException, PDFDataRangeTransport, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import type { Refusal } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal } from '../../shared/import-types.ts';
import type { PageRuns, TextRun } from './pdf-lines.ts';
import { MAX_PDF_IMAGE_PIXELS } from '../../shared/limits.ts';
import { openOriginal } from '../library/sealed.ts';
import type { OriginalReader, OriginalRef } from '../library/sealed.ts';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js in Node reads its fonts and character maps from plain paths (file: URLs fail quietly).
const asset = (dir: string) => `${path.join(PDFJS_DIR, dir)}${path.sep}`;

export interface PdfText {
  readonly pageTexts: string[];
  /** Each page's text runs with their positions, for reading tables (pages drawn upright only). */
  readonly pageRuns: PageRuns[];
  /** Pages (1-based) with no text of their own that show a picture (a scan, a photo): for OCR to read. */
  readonly picturePages: number[];
}

/** Drawing operators that put a picture on a page. */
const PAINTS_IMAGE = new Set(
  ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat', 'paintSolidColorImageMask']
    .map((name) => (OPS as Record<string, number>)[name])
    .filter((op): op is number => op !== undefined),
);
/** Text turned into outlines is drawn with many paths; a form's boxes and lines with few. */
const OUTLINED_TEXT_PATHS = 300;

const PASSWORD_PROTECTED: Refusal = refusal('password-protected', said('pdf-locked'));
const TRUNCATED: Refusal = refusal('truncated', said('pdf-truncated'));
const DAMAGED: Refusal = refusal('damaged', said('pdf-damaged'));

/**
 * A complete PDF ends with `%%EOF`. pdf.js bravely rebuilds a file cut short and shows what it can,
 * which would let a half-downloaded report in as if whole; so a file with no `%%EOF` near its end, or
 * with object data after its last one (an update cut off mid-way), is refused. Garbage after the end
 * is tolerated: scanners append it, and nothing of the document is lost. `tail` is the file's end.
 */
export function looksTruncated(tail: Uint8Array): boolean {
  const buffer = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength);
  const lastEof = buffer.lastIndexOf('%%EOF');
  if (lastEof < 0) return true;
  return buffer.indexOf('endobj', lastEof) >= 0;
}

// How much of a file's end to look at for `%%EOF`; scanners leave some kilobytes of garbage after it.
const TAIL_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 16;

async function readRange(reader: OriginalReader, begin: number, end: number): Promise<Uint8Array> {
  const chunk = await reader.read(begin, Math.max(0, end - begin));
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Feeds pdf.js the byte ranges it asks for, straight from disk. Reading text needs the page content
 * and fonts, not the scanned images that make big PDFs big, so a 100 MB scan costs a few megabytes.
 */
class FileRanges extends PDFDataRangeTransport {
  private readonly handle: OriginalReader;
  private readonly onError: (error: unknown) => void;

  constructor(handle: OriginalReader, length: number, initial: Uint8Array, onError: (error: unknown) => void) {
    super(length, initial);
    this.handle = handle;
    this.onError = onError;
  }

  override requestDataRange(begin: number, end: number): void {
    readRange(this.handle, begin, end).then((chunk) => this.onDataRange(begin, chunk), this.onError);
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;


/**
 * Runs `work` on a document opened with `{ warnings: true }` and says whether pdf.js left a picture out
 * of a page for being over MAX_PDF_IMAGE_PIXELS. pdf.js says so only in a warning (it draws the page without
 * the picture, even with stopAtErrors), so its warnings are listened to meanwhile. tests/integration/
 * hostile-files.test.ts fails if a new pdf.js words it otherwise.
 */
export async function noticingPicturesTooLarge<T>(work: () => Promise<T>): Promise<{ result: T; tooLarge: boolean }> {
  const warn = console.warn;
  let tooLarge = false;
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).includes('Image exceeded maximum allowed size')) tooLarge = true;
  };
  try {
    return { result: await work(), tooLarge };
  } finally {
    console.warn = warn;
  }
}

export interface PdfOptions {
  /** Listen to pdf.js's warnings (see noticingPicturesTooLarge). */
  readonly warnings?: boolean;
  /**
   * Only the text is read, nothing drawn: the outlines of the fourteen standard fonts (Helvetica, Times,
   * Courier... when a PDF names one without embedding it) are not loaded. A text run's characters and
   * widths come from the PDF's encoding and widths, or pdf.js's own metrics of those fonts, never from
   * the outlines; loading and parsing them for each document was about a quarter of reading a short
   * report's text. tests/unit/pdf-text.test.ts checks the text and positions are the same either way.
   */
  readonly textOnly?: boolean;
}

/**
 * Opens a PDF file for pdf.js, reading from disk only the ranges it asks for, hands it to `use`, and
 * always closes it. A file cut short, damaged or locked with a password gives its refusal instead.
 * Never touches the network or runs the file's scripts.
 */
export async function withPdf<T>(file: OriginalRef, use: (pdf: PdfDocument) => Promise<T>, options: PdfOptions = {}): Promise<T | Refusal> {
  const handle = await openOriginal(file);
  try {
    const { size } = handle;
    if (looksTruncated(await readRange(handle, Math.max(0, size - TAIL_BYTES), size))) {
      // A damaged header is "damaged"; a good start that stops early is "incomplete".
      return Buffer.from(await readRange(handle, 0, 1024)).includes('%PDF-') ? TRUNCATED : DAMAGED;
    }
    let failed: unknown;
    const initial = await readRange(handle, 0, Math.min(size, CHUNK_BYTES));
    const ranges = new FileRanges(handle, size, initial, (error) => {
      failed = error;
      void task.destroy();
    });
    const task = getDocument({
      range: ranges,
      rangeChunkSize: CHUNK_BYTES,
      disableAutoFetch: true,
      disableStream: true,
      ...(options.textOnly ? {} : { standardFontDataUrl: asset('standard_fonts') }),
      cMapUrl: asset('cmaps'),
      cMapPacked: true,
      wasmUrl: asset('wasm'),
      isOffscreenCanvasSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      // Measured before this limit: 5.4 GB to read by OCR one page holding a 30,000 x 30,000 picture.
      maxImageSize: MAX_PDF_IMAGE_PIXELS,
      stopAtErrors: false,
      verbosity: options.warnings ? VerbosityLevel.WARNINGS : VerbosityLevel.ERRORS,
    });
    try {
      const pdf = await task.promise;
      if (pdf.numPages < 1) return DAMAGED;
      return await use(pdf);
    } catch (error) {
      if (failed) throw failed;
      if (error instanceof PasswordException) return PASSWORD_PROTECTED;
      if (error instanceof InvalidPDFException) return DAMAGED;
      return refusal('damaged', said('pdf-damaged-because', { detail: (error as Error).message }));
    } finally {
      await task.destroy();
    }
  } finally {
    await handle.close();
  }
}

/** Reads the text of every page of a PDF file. */
export async function readPdfText(file: OriginalRef): Promise<PdfText | Refusal> {
  const read = await withPdf(file, async (pdf) => {
    const pageTexts: string[] = [];
    const pageRuns: PageRuns[] = [];
    const picturePages: number[] = [];
    const blankPages: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const text = linesOf(content.items, page.rotate === 0 ? { bottom: Math.min(y0, y1), height: Math.abs(y1 - y0) } : undefined);
      pageTexts.push(text);
      if (page.rotate === 0) pageRuns.push({ page: n, width: Math.abs(x1 - x0), runs: runsOf(content.items) });
      // A page without text is a picture of text only when it shows something: a blank page, or a
      // form's empty boxes and lines, has nothing for OCR to read.
      if (!/[\p{L}\p{N}]/u.test(text)) {
        const { fnArray } = await page.getOperatorList();
        const paths = fnArray.filter((op) => op === OPS.constructPath).length;
        if (fnArray.some((op) => PAINTS_IMAGE.has(op)) || paths > OUTLINED_TEXT_PATHS) picturePages.push(n);
        else blankPages.push(n);
      }
      page.cleanup();
    }
    return { pageTexts, pageRuns, picturePages, blankPages };
  }, { textOnly: true });
  if ('code' in read || read.blankPages.length === 0) return read;
  // A picture too large to decode is left out of the drawing, so its page looks blank: such a page is
  // still a picture (OCR then says why it cannot read it), never dropped as blank.
  const tooLarge = await withPdf(file, async (pdf) => {
    const pages: number[] = [];
    for (const n of read.blankPages) {
      const page = await pdf.getPage(n);
      if ((await noticingPicturesTooLarge(() => page.getOperatorList())).tooLarge) pages.push(n);
      page.cleanup();
    }
    return pages;
  }, { warnings: true });
  const { blankPages: _blank, ...text } = read;
  return Array.isArray(tooLarge) && tooLarge.length ? { ...text, picturePages: [...text.picturePages, ...tooLarge].sort((a, b) => a - b) } : text;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** The page's runs of text, with their positions; upright text only (a table is read from those). */
function runsOf(items: readonly (TextItem | TextMarkedContent)[]): TextRun[] {
  return items.filter(isTextItem).flatMap((item) => {
    const [a, b, , d, x, y] = item.transform as [number, number, number, number, number, number];
    if (!item.str.trim() || Math.abs(b) > 0.01 || a <= 0) return [];
    return [{ x, y, width: item.width, size: Math.abs(d) || item.height || 10, text: item.str.normalize('NFKC') }];
  });
}

/** Where a page's bottom margin ends, in PDF units from the bottom edge (unrotated pages only). */
export interface PageBox {
  readonly bottom: number;
  readonly height: number;
}

// Footers sit in the bottom ~7% of a page; many systems draw them first, before the letterhead.
const FOOTER_ZONE = 0.07;

/**
 * Rebuilds lines from pdf.js text runs, in content order: a new line where the baseline moves, a space
 * where runs on one line are apart, two spaces where they are far apart (table columns), so that
 * "Collected:   03/14/2024" stays one line and a table row keeps its cells separate. Lines in the
 * bottom margin (footers) go last, so the page reads from its letterhead down.
 */
export function linesOf(items: readonly (TextItem | TextMarkedContent)[], box?: PageBox): string {
  const lines: { text: string; y: number }[] = [];
  let current: { text: string; y: number } | undefined;
  let lastEnd: number | undefined;
  const finish = () => {
    if (current) lines.push(current);
    current = undefined;
    lastEnd = undefined;
  };
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const [, , , scaleY, x, y] = item.transform as [number, number, number, number, number, number];
    const size = Math.abs(scaleY) || item.height || 10;
    // pdf.js marks wide gaps with space-only runs; the gap itself is measured between the real runs.
    if (item.str.trim()) {
      if (current && Math.abs(y - current.y) > size * 0.5) finish();
      if (!current) {
        current = { text: '', y };
      } else if (lastEnd !== undefined && !/\s$/.test(current.text) && !/^\s/.test(item.str)) {
        const gap = x - lastEnd;
        if (gap > size * 1.5) current.text += '  ';
        else if (gap > size * 0.15) current.text += ' ';
      }
      current.text += item.str;
      lastEnd = x + item.width;
    }
    if (item.hasEOL) finish();
  }
  finish();
  const footerTop = box ? box.bottom + box.height * FOOTER_ZONE : -Infinity;
  const ordered = [...lines.filter((l) => l.y >= footerTop), ...lines.filter((l) => l.y < footerTop)];
  return ordered
    .map((l) => l.text.replace(/[ \t]+$/, ''))
    .join('\n')
    // NFKC turns ligatures (ﬁ) and presentation forms into the letters people type.
    .normalize('NFKC')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
