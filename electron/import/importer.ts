import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ImportOutcome, ImportProgress, ImportResult, Refusal } from '../../shared/import-types.ts';
import { Job } from '../jobs/job.ts';
import type { JobContext } from '../jobs/job.ts';
import type { Library } from '../library/library.ts';
import type { StagedFile } from '../library/vault.ts';
import { detect, isRefusal, readFailure } from './detect.ts';
import type { ExtractResult, ExtractTask } from './extract-worker.ts';
import { walk } from './walk.ts';
import type { FoundFile } from './walk.ts';

export interface ImportRequest {
  readonly paths: readonly string[];
  readonly patientId: number;
}

export interface ImporterOptions {
  /** Worker threads for text extraction; one per core by default. */
  readonly threads?: number;
  /** The worker's module (the bundled app points this at its built copy). */
  readonly workerFile?: string;
}

export type ImportJob = Job<ImportProgress, ImportResult>;

// pdf.js holds the byte ranges it parses, which for a big scanned PDF is most of the file: one such file
// in extraction at a time keeps two workers from holding two of them.
const LARGE_FILE_BYTES = 32 * 1024 * 1024;

/** A one-at-a-time gate. */
class Gate {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const CANCELLED: Refusal = { code: 'cancelled', reason: 'Not imported: the import was cancelled before this file was done.' };
const TOO_LARGE: Refusal = {
  code: 'too-large',
  reason: 'This file is too large or too complex to read within the memory Casebinder allows for one file. Split it into smaller PDFs and import those.',
};

/**
 * Brings files into the library. Each file is identified by content, copied into the vault while it is
 * hashed (the original is read once and never changed), checked against what the library already
 * holds, read by a worker thread (text of every page, suggested details), and only then committed:
 * the original made durable and the document and all its pages written in one transaction. A file
 * that fails leaves nothing behind, and never stops the others.
 */
export class Importer {
  private readonly library: Library;
  private readonly pool: Piscina<ExtractTask, ExtractResult>;
  private readonly largeFiles = new Gate();
  readonly threads: number;

  constructor(library: Library, options: ImporterOptions = {}) {
    this.library = library;
    this.threads = options.threads ?? Math.max(1, Math.min(os.availableParallelism(), 4));
    this.pool = new Piscina<ExtractTask, ExtractResult>({
      filename: options.workerFile ?? fileURLToPath(new URL('./extract-worker.ts', import.meta.url)),
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: 30_000,
      // A small young generation makes each worker collect early instead of growing (-60 MB measured
      // on 2 GB of scans); the old-generation cap turns a runaway file into a refusal, not a crash.
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 4 },
    });
  }

  start(request: ImportRequest): ImportJob {
    const patient = this.library.patients.get(request.patientId);
    return new Job('import', (context) => this.run(request.paths, patient.id, patient.dateOfBirth, context));
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(
    paths: readonly string[],
    patientId: number,
    dateOfBirth: string | null,
    context: JobContext<ImportProgress>,
  ): Promise<ImportResult> {
    const { signal } = context;
    context.report({ phase: 'scanning', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 });
    const walked = await walk(paths, signal).catch((error: unknown) => {
      if (signal.aborted) return { files: [], outcomes: paths.map((p): ImportOutcome => ({ status: 'refused', path: p, ...CANCELLED })) };
      throw error;
    });
    const { files } = walked;
    const bytesTotal = files.reduce((n, f) => n + f.size, 0);
    let filesDone = 0;
    let bytesDone = 0;
    context.report({ phase: 'importing', filesDone, filesTotal: files.length, bytesDone, bytesTotal });

    const outcomes: ImportOutcome[] = new Array(files.length);
    const inFlight = new Map<string, Promise<ImportOutcome>>();
    let next = 0;
    // More files in flight than threads, so copying and hashing overlap with text extraction.
    const lanes = Array.from({ length: this.threads + 2 }, async () => {
      for (let i = next++; i < files.length; i = next++) {
        const file = files[i]!;
        const outcome = signal.aborted
          ? ({ status: 'refused', path: file.path, ...CANCELLED } as const)
          : await this.importOne(file, patientId, dateOfBirth, signal, inFlight);
        outcomes[i] = outcome;
        filesDone++;
        bytesDone += file.size;
        context.report({ phase: 'importing', filesDone, filesTotal: files.length, bytesDone, bytesTotal, outcome });
      }
    });
    await Promise.all(lanes);

    const all = [...walked.outcomes, ...outcomes];
    context.report({ phase: 'finished', filesDone, filesTotal: files.length, bytesDone, bytesTotal });
    return {
      imported: all.filter((o) => o.status === 'imported'),
      duplicates: all.filter((o) => o.status === 'duplicate'),
      refused: all.filter((o) => o.status === 'refused'),
      skipped: all.filter((o) => o.status === 'skipped'),
      cancelled: signal.aborted,
    };
  }

  private async importOne(
    file: FoundFile,
    patientId: number,
    dateOfBirth: string | null,
    signal: AbortSignal,
    inFlight: Map<string, Promise<ImportOutcome>>,
  ): Promise<ImportOutcome> {
    const refused = (refusal: Refusal): ImportOutcome => ({ status: 'refused', path: file.path, ...refusal });
    const detected = await detect(file.path);
    if (isRefusal(detected)) return refused(detected);

    let staged: StagedFile;
    try {
      staged = await this.library.vault.stage(file.path, signal);
    } catch (error) {
      return signal.aborted ? refused(CANCELLED) : refused(readFailure(error));
    }

    const known = this.library.documents.findByHash(staged.sha256);
    if (known) {
      await this.library.vault.discard(staged);
      return { status: 'duplicate', path: file.path, of: known.id };
    }
    // The same bytes twice in one import: the second waits for the first and shares its fate.
    const earlier = inFlight.get(staged.sha256);
    if (earlier) {
      await this.library.vault.discard(staged);
      const first = await earlier;
      if (first.status === 'imported') return { status: 'duplicate', path: file.path, of: first.id };
      if (first.status === 'duplicate') return { status: 'duplicate', path: file.path, of: first.of };
      return first.status === 'refused' ? refused({ code: first.code, reason: first.reason }) : first;
    }
    const work = this.extractAndCommit(file, staged, detected, patientId, dateOfBirth, signal);
    inFlight.set(staged.sha256, work);
    try {
      return await work;
    } finally {
      inFlight.delete(staged.sha256);
    }
  }

  private async extractAndCommit(
    file: FoundFile,
    staged: StagedFile,
    detected: Exclude<Awaited<ReturnType<typeof detect>>, Refusal>,
    patientId: number,
    dateOfBirth: string | null,
    signal: AbortSignal,
  ): Promise<ImportOutcome> {
    const originalName = path.basename(file.path);
    let extracted: ExtractResult;
    try {
      const task: ExtractTask = { file: staged.tempPath, kind: detected.kind, originalName, dateOfBirth, reference: this.library.now().toISOString() };
      const extract = () => this.pool.run(task, { signal });
      extracted = await (staged.size >= LARGE_FILE_BYTES ? this.largeFiles.run(extract) : extract());
    } catch (error) {
      await this.library.vault.discard(staged);
      if (signal.aborted) return { status: 'refused', path: file.path, ...CANCELLED };
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return { status: 'refused', path: file.path, ...TOO_LARGE };
      return {
        status: 'refused',
        path: file.path,
        code: 'internal',
        reason: `Casebinder could not read this file because of an internal error (import worker: ${(error as Error).message}). Please report it.`,
      };
    }
    if (!extracted.ok) {
      await this.library.vault.discard(staged);
      return { status: 'refused', path: file.path, ...extracted.refusal };
    }
    if (signal.aborted) {
      await this.library.vault.discard(staged);
      return { status: 'refused', path: file.path, ...CANCELLED };
    }

    // Durable original first, then the record that points at it: a crash in between leaves an unused
    // original in the vault (harmless, reused on the next import), never a record without its file.
    await this.library.vault.commit(staged);
    const id = this.library.documents.insert(
      {
        patientId,
        sha256: staged.sha256,
        originalName,
        sourcePath: file.path,
        size: staged.size,
        mediaType: detected.mediaType,
        title: extracted.title,
        suggested: extracted.suggested,
        pageTexts: extracted.pageTexts,
      },
      this.library.now(),
    );
    return {
      status: 'imported',
      path: file.path,
      id,
      type: extracted.suggested.type ?? 'other',
      pages: extracted.pageTexts.length,
      ...(detected.note ? { note: detected.note } : {}),
    };
  }
}
