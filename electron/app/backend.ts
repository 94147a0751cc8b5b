import { Importer } from '../import/importer.ts';
import { Library } from '../library/library.ts';
import { createHandlers } from './handlers.ts';
import type { Dialogs, ExternalShell, Handlers } from './handlers.ts';
import { JobRegistry } from './jobs.ts';
import type { Emit } from './jobs.ts';

export interface BackendOptions {
  readonly libraryDir: string;
  readonly dialogs: Dialogs;
  readonly shell: ExternalShell;
  readonly emit: Emit;
  readonly version: string;
  /** The built import worker, when running from a bundle. */
  readonly workerFile?: string;
  readonly importThreads?: number;
}

/**
 * Everything behind the window: the library (created on first run), the importer and its jobs, and
 * the handler map of the IPC contract. The Electron app and the end-to-end harness both make one.
 */
export class Backend {
  readonly library: Library;
  readonly importer: Importer;
  readonly jobs: JobRegistry;
  readonly handlers: Handlers;

  constructor(options: BackendOptions) {
    this.library = Library.open(options.libraryDir, { create: true });
    this.importer = new Importer(this.library, {
      ...(options.workerFile ? { workerFile: options.workerFile } : {}),
      ...(options.importThreads ? { threads: options.importThreads } : {}),
    });
    this.jobs = new JobRegistry(this.importer, options.emit);
    this.handlers = createHandlers({
      library: this.library,
      jobs: this.jobs,
      dialogs: options.dialogs,
      shell: options.shell,
      emit: options.emit,
      version: options.version,
    });
  }

  async close(): Promise<void> {
    this.jobs.cancelAll();
    await this.importer.close();
    this.library.close();
  }
}
