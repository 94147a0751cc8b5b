/**
 * Runs in worker threads (one per core): everything CPU-heavy, so the app's main thread never
 * freezes. It reads the vault's copies, never the person's originals. Its jobs: read a new file (text,
 * pages, previews, suggested details), draw a DICOM series' thumbnail, draw a page for OCR, and turn
 * and crop a photo for a document made from photos.
 */
import './quiet.ts';
import type { Crop, QuarterTurn } from '../../shared/compose-types.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import type { Said } from '../../shared/said.ts';
import type { DocumentSuggestions } from '../../shared/library-types.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import type { Refusal } from '../../shared/import-types.ts';
import { pagePicture } from '../media/page-picture.ts';
import type { PagePicture } from '../media/page-picture.ts';
import { dicomThumbnail } from '../dicom/thumbnail.ts';
import type { Thumbnail } from '../dicom/thumbnail.ts';
import type { ImageMediaType, ImportKind } from '../media/detect.ts';
import { readPdfText } from '../media/pdf-text.ts';
import { readPicture } from '../media/pictures.ts';
import type { Preview } from '../media/pictures.ts';
import { pdfPageImage, photoPageImage } from '../media/page-image.ts';
import type { PageImage } from '../media/page-image.ts';
import { readLabTables } from '../labs/pdf-table.ts';
import type { PageRuns } from '../media/pdf-lines.ts';
import { normalizeLab } from '../labs/normalize.ts';
import type { NormalizedLab } from '../../shared/records-types.ts';
import { readMedicationLists } from '../records/pdf-lists.ts';
import { readRecordsFile } from '../records/read.ts';
import type { RecordInput } from '../library/records.ts';
import type { RecordFormat, RecordsRead } from '../records/read.ts';
import { suggestDetails } from '../suggest/suggest.ts';
import type { OriginalRef } from '../library/sealed.ts';
import type { DocumentWords, RedactedPage, RedactedPicture } from '../redact/rebuild.ts';
import type { RedactPageTask } from '../redact/redact.ts';

export interface ExtractTask {
  /** The file being imported, as staged in the vault (with its key when the library is encrypted). */
  readonly file: OriginalRef;
  readonly kind: ImportKind;
  readonly mediaType: string;
  readonly originalName: string;
  /** The patient's date of birth: a date on the page equal to it is never the date of service. */
  readonly dateOfBirth: string | null;
  /** When the import runs (ISO time), for dates written with a two-digit year. */
  readonly reference: string;
  /** The language of the titles the library makes (the window's). */
  readonly language: WindowLanguage;
}

export type ExtractResult =
  | {
      readonly ok: true;
      readonly pageTexts: string[];
      /** Results read from the tables of a lab report PDF, each with its page, normalised; they await confirmation. */
      readonly labs: NormalizedLab[];
      /** Medications and allergies read from its lists, each with its page; they await confirmation. */
      readonly records: RecordInput[];
      /** Pages (1-based) with no text of their own, for OCR to read. */
      readonly ocrPages: number[];
      readonly previews: Preview[];
      readonly suggested: DocumentSuggestions;
      readonly dateReason: Said | null;
      /** Whom its text names as its patient. */
      readonly statedPatients: StatedPatient[];
      readonly title: string;
      /** The languages its text is written in (none yet for a photo: OCR reads its text later). */
      readonly languages: string[];
      /** The worker's time on each part, in ms (the import's profile). */
      readonly timings: { readonly read: number; readonly suggestions: number; readonly labs: number; readonly lists: number };
    }
  | { readonly ok: false; readonly refusal: Refusal };

export default async function extract(task: ExtractTask): Promise<ExtractResult> {
  let clock = performance.now();
  const lap = () => {
    const now = performance.now();
    const spent = now - clock;
    clock = now;
    return spent;
  };
  let pageTexts: string[];
  let previews: Preview[] = [];
  let pageRuns: PageRuns[] = [];
  let picturePages: number[] | null = null;
  if (task.kind === 'pdf') {
    const read = await readPdfText(task.file);
    if ('code' in read) return { ok: false, refusal: read };
    pageTexts = read.pageTexts;
    pageRuns = read.pageRuns;
    picturePages = read.picturePages;
  } else {
    const read = await readPicture(task.file, task.mediaType as ImageMediaType);
    if ('code' in read) return { ok: false, refusal: read };
    // A photo's text comes later, from OCR.
    pageTexts = read.info.sizes.map(() => '');
    previews = read.previews;
  }
  // A photo's pages are pictures; a PDF's textless pages only when they show one.
  const ocrPages = picturePages ?? pageTexts.map((_, i) => i + 1);
  const readTime = lap();
  const { suggested, title, dateReason, statedPatients, languages } = suggestDetails(pageTexts, task.originalName, {
    dateOfBirth: task.dateOfBirth,
    reference: new Date(task.reference),
    language: task.language,
  });
  const suggestions = lap();
  const labs = pageRuns.length ? readLabTables(pageRuns, { date: suggested.dateOfService, lab: suggested.facility, reference: new Date(task.reference) }).map((l) => normalizeLab(l, 'pdf')) : [];
  const labTime = lap();
  const records = pageRuns.length ? readMedicationLists(pageRuns) : [];
  const timings = { read: readTime, suggestions, labs: labTime, lists: lap() };
  return { ok: true, pageTexts, labs, records, ocrPages, previews, suggested, dateReason, statedPatients, title, languages, timings };
}

export interface ThumbnailTask {
  /** An original in the vault (with its key when the library is encrypted). */
  readonly file: OriginalRef;
  readonly transferSyntaxUid: string | null;
}

export async function thumbnail(task: ThumbnailTask): Promise<Thumbnail> {
  return dicomThumbnail(task.file, task.transferSyntaxUid);
}

export interface PageImageTask {
  /** An original in the vault (with its key when the library is encrypted). */
  readonly file: OriginalRef;
  readonly mediaType: string;
  readonly page: number;
}

export async function pageImage(task: PageImageTask): Promise<PageImage | Refusal> {
  if (task.mediaType === 'application/pdf') return pdfPageImage(task.file, task.page);
  return photoPageImage(task.file, task.mediaType as ImageMediaType, task.page);
}

export interface ComposeTask {
  /** An original in the vault (with its key when the library is encrypted). */
  readonly file: OriginalRef;
  readonly mediaType: string;
  readonly page: number;
  readonly rotation: QuarterTurn;
  readonly crop: Crop | null;
}

export async function composePage(task: ComposeTask): Promise<PagePicture> {
  return pagePicture(task.file, task.mediaType as ImageMediaType, task.page, task.rotation, task.crop);
}

export interface RecordsTask {
  readonly file: OriginalRef;
  readonly format: RecordFormat;
  readonly originalName: string;
  /** The language of the titles the library makes (the window's). */
  readonly language: WindowLanguage;
}

/** A portal download's file (C-CDA or FHIR): its text and the records it lists. */
export async function records(task: RecordsTask): Promise<RecordsRead | { ok: false; refusal: Refusal }> {
  return readRecordsFile(task.file, task.format, task.originalName, task.language);
}

export interface RedactionWordsTask {
  readonly file: OriginalRef;
  readonly mediaType: string;
  readonly pages: number;
}

/** A document's words with their places, for finding what to redact. */
export async function redactionWords(task: RedactionWordsTask): Promise<DocumentWords | Refusal> {
  // Redaction's modules (pdf-lib, its fonts) are loaded when a redaction first asks: about 24 MB of
  // each worker thread that an import, which never redacts, no longer holds.
  const { documentWords } = await import('../redact/rebuild.ts');
  return documentWords(task.file, task.mediaType, task.pages);
}

/** One page of a redaction drawn again. */
export async function redactionPage(task: RedactPageTask): Promise<RedactedPage | RedactedPicture | Refusal> {
  const { redactPage } = await import('../redact/redact.ts');
  return redactPage(task);
}
