import { getDocument, GlobalWorkerOptions, PDFDataRangeTransport } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { invoke } from './api.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

const CHUNK = 1 << 16;

/**
 * Gives pdf.js the byte ranges it asks for, read from the vault by the back end: a 50-page PDF shows
 * its first page after reading what that page needs, not the whole file.
 */
class VaultRanges extends PDFDataRangeTransport {
  private readonly documentId: number;

  constructor(documentId: number, size: number, initial: Uint8Array) {
    super(size, initial);
    this.documentId = documentId;
  }

  override requestDataRange(begin: number, end: number): void {
    void invoke('documents:read', this.documentId, begin, end - begin).then(
      (chunk) => this.onDataRange(begin, chunk),
      () => this.abort(),
    );
  }
}

// pdf.js resolves these in its worker, against the worker script's folder: they must be absolute.
const asset = (dir: string) => new URL(`./pdfjs/${dir}/`, document.baseURI).href;

/** Opens a library document with pdf.js, from the app's own copies of its fonts and character maps. */
export async function openPdf(document: { readonly id: number; readonly size: number }): Promise<PDFDocumentLoadingTask> {
  const initial = await invoke('documents:read', document.id, 0, Math.min(document.size, CHUNK));
  return getDocument({
    range: new VaultRanges(document.id, document.size, initial),
    rangeChunkSize: CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts'),
    wasmUrl: asset('wasm'),
  });
}

/** Reads a whole (small) original, e.g. a photo. */
export async function readOriginal(document: { readonly id: number; readonly size: number }): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < document.size; ) {
    const chunk = await invoke('documents:read', document.id, offset, Math.min(document.size - offset, 8 * 1024 * 1024));
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
