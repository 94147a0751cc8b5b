import { randomUUID } from 'node:crypto';

/**
 * Long work (import, check, OCR, export) as a job: it reports progress as it goes, can be cancelled,
 * and ends with a result. The app lists running jobs and forwards their progress to the window; the
 * command line prints it; tests wait for the result.
 */
export type JobStatus = 'running' | 'finished' | 'failed' | 'cancelled';

export interface JobContext<Progress> {
  readonly signal: AbortSignal;
  report(progress: Progress): void;
}

export class Job<Progress, Result> {
  readonly id = randomUUID();
  readonly kind: string;
  readonly result: Promise<Result>;
  private readonly controller = new AbortController();
  private readonly listeners = new Set<(progress: Progress) => void>();
  private lastProgress: Progress | undefined;
  private currentStatus: JobStatus = 'running';

  constructor(kind: string, work: (context: JobContext<Progress>) => Promise<Result>) {
    this.kind = kind;
    const context: JobContext<Progress> = {
      signal: this.controller.signal,
      report: (progress) => {
        this.lastProgress = progress;
        for (const listener of this.listeners) listener(progress);
      },
    };
    this.result = (async () => {
      try {
        const result = await work(context);
        this.currentStatus = this.controller.signal.aborted ? 'cancelled' : 'finished';
        return result;
      } catch (error) {
        this.currentStatus = this.controller.signal.aborted ? 'cancelled' : 'failed';
        throw error;
      }
    })();
    // A job whose result nobody awaits must not crash the process with an unhandled rejection.
    this.result.catch(() => undefined);
  }

  get status(): JobStatus {
    return this.currentStatus;
  }

  get progress(): Progress | undefined {
    return this.lastProgress;
  }

  /** Listens to progress; returns the function that stops listening. */
  onProgress(listener: (progress: Progress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    this.controller.abort(new Error('cancelled'));
  }
}
