import type { AppEvents } from '../../shared/ipc-contract.ts';
import type { ExportRequest, ExportResult, PacketPreview } from '../../shared/export-types.ts';
import type { ImportResult } from '../../shared/import-types.ts';
import type { OcrResult } from '../../shared/ocr-types.ts';
import { CasebinderError } from '../../shared/errors.ts';
import type { Importer, ImportJob, ImportRequest } from '../import/importer.ts';
import type { OcrJob, OcrRunner } from '../ocr/runner.ts';
import type { OcrEngine } from '../media/ocr-engine.ts';
import { startExport, startPreview } from '../export/start.ts';
import type { ExportJob, ExportServices, PreviewJob } from '../export/bundle.ts';
import type { Job } from '../jobs/job.ts';
import type { Redaction } from '../../shared/redaction-types.ts';
import type { RedactionProgress } from '../redact/redact.ts';
import { said } from '../../shared/said.ts';

type RedactionJob = Job<RedactionProgress, Redaction>;

export type Emit = <E extends keyof AppEvents>(event: E, payload: AppEvents[E]) => void;

/**
 * The long work the window started, by id: imports; OCR, which follows each import in the background;
 * exports of a case and previews of its packet. It forwards each job's progress as events, lets the
 * window cancel it, and hands over its result when asked.
 */
export class JobRegistry {
  private readonly imports = new Map<string, ImportJob>();
  private readonly ocrJobs = new Map<string, OcrJob>();
  private readonly exports = new Map<string, ExportJob>();
  /** The case each export writes, to find a running one again when the window comes back to it. */
  private readonly exportCases = new Map<string, number>();
  /** Previews hold a whole packet in memory: only the newest is kept. */
  private readonly previews = new Map<string, PreviewJob>();
  /** Previews let go of but maybe still ending, so closing waits for them. */
  private readonly ending = new Set<PreviewJob>();
  private readonly redactions = new Map<string, RedactionJob>();
  private readonly importer: Importer;
  private readonly ocr: OcrRunner;
  private readonly exportServices: ExportServices;
  private readonly emit: Emit;
  private readonly backgroundOcr: boolean;

  constructor(importer: Importer, ocr: OcrRunner, exportServices: ExportServices, emit: Emit, options: { backgroundOcr: boolean }) {
    this.importer = importer;
    this.ocr = ocr;
    this.exportServices = exportServices;
    this.emit = emit;
    this.backgroundOcr = options.backgroundOcr;
  }

  /** Writes a case's bundle (and remembers the choices for the specialist). */
  startExport(request: ExportRequest): string {
    const job = startExport(this.exportServices, request);
    this.exports.set(job.id, job);
    this.exportCases.set(job.id, request.caseId);
    this.follow(job, 'export');
    return job.id;
  }

  /** Makes the packet for a look before writing; an earlier preview is cancelled and let go. */
  startPreview(request: Omit<ExportRequest, 'outDir' | 'password'>): string {
    for (const id of [...this.previews.keys()]) this.discardPreview(id);
    const job = startPreview(this.exportServices, request);
    this.previews.set(job.id, job);
    this.follow(job, 'preview');
    return job.id;
  }

  /** Lets go of a preview's packet (the window closed it), stopping it if it is still being made. */
  discardPreview(jobId: string): void {
    const job = this.previews.get(jobId);
    if (!job) return;
    job.cancel();
    this.previews.delete(jobId);
    this.ending.add(job);
    const gone = () => this.ending.delete(job);
    job.result.then(gone, gone);
  }

  /** The newest export of this case still being written, if any. */
  runningExport(caseId: number): ExportJob | null {
    const running = [...this.exports.values()].filter((job) => job.status === 'running' && this.exportCases.get(job.id) === caseId);
    return running.at(-1) ?? null;
  }

  exportResult(jobId: string): Promise<ExportResult> {
    return (this.exports.get(jobId) ?? this.unknown()).result;
  }

  async previewInfo(jobId: string): Promise<PacketPreview> {
    const { pages, size, warnings } = await (this.previews.get(jobId) ?? this.unknown()).result;
    return { pages, size, warnings };
  }

  /**
   * Bytes of a preview's packet from an offset; fewer at the end. A copy, not a view: IPC's structured
   * clone would send a view's whole buffer (the entire packet) with every 64 KiB range.
   */
  async previewBytes(jobId: string, offset: number, length: number): Promise<Uint8Array> {
    const { bytes } = await (this.previews.get(jobId) ?? this.unknown()).result;
    return bytes.slice(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length));
  }

  private follow(job: ExportJob | PreviewJob, kind: 'export' | 'preview'): void {
    job.onProgress((progress) => this.emit('job:progress', { jobId: job.id, kind, progress }));
    const finish = () => this.emit('job:finished', { jobId: job.id, kind, status: job.status === 'running' ? 'finished' : job.status });
    job.result.then(finish, finish);
  }

  /** Follows a redaction being made (its progress by page); the patient's lists change when it ends. */
  followRedaction(job: RedactionJob, patientId: number): string {
    this.redactions.set(job.id, job);
    job.onProgress((progress) => this.emit('job:progress', { jobId: job.id, kind: 'redaction', progress }));
    const finish = () => {
      this.emit('job:finished', { jobId: job.id, kind: 'redaction', status: job.status === 'running' ? 'finished' : job.status });
      this.emit('library:changed', { patientId });
    };
    job.result.then(finish, finish);
    return job.id;
  }

  redactionResult(jobId: string): Promise<Redaction> {
    return (this.redactions.get(jobId) ?? this.unknown()).result;
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

  /** The app's Tesseract threads (shared with background OCR). */
  ocrEngine(): OcrEngine {
    return this.ocr.tesseract;
  }

  /** The OCR run in progress, if any. */
  runningOcr(): OcrJob | undefined {
    return this.ocr.running;
  }

  cancel(jobId: string): void {
    (this.imports.get(jobId) ?? this.ocrJobs.get(jobId) ?? this.exports.get(jobId) ?? this.previews.get(jobId) ?? this.redactions.get(jobId) ?? this.unknown()).cancel();
  }

  result(jobId: string): Promise<ImportResult> {
    return (this.imports.get(jobId) ?? this.unknown()).result;
  }

  ocrResult(jobId: string): Promise<OcrResult> {
    return (this.ocrJobs.get(jobId) ?? this.unknown()).result;
  }

  /** Cancels everything still running (the window closes, the app quits). */
  cancelAll(): void {
    for (const job of this.all()) if (job.status === 'running') job.cancel();
  }

  /** Waits for every job to end (after cancelAll, so the library can close). */
  async settled(): Promise<void> {
    await Promise.all(this.all().map((job) => job.result.catch(() => undefined)));
  }

  private all(): (ImportJob | OcrJob | ExportJob | PreviewJob | RedactionJob)[] {
    return [...this.imports.values(), ...this.ocrJobs.values(), ...this.exports.values(), ...this.previews.values(), ...this.ending, ...this.redactions.values()];
  }

  private unknown(): never {
    throw new CasebinderError('not-found', said('err.job-gone', { restarted: 'yes' }));
  }
}
