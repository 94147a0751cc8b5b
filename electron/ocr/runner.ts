import { CasebinderError } from '../../shared/errors.ts';
import { LOW_OCR_CONFIDENCE } from '../../shared/library-types.ts';
import type { MedicalDocument } from '../../shared/library-types.ts';
import type { OcrProgress, OcrResult } from '../../shared/ocr-types.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import { asWritten, said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import { Job } from '../jobs/job.ts';
import type { JobContext } from '../jobs/job.ts';
import type { Library } from '../library/library.ts';
import { pageKey } from '../library/ocr-pages.ts';
import type { WaitingPage } from '../library/ocr-pages.ts';
import { automaticTitles, suggestDetails } from '../suggest/suggest.ts';
import type { WorkerPool } from '../workers/pool.ts';
import { OcrEngine, ocrThreads } from '../media/ocr-engine.ts';

export type OcrJob = Job<OcrProgress, OcrResult>;

export interface OcrRunnerOptions {
  /** Tesseract workers reading pages side by side (each holds its model: ~100 MB); one per core by default. */
  readonly workers?: number;
  /** Told when a document's last waiting page was read (the app refreshes its lists). */
  readonly onDocumentRead?: (document: MedicalDocument) => void;
  /** The language the titles the library makes are written in: the window's (English on the command line). */
  readonly titleLanguage?: () => WindowLanguage;
}

/** Pages asked from the library at a time; new imports' pages join as the queue is refilled. */
const BATCH = 50;

/**
 * Reads the text of scanned pages and photos, in the background, as its own job: an import lists
 * documents at once and never waits for OCR. What is read goes into search with its confidence; a
 * cancelled run leaves the remaining pages waiting for the next. Once all of a document's pages are
 * read, its suggestions (type, date, facility, clinician, title) are made again from the new text.
 */
export class OcrRunner {
  private readonly library: Library;
  private readonly pool: WorkerPool;
  private readonly engine: OcrEngine;
  private readonly onDocumentRead: ((document: MedicalDocument) => void) | undefined;
  private readonly titleLanguage: () => WindowLanguage;
  private job: OcrJob | undefined;

  /** The Tesseract threads, for other work that reads pictures of pages (redaction's search on a scan). */
  get tesseract(): OcrEngine {
    return this.engine;
  }

  constructor(library: Library, pool: WorkerPool, options: OcrRunnerOptions = {}) {
    this.library = library;
    this.pool = pool;
    this.engine = new OcrEngine(options.workers ?? ocrThreads());
    this.onDocumentRead = options.onDocumentRead;
    this.titleLanguage = options.titleLanguage ?? (() => 'en');
  }

  /** The run in progress, if any. */
  get running(): OcrJob | undefined {
    return this.job?.status === 'running' ? this.job : undefined;
  }

  /** Pages waiting to be read. */
  waiting(): number {
    return this.library.ocr.waitingCount();
  }

  /** Starts reading the waiting pages, or returns the run already doing so. */
  start(): OcrJob {
    const running = this.running;
    if (running) return running;
    const job: OcrJob = new Job('ocr', (context) => this.run(context));
    this.job = job;
    return job;
  }

  async close(): Promise<void> {
    this.running?.cancel();
    await this.job?.result.catch(() => undefined);
    await this.engine.close();
  }

  private async run(context: JobContext<OcrProgress>): Promise<OcrResult> {
    const { signal } = context;
    const languages = this.library.settings.ocrLanguages();
    const inFlight = new Set<string>();
    const queue: WaitingPage[] = [];
    const automaticTitles = new Map<number, string>();
    const documents = new Set<number>();
    let pagesRead = 0;
    let pagesFailed = 0;
    let lowConfidence = 0;
    let pagesTotal = this.library.ocr.waitingCount();
    const report = (current?: { document: MedicalDocument; page: number }) =>
      context.report({
        pagesDone: pagesRead + pagesFailed,
        pagesTotal,
        ...(current ? { document: { id: current.document.id, title: current.document.title, page: current.page } } : {}),
      });
    report();

    const next = (): WaitingPage | undefined => {
      if (queue.length === 0) {
        queue.push(...this.library.ocr.waiting(BATCH, inFlight));
        // Pages being read are still 'pending' in the library, so the waiting count includes them.
        pagesTotal = pagesRead + pagesFailed + this.library.ocr.waitingCount();
      }
      return queue.shift();
    };

    const lane = async () => {
      for (let page = next(); page && !signal.aborted; page = next()) {
        const key = pageKey(page.documentId, page.number);
        inFlight.add(key);
        try {
          const outcome = await this.readPage(page, languages, automaticTitles, signal, (document) => report({ document, page: page!.number }));
          if (outcome === 'read' || outcome === 'low') pagesRead++;
          if (outcome === 'low') lowConfidence++;
          if (outcome === 'failed') pagesFailed++;
          documents.add(page.documentId);
        } catch (error) {
          if (signal.aborted) break;
          pagesFailed++;
          this.library.ocr.failed(page, failureReason(error));
        } finally {
          inFlight.delete(key);
        }
        this.finishDocument(page.documentId, inFlight, automaticTitles);
        report();
      }
    };
    await Promise.all(Array.from({ length: this.engine.size }, lane));
    return { pagesRead, pagesFailed, lowConfidence, documents: [...documents], cancelled: signal.aborted, languages };
  }

  private async readPage(
    page: WaitingPage,
    languages: readonly string[],
    automaticTitles: Map<number, string>,
    signal: AbortSignal,
    started: (document: MedicalDocument) => void,
  ): Promise<'read' | 'low' | 'failed' | 'gone'> {
    let document: MedicalDocument;
    try {
      document = this.library.documents.get(page.documentId);
    } catch (error) {
      if (error instanceof CasebinderError && error.code === 'not-found') return 'gone';
      throw error;
    }
    if (!automaticTitles.has(document.id)) automaticTitles.set(document.id, this.automaticTitle(document));
    started(document);
    if (!document.sha256) {
      this.library.ocr.failed(page, said('ocr-no-pages'));
      return 'failed';
    }
    if (!this.library.vault.has(document.sha256)) {
      this.library.ocr.failed(page, said('ocr-original-missing'));
      return 'failed';
    }
    const image = await this.pool.pageImage({ file: this.library.vault.ref(document.sha256), mediaType: document.mediaType, page: page.number }, signal);
    if ('code' in image) {
      this.library.ocr.failed(page, image.words?.length ? said('ocr-page-refused', { words: { list: image.words, joined: ' ' } }) : asWritten(image.reason));
      return 'failed';
    }
    const recognized = await this.engine.recognize(image.pgm, languages as Parameters<OcrEngine['recognize']>[1], signal);
    if (!this.library.ocr.read(page, recognized.text, recognized.confidence, languages.join('+'))) return 'gone';
    return recognized.text && recognized.confidence < LOW_OCR_CONFIDENCE ? 'low' : 'read';
  }

  /**
   * The title the library gave the document from its text as it is before this reading, in whichever
   * language the window spoke when it came in; a title that is none of those is the person's own.
   */
  private automaticTitle(document: MedicalDocument): string {
    const titles = automaticTitles(this.library.documents.pageTexts(document.id), document.originalName);
    return titles.find((title) => title === document.title) ?? titles[0]!;
  }

  /** Once a document has no page waiting or being read: new suggestions from its new text. */
  private finishDocument(documentId: number, inFlight: ReadonlySet<string>, automaticTitles: Map<number, string>): void {
    if ([...inFlight].some((k) => k.startsWith(`${documentId}:`)) || this.library.ocr.documentWaiting(documentId)) return;
    const automatic = automaticTitles.get(documentId);
    if (automatic === undefined) return;
    automaticTitles.delete(documentId);
    let document: MedicalDocument;
    try {
      document = this.library.documents.get(documentId);
    } catch {
      return;
    }
    const patient = this.library.patients.get(document.patientId);
    const { suggested, title, dateReason, statedPatients, languages } = suggestDetails(this.library.documents.pageTexts(documentId), document.originalName, {
      dateOfBirth: patient.dateOfBirth,
      reference: new Date(document.importedAt),
      language: this.titleLanguage(),
    });
    this.library.documents.resuggest(documentId, suggested, title, automatic, dateReason);
    this.library.documents.setLanguages(documentId, languages);
    // Whom the page names was not known before its text was read.
    this.library.identity.record(documentId, statedPatients, ['text']);
    this.onDocumentRead?.(this.library.documents.get(documentId));
  }
}

/** Why a page could not be read, in words the person can act on. */
function failureReason(error: unknown): Said {
  const message = (error as Error).message ?? String(error);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return said('ocr-original-missing');
  return said('ocr-failed', { message });
}
