import { getDocument, GlobalWorkerOptions, PDFDataRangeTransport, TextLayer } from 'pdfjs-dist';
import '@fontsource/tinos/400.css';
import '@fontsource/arimo/400.css';
import '@fontsource/cousine/400.css';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { invoke } from './api.ts';
import { MAX_PDF_IMAGE_PIXELS } from '../../shared/limits.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

const CHUNK = 1 << 16;

/** A PDF read in byte ranges: a library original, or a packet made for a preview. */
export interface PdfSource {
  /** Changes when it is another PDF (the viewer starts over). */
  readonly key: string;
  readonly title: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** An original in the vault, read by the back end. */
export function vaultSource(document: { readonly id: number; readonly size: number; readonly title: string }): PdfSource {
  return { key: `document:${document.id}`, title: document.title, size: document.size, read: (offset, length) => invoke('documents:read', document.id, offset, length) };
}

/**
 * Gives pdf.js the byte ranges it asks for, read by the back end: a 50-page PDF shows its first page
 * after reading what that page needs, not the whole file.
 */
class Ranges extends PDFDataRangeTransport {
  private readonly source: PdfSource;

  constructor(source: PdfSource, initial: Uint8Array) {
    super(source.size, initial);
    this.source = source;
  }

  override requestDataRange(begin: number, end: number): void {
    void this.source.read(begin, end - begin).then(
      (chunk) => this.onDataRange(begin, chunk),
      () => this.abort(),
    );
  }
}

// pdf.js resolves these in its worker, against the worker script's folder: they must be absolute.
const asset = (dir: string) => new URL(`./pdfjs/${dir}/`, document.baseURI).href;

/**
 * The selectable text over a page (pdf.js's text layer, where find marks what it found) is laid out in
 * the generic family a PDF's font falls back to. Where that is DejaVu (Linux), its letters are wider and
 * taller than Times or Helvetica, so a found word was marked a letter to the right and half a line low
 * of the word drawn on the page. Fonts with Times', Helvetica's and Courier's metrics (Tinos, Arimo,
 * Cousine, from npm) take their place, loaded before the first page so pdf.js measures with them.
 */
const METRIC_FONTS = [
  ['serif', 'Tinos'],
  ['sans-serif', 'Arimo'],
  ['monospace', 'Cousine'],
] as const;
let fontsReady: Promise<unknown> | undefined;
function textLayerFonts(): Promise<unknown> {
  fontsReady ??= Promise.all(METRIC_FONTS.map(([, font]) => document.fonts.load(`16px "${font}"`, 'Aa'))).then(() => {
    for (const [generic, font] of METRIC_FONTS) TextLayer.fontFamilyMap.set(generic, `"${font}", ${generic}`);
  });
  return fontsReady.catch(() => undefined);
}

/** Opens a PDF with pdf.js, from the app's own copies of its fonts and character maps. */
export async function openPdf(source: PdfSource): Promise<PDFDocumentLoadingTask> {
  await textLayerFonts();
  const initial = await source.read(0, Math.min(source.size, CHUNK));
  return getDocument({
    range: new Ranges(source, initial),
    rangeChunkSize: CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts'),
    wasmUrl: asset('wasm'),
    // A picture too large to decode is left out of the page drawn (the page says why its text is missing).
    maxImageSize: MAX_PDF_IMAGE_PIXELS,
  });
}

/** Reads a whole (small) original, e.g. a photo. */
export function readOriginal(document: { readonly id: number; readonly size: number }): Promise<Uint8Array> {
  return readWhole(document.size, (offset, length) => invoke('documents:read', document.id, offset, length));
}

/** Reads a whole file the back end serves in ranges (an original, a redacted copy). */
export async function readWhole(size: number, read: (offset: number, length: number) => Promise<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < size; ) {
    const chunk = await read(offset, Math.min(size - offset, 8 * 1024 * 1024));
    if (chunk.length === 0) break;
    parts.push(chunk);
    offset += chunk.length;
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
