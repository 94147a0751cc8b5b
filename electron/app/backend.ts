import { pagePictureFrom } from '../export/bundle.ts';
import { Importer } from '../import/importer.ts';
import { readStatedPatientsOfOlderDocuments } from '../import/stated-patients.ts';
import { Library } from '../library/library.ts';
import { OcrRunner } from '../ocr/runner.ts';
import { WorkerPool } from '../workers/pool.ts';
import { createHandlers } from './handlers.ts';
import type { Dialogs, ExternalShell, Handlers } from './context.ts';
import { JobRegistry } from './jobs.ts';
import type { Emit } from './jobs.ts';
import { ChosenPaths } from './chosen-paths.ts';

export interface BackendOptions {
  readonly libraryDir: string;
  readonly dialogs: Dialogs;
  readonly shell: ExternalShell;
  readonly emit: Emit;
  readonly version: string;
  /** The built worker, when running from a bundle. */
  readonly workerFile?: string;
  readonly importThreads?: number;
  readonly ocrWorkers?: number;
  /** Start reading waiting pages (OCR) on its own, after imports and when the app starts. */
  readonly backgroundOcr?: boolean;
}

/**
 * Everything behind the window: the library (created on first run), the worker threads, the importer
 * and OCR with their jobs, and the handler map of the IPC contract. The Electron app and the
 * end-to-end harness both make one.
 */
export class Backend {
  readonly library: Library;
  readonly pool: WorkerPool;
  readonly importer: Importer;
  readonly ocr: OcrRunner;
  readonly jobs: JobRegistry;
  /** What the person chose to import; the desktop adds the paths of files dropped on the window. */
  readonly chosen = new ChosenPaths();
  readonly handlers: Handlers;

  constructor(options: BackendOptions) {
    this.library = Library.open(options.libraryDir, { create: true });
    this.pool = new WorkerPool({
      ...(options.workerFile ? { workerFile: options.workerFile } : {}),
      ...(options.importThreads ? { threads: options.importThreads } : {}),
    });
    this.importer = new Importer(this.library, this.pool);
    this.ocr = new OcrRunner(this.library, this.pool, {
      ...(options.ocrWorkers ? { workers: options.ocrWorkers } : {}),
      onDocumentRead: (document) => options.emit('library:changed', { patientId: document.patientId }),
    });
    const exportServices = { library: this.library, picture: pagePictureFrom(this.pool) };
    this.jobs = new JobRegistry(this.importer, this.ocr, exportServices, options.emit, { backgroundOcr: options.backgroundOcr ?? true });
    this.handlers = createHandlers({
      library: this.library,
      pool: this.pool,
      jobs: this.jobs,
      dialogs: options.dialogs,
      chosen: this.chosen,
      shell: options.shell,
      emit: options.emit,
      version: options.version,
    });
  }

  /**
   * Work an earlier session left: names of documents imported before names were read, what has been
   * in the trash longer than it is kept, thumbnails of series an interrupted import did not reach,
   * pages waiting for OCR.
   */
  async resume(): Promise<void> {
    readStatedPatientsOfOlderDocuments(this.library);
    await this.library.corrections.emptyTrash({ onlyExpired: true });
    await this.importer.makeThumbnails();
    this.jobs.startOcrIfWaiting();
  }

  async close(): Promise<void> {
    this.jobs.cancelAll();
    await this.ocr.close();
    await this.jobs.settled();
    await this.pool.close();
    this.library.close();
  }
}
