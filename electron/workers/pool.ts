import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Refusal } from '../../shared/import-types.ts';
import type { Thumbnail } from '../dicom/thumbnail.ts';
import type { PageImage } from '../media/page-image.ts';
import type { PagePicture } from '../media/page-picture.ts';
import type { RecordsRead } from '../records/read.ts';
import type { ComposeTask, ExtractResult, ExtractTask, PageImageTask, RecordsTask, RedactionWordsTask, ThumbnailTask } from './worker.ts';
import type { DocumentWords, RedactedPage, RedactedPicture } from '../redact/rebuild.ts';
import type { RedactionWork, RedactPageTask } from '../redact/redact.ts';

export interface WorkerPoolOptions {
  /** Worker threads; one per core (up to 4) by default. */
  readonly threads?: number;
  /** The worker's module (the bundled app points this at its built copy). */
  readonly workerFile?: string;
}

/** The worker threads that read files, draw thumbnails, draw pages for OCR and turn and crop photos. */
export class WorkerPool {
  private readonly pool: Piscina;
  readonly threads: number;

  constructor(options: WorkerPoolOptions = {}) {
    this.threads = options.threads ?? Math.max(1, Math.min(os.availableParallelism(), 4));
    this.pool = new Piscina({
      filename: options.workerFile ?? fileURLToPath(new URL('./worker.ts', import.meta.url)),
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: 30_000,
      // A small young generation makes each worker collect early instead of growing (-60 MB measured
      // on 2 GB of scans); the old-generation cap turns a runaway file into a refusal, not a crash.
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 4 },
    });
  }

  extract(task: ExtractTask, signal?: AbortSignal): Promise<ExtractResult> {
    return this.pool.run(task, { ...(signal ? { signal } : {}) }) as Promise<ExtractResult>;
  }

  thumbnail(task: ThumbnailTask, signal?: AbortSignal): Promise<Thumbnail> {
    return this.pool.run(task, { name: 'thumbnail', ...(signal ? { signal } : {}) }) as Promise<Thumbnail>;
  }

  pageImage(task: PageImageTask, signal?: AbortSignal): Promise<PageImage | Refusal> {
    return this.pool.run(task, { name: 'pageImage', ...(signal ? { signal } : {}) }) as Promise<PageImage | Refusal>;
  }

  records(task: RecordsTask, signal?: AbortSignal): Promise<RecordsRead | { ok: false; refusal: Refusal }> {
    return this.pool.run(task, { name: 'records', ...(signal ? { signal } : {}) }) as Promise<RecordsRead | { ok: false; refusal: Refusal }>;
  }

  composePage(task: ComposeTask): Promise<PagePicture> {
    return this.pool.run(task, { name: 'composePage' }) as Promise<PagePicture>;
  }

  redactionWords(task: RedactionWordsTask, signal?: AbortSignal): Promise<DocumentWords | Refusal> {
    return this.pool.run(task, { name: 'redactionWords', ...(signal ? { signal } : {}) }) as Promise<DocumentWords | Refusal>;
  }

  redactionPage(task: RedactPageTask, signal?: AbortSignal): Promise<RedactedPage | RedactedPicture | Refusal> {
    return this.pool.run(task, { name: 'redactionPage', ...(signal ? { signal } : {}) }) as Promise<RedactedPage | RedactedPicture | Refusal>;
  }

  /** Redaction's reading and drawing on these threads, with this OCR for pages that are pictures. */
  redaction(ocr: RedactionWork['ocr']): RedactionWork {
    return {
      threads: this.threads,
      words: (file, mediaType, pages, signal) => this.redactionWords({ file, mediaType, pages }, signal),
      page: (task, signal) => this.redactionPage(task, signal),
      pageImage: (file, mediaType, page, signal) => this.pageImage({ file, mediaType, page }, signal),
      ocr,
    };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
