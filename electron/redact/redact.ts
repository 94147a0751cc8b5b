/**
 * Redacting a document of the library: what it offers to remove (suggestions, and where a searched text
 * is), and making a redaction (every box drawn, every match of every text searched for, the
 * suggestions when accepted, on top of what the document's current redaction already removes), made
 * again from the original each time so nothing is drawn twice and the original's words stay findable.
 * The drawing runs where `work` says (the app's worker threads; the command line in its own process).
 */
import { CasebinderError } from '../../shared/errors.ts';
import { asWritten, said } from '../../shared/said.ts';
import type { Refusal } from '../../shared/import-types.ts';
import type { MedicalDocument } from '../../shared/library-types.ts';
import type { FoundText, Redaction, RedactionBox, RedactionPreview, RedactionRequest, SuggestedRedaction } from '../../shared/redaction-types.ts';
import { canRedact } from '../../shared/redaction-types.ts';
import type { ImageMediaType } from '../media/detect.ts';
import type { Library } from '../library/library.ts';
import type { OriginalRef } from '../library/sealed.ts';
import { findText, suggestIdentifiers } from './find.ts';
import { Job } from '../jobs/job.ts';
import { photoPageImage, pdfPageImage } from '../media/page-image.ts';
import type { PageImage } from '../media/page-image.ts';
import type { OcrEngine } from '../media/ocr-engine.ts';
import { pageWordsFromOcr } from './ocr-words.ts';
import type { PageWord, PageWords } from './page-words.ts';
import { assemblePdf, documentWords, REDACTED_DPI, redactPdfPage, redactPicturePage } from './rebuild.ts';
import type { DocumentWords, RedactedPage, RedactedPicture } from './rebuild.ts';

/** One page to draw again: the file, its kind, which page, the boxes on it, and whether it is a one-page picture. */
export interface RedactPageTask {
  readonly file: OriginalRef;
  readonly mediaType: string;
  readonly page: number;
  readonly boxes: readonly RedactionBox[];
  readonly whole: boolean;
  /** A picture page's words as OCR read them, for the copy's text layer (a PDF's own text is read again). */
  readonly ocrWords?: readonly PageWord[];
}

/** Draws one page of a redaction (in a worker thread in the app). */
export function redactPage(task: RedactPageTask): Promise<RedactedPage | RedactedPicture | Refusal> {
  return task.mediaType === 'application/pdf'
    ? redactPdfPage(task.file, task.page, task.boxes, task.ocrWords ?? [])
    : redactPicturePage(task.file, task.mediaType as ImageMediaType, task.page, task.boxes, task.whole, task.ocrWords ?? []);
}

/** Where the reading and drawing of a redaction run: how many pages at once, and each page's work. */
export interface RedactionWork {
  readonly threads: number;
  words(file: OriginalRef, mediaType: string, pages: number, signal?: AbortSignal): Promise<DocumentWords | Refusal>;
  page(task: RedactPageTask, signal?: AbortSignal): Promise<RedactedPage | RedactedPicture | Refusal>;
  /** The picture of a page OCR reads (a scanned PDF page at 300 dpi, a photo upright). */
  pageImage(file: OriginalRef, mediaType: string, page: number, signal?: AbortSignal): Promise<PageImage | Refusal>;
  /** Tesseract, to read the words of pages that are pictures; null: such pages cannot be searched. */
  readonly ocr: Pick<OcrEngine, 'recognize'> | null;
}

/** Reads and draws in this process, one page at a time, with this OCR (the command line, tests). */
export function inProcess(ocr: Pick<OcrEngine, 'recognize'> | null): RedactionWork {
  return {
    threads: 1,
    words: (file, mediaType, pages) => documentWords(file, mediaType, pages),
    page: (task) => redactPage(task),
    pageImage: (file, mediaType, page) => (mediaType === 'application/pdf' ? pdfPageImage(file, page) : photoPageImage(file, mediaType as ImageMediaType, page)),
    ocr,
  };
}

/** Pages OCR read for redaction lately, by file, page and languages: reading a page takes seconds. */
const ocrRead = new Map<string, PageWords>();
const OCR_REMEMBERED = 200;

/**
 * The words of the pages that are pictures, as OCR reads them (remembered for the next search), added
 * to the PDF pages' own: a scan's words can then be found, suggested and kept in the copy's text layer.
 */
async function withPictureWords(library: Library, work: RedactionWork, doc: MedicalDocument, words: DocumentWords, signal?: AbortSignal): Promise<DocumentWords> {
  const ocr = work.ocr;
  if (!ocr || words.pagesWithoutText.length === 0) return words;
  const languages = library.settings.ocrLanguages();
  const file = library.vault.ref(doc.sha256!);
  const byPage = new Map(words.pages.map((p) => [p.page, p]));
  for (const n of words.pagesWithoutText) {
    signal?.throwIfAborted();
    const key = `${doc.sha256}:${n}:${languages.join('+')}`;
    let read = ocrRead.get(key);
    if (!read) {
      const image = await work.pageImage(file, doc.mediaType, n, signal);
      // A page whose picture cannot be drawn keeps no words: the person draws boxes on it.
      if ('code' in image) continue;
      const recognized = await ocr.recognize(image.pgm, languages, signal, { words: true });
      // A PDF page keeps its own size; a picture's page is its size at 300 dpi, as its copy will be.
      const own = byPage.get(n);
      const shown = own ? { width: own.width, height: own.height } : { width: (image.width * 72) / REDACTED_DPI, height: (image.height * 72) / REDACTED_DPI };
      read = pageWordsFromOcr(n, recognized.words ?? [], image, shown);
      ocrRead.set(key, read);
      if (ocrRead.size > OCR_REMEMBERED) ocrRead.delete(ocrRead.keys().next().value!);
    }
    byPage.set(n, read);
  }
  return { pages: [...byPage.values()].sort((a, b) => a.page - b.page), pagesWithoutText: words.pagesWithoutText };
}

/**
 * Draws every page again, as many at once as `work` has threads, in page order in the result; reports
 * each page done and stops between pages when cancelled.
 */
async function drawAll(
  work: RedactionWork,
  doc: MedicalDocument,
  file: OriginalRef,
  boxes: readonly RedactionBox[],
  pictureWords: ReadonlyMap<number, readonly PageWord[]>,
  options: { readonly signal?: AbortSignal | undefined; readonly report?: ((progress: RedactionProgress) => void) | undefined },
): Promise<{ bytes: Uint8Array; mediaType: string; pages: number; wordsRemoved: number }> {
  const total = doc.pages;
  const drawn: (RedactedPage | RedactedPicture)[] = new Array(total);
  let next = 1;
  let done = 0;
  options.report?.({ documentId: doc.id, done, total });
  const whole = doc.mediaType !== 'application/pdf' && total === 1;
  const worker = async () => {
    while (next <= total) {
      options.signal?.throwIfAborted();
      const page = next++;
      const ocrWords = pictureWords.get(page);
      drawn[page - 1] = orThrow(await work.page({ file, mediaType: doc.mediaType, page, boxes: boxes.filter((b) => b.page === page), whole, ...(ocrWords ? { ocrWords } : {}) }, options.signal), doc);
      options.report?.({ documentId: doc.id, done: ++done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(work.threads, total)) }, worker));
  const first = drawn[0];
  if (first?.kind === 'picture') return { bytes: first.bytes, mediaType: first.mediaType, pages: 1, wordsRemoved: 0 };
  const pages = drawn as RedactedPage[];
  return { bytes: await assemblePdf(pages), mediaType: 'application/pdf', pages: pages.length, wordsRemoved: pages.reduce((n, p) => n + p.wordsRemoved, 0) };
}

/** Makes a redaction as a job the window follows (progress by page) and can cancel. */
export function startRedaction(library: Library, work: RedactionWork, request: RedactionRequest): Job<RedactionProgress, Redaction> {
  return new Job<RedactionProgress, Redaction>('redaction', ({ signal, report }) => redactDocument(library, work, request, { signal, report }));
}


export interface RedactionProgress {
  readonly documentId: number;
  /** Pages drawn again so far, of all. */
  readonly done: number;
  readonly total: number;
}

function redactable(library: Library, documentId: number): MedicalDocument {
  const doc = library.documents.get(documentId);
  if (!doc.sha256 || !canRedact(doc.mediaType)) {
    throw new CasebinderError('invalid-input', said('err.redact-kind', { title: doc.title, study: doc.imaging ? 'yes' : 'no', mediaType: doc.mediaType }));
  }
  return doc;
}

function orThrow<T>(read: T | Refusal, doc: MedicalDocument): T {
  if (read && typeof read === 'object' && 'code' in read && 'reason' in read) {
    const refusal = read as Refusal;
    throw new CasebinderError('invalid-input', said('err.redact-unreadable', { title: doc.title, reason: refusal.words?.length === 1 ? refusal.words[0]! : asWritten(refusal.reason) }));
  }
  return read as T;
}

/** What the patient's own details and the document's facility say (their numbers are not suggested). */
function ownDetails(library: Library, doc: MedicalDocument): string[] {
  const patient = library.patients.get(doc.patientId);
  return [patient.contact, doc.facility ?? '', doc.suggested.facility ?? ''].filter(Boolean);
}

/** What a document offers for redacting: the suggestions, and where each of these texts is. */
export async function previewRedaction(
  library: Library,
  work: RedactionWork,
  documentId: number,
  find: readonly string[] = [],
  options: { readonly readPictures?: boolean; readonly signal?: AbortSignal } = {},
): Promise<RedactionPreview> {
  const { signal, readPictures = true } = options;
  const doc = redactable(library, documentId);
  const own = orThrow(await work.words(library.vault.ref(doc.sha256!), doc.mediaType, doc.pages, signal), doc);
  // Reading pictures takes seconds a page: a window first asks without, to show the rest at once.
  const words = readPictures ? await withPictureWords(library, work, doc, own, signal) : own;
  const covered = library.redactions.of(doc.id).current?.boxes ?? [];
  return {
    documentId,
    pages: doc.pages,
    pagesWithoutText: words.pagesWithoutText,
    picturesRead: readPictures && work.ocr !== null,
    // What the current redaction already covers is not suggested again.
    suggestions: suggestIdentifiers(words.pages, ownDetails(library, doc)).filter((sg) => !sg.boxes.every((b) => covered.some((c) => contains(c, b)))),
    found: find.filter((t) => t.trim()).map((t) => findText(words.pages, t)),
  };
}

/** True when `outer` covers most of `inner` (boxes found again come out the same, give or take rounding). */
function contains(outer: RedactionBox, inner: RedactionBox): boolean {
  if (outer.page !== inner.page) return false;
  const w = Math.min(outer.x + outer.width, inner.x + inner.width) - Math.max(outer.x, inner.x);
  const h = Math.min(outer.y + outer.height, inner.y + inner.height) - Math.max(outer.y, inner.y);
  return w > 0 && h > 0 && w * h >= 0.9 * inner.width * inner.height;
}

function checkBox(box: RedactionBox, pages: number): void {
  const inside = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;
  if (!Number.isInteger(box.page) || box.page < 1 || box.page > pages) {
    throw new CasebinderError('invalid-input', said('err.redact-no-page', { page: box.page, pages }));
  }
  if (![box.x, box.y, box.width, box.height].every(inside) || box.width <= 0 || box.height <= 0 || box.x + box.width > 1.000001 || box.y + box.height > 1.000001) {
    throw new CasebinderError('invalid-input', said('err.redact-box-off-page', { page: box.page }));
  }
}

/**
 * Makes a new redaction of a document: what its current redaction removed, and what is asked now.
 * A text searched for that is nowhere on the pages stops it (with nothing changed), so no one believes
 * removed what was never found.
 */
export async function redactDocument(
  library: Library,
  work: RedactionWork,
  request: RedactionRequest,
  options: { readonly signal?: AbortSignal; readonly report?: (progress: RedactionProgress) => void } = {},
): Promise<Redaction> {
  const { signal, report } = options;
  const doc = redactable(library, request.documentId);
  for (const box of request.boxes) checkBox(box, doc.pages);
  const before = library.redactions.of(doc.id).current;
  const file = library.vault.ref(doc.sha256!);
  const find = [...new Set(request.find.map((t) => t.trim()).filter(Boolean))];
  // The pages' words: to find the texts asked for, to suggest, and for the copy's text layer (a
  // picture page's words as OCR reads them).
  const words = await withPictureWords(library, work, doc, orThrow(await work.words(file, doc.mediaType, doc.pages, signal), doc), signal);
  const found: FoundText[] = find.map((t) => findText(words.pages, t));
  const missing = found.filter((f) => f.boxes.length === 0).map((f) => said('err.quoted', { text: f.text }));
  if (missing.length) {
    const pictures = words.pagesWithoutText;
    const ocr = work.ocr ? 'yes' : 'no';
    const scans = !pictures.length
      ? ''
      : pictures.length === doc.pages
        ? said('err.redact-scans-all', { ocr, count: pictures.length })
        : said('err.redact-scans-some', { ocr, count: pictures.length, pages: { list: pictures.map(String), joined: ', ' } });
    throw new CasebinderError('not-found', said('err.redact-not-found', { texts: { list: missing, joined: ', ' }, count: missing.length, title: doc.title, scans }));
  }
  const suggestions: SuggestedRedaction[] = request.suggested ? suggestIdentifiers(words.pages, ownDetails(library, doc)) : [];
  const added = [...request.boxes, ...found.flatMap((f) => f.boxes), ...suggestions.flatMap((s) => s.boxes)];
  if (!added.length) {
    throw new CasebinderError('invalid-input', request.suggested ? said('err.redact-nothing-suggested', { title: doc.title }) : 'Say what to remove: draw a box, or search for a text. Nothing was changed.');
  }
  const boxes = [...(before?.boxes ?? []), ...added];
  const pictureWords = new Map(words.pages.filter((p) => words.pagesWithoutText.includes(p.page)).map((p) => [p.page, p.words]));
  const rendered = await drawAll(work, doc, file, boxes, pictureWords, { signal, report });
  signal?.throwIfAborted();
  const foundBefore = before?.found ?? [];
  return library.redactions.add(doc.id, rendered, {
    boxes,
    found: [...foundBefore, ...found.map((f) => ({ text: f.text, matches: f.boxes.length }))],
    suggestionsAccepted: [...(before?.suggestionsAccepted ?? []), ...suggestions.map((s) => s.text)],
  });
}
