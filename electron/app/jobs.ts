import type { AppEvents } from '../../shared/ipc-contract.ts';
import type { ImportResult } from '../../shared/import-types.ts';
import { CasebinderError } from '../../shared/errors.ts';
import type { Importer, ImportJob, ImportRequest } from '../import/importer.ts';

export type Emit = <E extends keyof AppEvents>(event: E, payload: AppEvents[E]) => void;

/**
 * The long work the window started, by id: it forwards each job's progress as events, lets the window
 * cancel it, and hands over its result when asked.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly importer: Importer;
  private readonly emit: Emit;

  constructor(importer: Importer, emit: Emit) {
    this.importer = importer;
    this.emit = emit;
  }

  startImport(request: ImportRequest): string {
    const job = this.importer.start(request);
    this.jobs.set(job.id, job);
    job.onProgress((progress) => this.emit('job:progress', { jobId: job.id, kind: 'import', progress }));
    job.result.then(
      () => this.finish(job, request.patientId),
      () => this.finish(job, request.patientId),
    );
    return job.id;
  }

  cancel(jobId: string): void {
    this.get(jobId).cancel();
  }

  result(jobId: string): Promise<ImportResult> {
    return this.get(jobId).result;
  }

  /** Cancels everything still running (the window closes, the app quits). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status === 'running') job.cancel();
  }

  private get(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new CasebinderError('not-found', 'That import is no longer known; it may have finished before the app restarted.');
    return job;
  }

  private finish(job: ImportJob, patientId: number): void {
    const status = job.status === 'running' ? 'finished' : job.status;
    this.emit('job:finished', { jobId: job.id, kind: 'import', status });
    this.emit('library:changed', { patientId });
  }
}
