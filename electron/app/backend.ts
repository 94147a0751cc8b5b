import { readUnreadLanguages } from '../suggest/language.ts';
import { CHANNELS } from '../../shared/ipc-contract.ts';
import type { Channel } from '../../shared/ipc-contract.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import { pagePictureFrom } from '../export/start.ts';
import { Importer } from '../import/importer.ts';
import { readStatedPatientsOfOlderDocuments } from '../import/stated-patients.ts';
import { isEncrypted } from '../library/keyring.ts';
import type { LibraryKey } from '../library/keyring.ts';
import { Library } from '../library/library.ts';
import { OcrRunner } from '../ocr/runner.ts';
import { WorkerPool } from '../workers/pool.ts';
import { createHandlers } from './handlers.ts';
import type { Dialogs, ExternalShell, Handler, Handlers, Keychain, LibraryChannel, LibraryHandlers } from './context.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import { JobRegistry } from './jobs.ts';
import type { Emit } from './jobs.ts';
import { ChosenPaths } from './chosen-paths.ts';
import { securityChannels } from './channels/security.ts';

export interface BackendOptions {
  readonly libraryDir: string;
  readonly dialogs: Dialogs;
  readonly shell: ExternalShell;
  readonly emit: Emit;
  readonly version: string;
  /** The OS keychain (the app's safeStorage); without it, it is not offered. */
  readonly keychain?: Keychain;
  /** The built worker, when running from a bundle. */
  readonly workerFile?: string;
  readonly importThreads?: number;
  readonly ocrWorkers?: number;
  /** Start reading waiting pages (OCR) on its own, after imports and when the app starts. */
  readonly backgroundOcr?: boolean;
}

/** The open library and what works on it; an encrypted library has one only while it is unlocked. */
interface Session {
  readonly library: Library;
  readonly importer: Importer;
  readonly ocr: OcrRunner;
  readonly jobs: JobRegistry;
  readonly handlers: LibraryHandlers;
}

/**
 * Everything behind the window: the library (created on first run), the worker threads, the importer
 * and OCR with their jobs, and the handler map of the IPC contract. The Electron app and the
 * end-to-end harness both make one. An encrypted library starts locked: only the back end's own
 * channels (the lock, encryption, what the app is) answer until its passphrase opens it, and locking
 * closes it again, its key dropped.
 */
export class Backend {
  readonly options: BackendOptions;
  readonly pool: WorkerPool;
  /** What the person chose to import; the desktop adds the paths of files dropped on the window. */
  readonly chosen = new ChosenPaths();
  readonly handlers: Handlers;
  private session: Session | null = null;
  /** Set while the library is being encrypted or decrypted: nothing else may touch it. */
  private busyWith: string | null = null;
  /** The window's language: the titles the library makes are written in it. */
  private windowLanguage: WindowLanguage = 'en';

  constructor(options: BackendOptions) {
    this.options = options;
    this.pool = new WorkerPool({
      ...(options.workerFile ? { workerFile: options.workerFile } : {}),
      ...(options.importThreads ? { threads: options.importThreads } : {}),
    });
    if (!isEncrypted(options.libraryDir)) this.session = this.openSession(null);
    const own = securityChannels(this);
    const handlers: Record<string, Handler<Channel>> = { ...(own as unknown as Record<string, Handler<Channel>>) };
    for (const channel of Object.keys(CHANNELS) as Channel[]) {
      if (channel in own) continue;
      handlers[channel] = (...args) => (this.current().handlers[channel as LibraryChannel] as Handler<Channel>)(...args);
    }
    // Told even while the library is locked (the window says it as it starts).
    const windowLanguage: Handler<'shell:window-language'> = (language, chosen) => {
      this.windowLanguage = language;
      options.shell.windowLanguage(language, chosen);
      return null;
    };
    handlers['shell:window-language'] = windowLanguage as unknown as Handler<Channel>;
    this.handlers = handlers as unknown as Handlers;
  }

  get libraryDir(): string {
    return this.options.libraryDir;
  }

  get locked(): boolean {
    return this.session === null;
  }

  /** The open library (throws while locked). */
  get library(): Library {
    return this.current().library;
  }

  get jobs(): JobRegistry {
    return this.current().jobs;
  }

  get importer(): Importer {
    return this.current().importer;
  }

  get ocr(): OcrRunner {
    return this.current().ocr;
  }

  /** The open session, or a plain error for a channel that needs the library while it is locked or busy. */
  current(): Session {
    if (this.busyWith) throw new CasebinderError('conflict', said('err.busy', { doing: this.busyWith }));
    if (!this.session) throw new CasebinderError('library-locked', said('err.locked'));
    return this.session;
  }

  private openSession(key: LibraryKey | null): Session {
    const { options } = this;
    const library = Library.open(options.libraryDir, { create: true, key });
    const titleLanguage = () => this.windowLanguage;
    const importer = new Importer(library, this.pool, { titleLanguage });
    const ocr = new OcrRunner(library, this.pool, {
      titleLanguage,
      ...(options.ocrWorkers ? { workers: options.ocrWorkers } : {}),
      onDocumentRead: (document) => options.emit('library:changed', { patientId: document.patientId }),
    });
    const exportServices = { library, picture: pagePictureFrom(this.pool) };
    const jobs = new JobRegistry(importer, ocr, exportServices, options.emit, { backgroundOcr: options.backgroundOcr ?? true });
    const handlers = createHandlers({ library, pool: this.pool, jobs, dialogs: options.dialogs, chosen: this.chosen, shell: options.shell, emit: options.emit, version: options.version });
    return { library, importer, ocr, jobs, handlers };
  }

  /** Opens the library with its key (after the passphrase unwrapped it) and picks up the work it left. */
  async unlockWith(key: LibraryKey | null): Promise<void> {
    if (this.session) return;
    this.session = this.openSession(key);
    await this.resume();
  }

  /**
   * Closes the library: imports and OCR are cancelled (an import stops between files, leaving every
   * file whole or absent; OCR goes on from the same page after the next unlock), exports stop and
   * remove their temporary copies, and the key is overwritten in memory.
   */
  async lock(): Promise<void> {
    const session = this.session;
    // A plain library has nothing to lock: its files are readable on disk anyway.
    if (!session || !isEncrypted(this.options.libraryDir)) return;
    this.session = null;
    await closeSession(session);
    this.options.emit('security:locked', {});
  }

  /** Runs `work` with the library closed (encrypting or decrypting it), then opens it with the key it returns. */
  async withLibraryClosed<T>(doing: string, work: () => Promise<T>, reopen: (result: T | null) => Promise<LibraryKey | null>): Promise<T> {
    const session = this.current();
    this.busyWith = doing;
    await closeSession(session, false);
    this.session = null;
    let result: T | null = null;
    try {
      result = await work();
      return result;
    } finally {
      this.busyWith = null;
      this.session = this.openSession(await reopen(result));
    }
  }

  /**
   * Work an earlier session left: names of documents imported before names were read, what has been
   * in the trash longer than it is kept, thumbnails of series an interrupted import did not reach,
   * pages waiting for OCR.
   */
  async resume(): Promise<void> {
    const session = this.session;
    if (!session) return;
    readStatedPatientsOfOlderDocuments(session.library);
    await session.library.corrections.emptyTrash({ onlyExpired: true });
    await session.importer.readMissingDetails();
    await session.importer.makeThumbnails();
    session.jobs.startOcrIfWaiting();
    void this.readLanguagesOfOlderDocuments(session);
  }

  /**
   * A library made before documents' languages were read has them read now, a few documents at a time
   * between the window's requests, until all are read or the library closes. Nothing waits for it:
   * what needs a language before then reads it itself (readUnreadLanguages).
   */
  private async readLanguagesOfOlderDocuments(session: Session): Promise<void> {
    let read = 0;
    try {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.session !== session || this.busyWith) return;
        const done = readUnreadLanguages(session.library, LANGUAGES_PER_TURN);
        read += done;
        if (done < LANGUAGES_PER_TURN) break;
      }
    } catch (error) {
      console.warn('Reading the languages of older documents stopped:', error);
      return;
    }
    if (read > 0) this.options.emit('library:changed', { patientId: null });
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await closeSession(session);
    await this.pool.close();
  }
}

/** Documents whose languages are read between two of the window's requests (about 10 ms each). */
const LANGUAGES_PER_TURN = 5;

async function closeSession(session: Session, forgetKey = true): Promise<void> {
  session.jobs.cancelAll();
  await session.ocr.close();
  await session.jobs.settled();
  const key = session.library.key;
  session.library.close();
  if (forgetKey) key?.forget();
}
