import type { AppEvents } from '../../shared/ipc-contract.ts';
import type { ImportResult } from '../../shared/import-types.ts';
import type { OcrResult } from '../../shared/ocr-types.ts';
import { CasebinderError } from '../../shared/errors.ts';
import type { Importer, ImportJob, ImportRequest } from '../import/importer.ts';
import type { OcrJob, OcrRunner } from '../ocr/runner.ts';

export type Emit = <E extends keyof AppEvents>(event: E, payload: AppEvents[E]) => void;

/**
 * The long work the window started, by id: imports, and OCR, which follows each import in the
 * background. It forwards each job's progress as events, lets the window cancel it, and hands over its
 * result when asked.
 */
export class JobRegistry {
  private readonly imports = new Map<string, ImportJob>();
  private readonly ocrJobs = new Map<string, OcrJob>();
  private readonly importer: Importer;
  private readonly ocr: OcrRunner;
  private readonly emit: Emit;
  private readonly backgroundOcr: boolean;

  constructor(importer: Importer, ocr: OcrRunner, emit: Emit, options: { backgroundOcr: boolean }) {
    this.importer = importer;
    this.ocr = ocr;
    this.emit = emit;
    this.backgroundOcr = options.backgroundOcr;
  }

  startImport(request: ImportRequest): string {
    const job = this.importer.start(request);
    this.imports.set(job.id, job);
    job.onProgress((progress) => this.emit('job:progress', { jobId: job.id, kind: 'import', progress }));
    const finish = () => {
      const status = job.status === 'running' ? 'finished' : job.status;
      this.emit('job:finished', { jobId: job.id, kind: 'import', status });
      this.emit('library:changed', { patientId: request.patientId });
      if (this.backgroundOcr) this.startOcrIfWaiting();
    };
    job.result.then(finish, finish);
    return job.id;
  }

  /** Reads the pages waiting for OCR, unless a run already does. Returns its job id. */
  startOcr(): string {
    const running = this.ocr.running;
    if (running) return running.id;
    const job = this.ocr.start();
    this.ocrJobs.set(job.id, job);
    job.onProgress((progress) => this.emit('job:progress', { jobId: job.id, kind: 'ocr', progress }));
    const finish = () => {
      const status = job.status === 'running' ? 'finished' : job.status;
      this.emit('job:finished', { jobId: job.id, kind: 'ocr', status });
      this.emit('library:changed', { patientId: null });
    };
    job.result.then(finish, finish);
    return job.id;
  }

  startOcrIfWaiting(): void {
    if (!this.ocr.running && this.ocr.waiting() > 0) this.startOcr();
  }

  /** The OCR run in progress, if any. */
  runningOcr(): OcrJob | undefined {
    return this.ocr.running;
  }

  cancel(jobId: string): void {
    (this.imports.get(jobId) ?? this.ocrJobs.get(jobId) ?? this.unknown()).cancel();
  }

  result(jobId: string): Promise<ImportResult> {
    return (this.imports.get(jobId) ?? this.unknown()).result;
  }

  ocrResult(jobId: string): Promise<OcrResult> {
    return (this.ocrJobs.get(jobId) ?? this.unknown()).result;
  }

  /** Cancels everything still running (the window closes, the app quits). */
  cancelAll(): void {
    for (const job of [...this.imports.values(), ...this.ocrJobs.values()]) if (job.status === 'running') job.cancel();
  }

  /** Waits for every job to end (after cancelAll, so the library can close). */
  async settled(): Promise<void> {
    await Promise.all([...this.imports.values(), ...this.ocrJobs.values()].map((job) => job.result.catch(() => undefined)));
  }

  private unknown(): never {
    throw new CasebinderError('not-found', 'That job is no longer known; it may have finished before the app restarted.');
  }
}
