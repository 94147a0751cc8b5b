import { detectLanguages } from '../suggest/language.ts';
import type { ImportOutcome, ImportProgress, ImportResult, ImportStage, Refusal } from '../../shared/import-types.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import { IMPORT_STAGES, noting, refusal, skipping } from '../../shared/import-types.ts';
import { isStructuredReport, SOP_CLASS } from '../../shared/imaging.ts';
import { identityWords } from '../../shared/patient-match.ts';
import { readDicomdir } from '../dicom/dicomdir.ts';
import { FragmentWalker } from '../dicom/fragments.ts';
import { deflatedWithinLimit, fragmentStart, isDeflated, pixelDataProblem, readDicomHeader } from '../dicom/header.ts';
import { DICOM_HEADER_TOO_LARGE, dicomProblem, INFLATED_TOO_LARGE } from '../../shared/dicom-problems.ts';
import type { HeaderRead } from '../dicom/header.ts';
import type { DicomHeader } from '../../shared/imaging.ts';
import { encapsulatedPdf, structuredReportText } from '../dicom/reports.ts';
import { Job } from '../jobs/job.ts';
import type { JobContext } from '../jobs/job.ts';
import type { NewDocument } from '../library/documents.ts';
import type { Library } from '../library/library.ts';
import type { AddedCounts, DerivedRecords } from '../library/records.ts';
import type { StagedFile } from '../library/vault.ts';
import { describeRecords, MAX_RECORDS_FILE_BYTES } from '../records/describe.ts';
import type { RecordFormat } from '../records/read.ts';
import type { DocumentIdentity, Patient } from '../../shared/library-types.ts';
import { asWritten, said, sayAll } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import type { WorkerPool } from '../workers/pool.ts';
import type { ExtractResult } from '../workers/worker.ts';
import { detectBytes, HEAD_BYTES, isRefusal, readFailure } from '../media/detect.ts';
import type { Detected } from '../media/detect.ts';
import { BundleIndex, bundleSkipReason, bundleStudies, isBundleOriginal, manifestDetails } from './bundle.ts';
import { DiscIndex } from './disc.ts';
import type { ImportSource, SourceReader } from './source.ts';
import { StudyTally } from './study-tally.ts';
import { walk } from './walk.ts';
import { WorkQueue } from './work-queue.ts';
import { XdmIndex } from './xdm.ts';
import { bundlesInArchive, isOpenArchive, openArchive, ZIP_LIMITS } from './zip.ts';
import type { OpenArchive, ZipBudget, ZipLimits } from './zip.ts';
import { openOriginal, readOriginal, readOriginalRange } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';

export interface ImportRequest {
  readonly paths: readonly string[];
  readonly patientId: number;
}

export interface ImporterOptions {
  readonly zipLimits?: ZipLimits;
  /** The language the titles the library makes are written in: the window's (English on the command line). */
  readonly titleLanguage?: () => WindowLanguage;
}

export type ImportJob = Job<ImportProgress, ImportResult>;

// pdf.js holds the byte ranges it parses, which for a big scanned PDF is most of the file: one such file
// in extraction at a time keeps two workers from holding two of them.
const LARGE_FILE_BYTES = 32 * 1024 * 1024;
/** A DICOM header that does not fit in the first bytes is read from the vault's copy, up to this much. */
const MAX_DICOM_HEADER_BYTES = 256 * 1024 * 1024;

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

const CANCELLED: Refusal = refusal('cancelled', said('cancelled'));
const TOO_LARGE: Refusal = refusal('too-large', said('too-complex'));

function internalError(where: string, error: unknown): Refusal {
  return refusal('internal', said('internal', { where, detail: (error as Error).message }));
}

/** A valid DICOM file that is no part of an imaging study: left out, and why; nothing is wrong with it. */
function notInAStudy(path: string, problem: string): ImportOutcome {
  return { status: 'skipped', path, ...skipping(said('dicom-left-out', { problem: dicomProblem(problem) })) };
}

function damagedDicom(problem: string): Refusal {
  return refusal('damaged', said('dicom-damaged', { problem: dicomProblem(problem) }));
}

/** Everything one import keeps track of while its lanes work. */
interface Run {
  readonly patient: Patient;
  readonly signal: AbortSignal;
  readonly queue: WorkQueue<ImportSource>;
  readonly outcomes: ImportOutcome[];
  readonly studies: StudyTally;
  readonly discs: DiscIndex;
  readonly archives: OpenArchive[];
  /** Archives inside archives, staged in the vault's temp folder while their files are read. */
  readonly nestedArchives: StagedFile[];
  readonly budget: ZipBudget;
  /** Files being imported, by content (documents) or by SOP Instance UID (DICOM), so twins wait for each other. */
  readonly inFlight: Map<string, Promise<ImportOutcome | null>>;
  /** Grows as archives are opened. */
  readonly bytesTotal: { n: number };
  /** PDF reports taken out of studies, to date from their study once all its files are in. */
  readonly reports: { readonly documentId: number; readonly studyId: number }[];
  /** Documents IHE XDM downloads list in their METADATA.XML, to check each was found. */
  readonly xdm: XdmIndex;
  /** Case bundles Casebinder exported: what their manifests say of their files, and which were found. */
  readonly bundles: BundleIndex;
  /** The path of every file the import met, whatever became of it (a DICOM file's fate is told with its study's). */
  readonly found: Set<string>;
  /** Where the time goes, by kind of work (ImportResult.profile). */
  readonly profile: Record<ImportStage, number>;
}

/**
 * Brings files into the library: PDFs, photos and scans, imaging studies (DICOM, from a disc folder or
 * a ZIP), and ZIP archives of any of these. Each file is read once: its first bytes say what it is,
 * and the rest streams into the vault while it is hashed. Documents are read by a worker thread (text
 * of every page, previews, suggested details) and only then committed, the original made durable and
 * the record written in one transaction. DICOM files are filed under their study and series by UID,
 * so a study imported twice is not doubled and new files join it. A file that fails leaves nothing
 * behind and never stops the others. Scanned pages wait for OCR, which runs as its own job.
 */
export class Importer {
  private readonly library: Library;
  private readonly pool: WorkerPool;
  private readonly largeFiles = new Gate();
  private readonly zipLimits: ZipLimits;
  private readonly titleLanguage: () => WindowLanguage;

  constructor(library: Library, pool: WorkerPool, options: ImporterOptions = {}) {
    this.library = library;
    this.pool = pool;
    this.zipLimits = options.zipLimits ?? ZIP_LIMITS;
    this.titleLanguage = options.titleLanguage ?? (() => 'en');
  }

  start(request: ImportRequest): ImportJob {
    const patient = this.library.patients.get(request.patientId);
    return new Job('import', (context) => this.run(request.paths, patient, context));
  }

  /**
   * Draws the thumbnail of each series that has none yet (new series, or ones an interrupted import
   * left), or records why it cannot. Returns how many series it looked at.
   */
  /**
   * Reads the radiology details (image type, lossy compression, slice thickness) of instances imported
   * before they were kept, from the head of each vault file; once each, in batches.
   */
  async readMissingDetails(signal?: AbortSignal): Promise<number> {
    let done = 0;
    for (;;) {
      const batch = this.library.studies.instancesWithoutDetails(200);
      if (batch.length === 0 || signal?.aborted) return done;
      for (const { instanceId, sha256, size } of batch) {
        const head = await readOriginalRange(this.library.vault.ref(sha256), 0, Math.min(size, HEAD_BYTES)).catch(() => null);
        const read = head ? readDicomHeader(new Uint8Array(head.buffer, head.byteOffset, head.byteLength), size) : null;
        this.library.studies.setDetails(instanceId, read?.ok ? read.header : null);
        done++;
      }
    }
  }

  async makeThumbnails(studyIds?: readonly number[], signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<number> {
    const waiting = this.library.studies.seriesWithoutThumbnail(studyIds);
    let done = 0;
    for (const { seriesId } of waiting) {
      signal?.throwIfAborted();
      const key = this.library.studies.keyInstance(seriesId);
      if (key) {
        const thumbnail = await this.pool.thumbnail({ file: this.library.vault.ref(key.sha256), transferSyntaxUid: key.transferSyntaxUid }, signal);
        this.library.studies.setThumbnail(seriesId, thumbnail);
      } else {
        this.library.studies.setThumbnail(seriesId, { problem: this.noImageReason(seriesId) });
      }
      onProgress?.(++done, waiting.length);
    }
    return waiting.length;
  }

  private noImageReason(seriesId: number): Said {
    const series = this.library.studies.seriesContents(seriesId);
    if (series?.withPixels && series.problem) return said('series-all-damaged', { problem: dicomProblem(series.problem) });
    if (series?.report) return said('series-pdf-report');
    if (series?.modality === 'SR') return said('series-structured-report');
    return said('series-no-images');
  }

  private async run(paths: readonly string[], patient: Patient, context: JobContext<ImportProgress>): Promise<ImportResult> {
    const { signal } = context;
    context.report({ phase: 'scanning', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 });
    const walked = await walk(paths, signal).catch((error: unknown) => {
      if (signal.aborted) return { files: [], outcomes: paths.map((p): ImportOutcome => ({ status: 'refused', path: p, ...CANCELLED })) };
      throw error;
    });
    const state: Run = {
      patient,
      signal,
      queue: new WorkQueue(walked.files),
      outcomes: [...walked.outcomes],
      studies: new StudyTally(),
      discs: new DiscIndex(),
      xdm: new XdmIndex(),
      bundles: await this.bundlesAmong(walked.files),
      found: new Set(),
      archives: [],
      nestedArchives: [],
      budget: { bytes: this.zipLimits.maxTotalBytes },
      inFlight: new Map(),
      bytesTotal: { n: walked.files.reduce((n, f) => n + f.size, 0) },
      reports: [],
      profile: Object.fromEntries(IMPORT_STAGES.map((stage) => [stage, 0])) as Record<ImportStage, number>,
    };
    let filesDone = 0;
    let bytesDone = 0;
    const progress = (phase: ImportProgress['phase'], outcome?: ImportOutcome) =>
      context.report({ phase, filesDone, filesTotal: state.queue.total, bytesDone, bytesTotal: state.bytesTotal.n, ...(outcome ? { outcome } : {}) });
    progress('importing');

    try {
      // More files in flight than threads, so copying and hashing overlap with reading.
      const lanes = Array.from({ length: this.pool.threads + 2 }, async () => {
        for (let source = await state.queue.take(); source; source = await state.queue.take()) {
          try {
            if (source.disc) state.discs.found(source.disc);
            state.found.add(source.path);
            const outcome = signal.aborted ? ({ status: 'refused', path: source.path, ...CANCELLED } as const) : await this.importOne(source, state);
            if (outcome) state.outcomes.push(outcome);
            filesDone++;
            bytesDone += source.size;
            progress('importing', outcome ?? undefined);
          } finally {
            state.queue.done();
          }
        }
      });
      await Promise.all(lanes);
    } finally {
      for (const archive of state.archives) archive.close();
      for (const staged of state.nestedArchives) await this.library.vault.discard(staged);
    }

    for (const report of state.reports) {
      const date = this.library.studies.date(report.studyId);
      if (date) this.library.documents.suggestDate(report.documentId, date, said('date-from-study'));
    }
    this.fileBundleStudies(state);
    const touched = state.studies.studyIds();
    if (touched.length && !signal.aborted) {
      progress('previews');
      await timed(state, 'thumbnails', () =>
        this.makeThumbnails(touched, signal, () => progress('previews')).catch((error: unknown) => {
          if (!signal.aborted) throw error;
        }),
      );
    }
    const all = [
      ...state.outcomes,
      ...state.studies.outcomes((id) => {
        const details = this.library.studies.details(id, patient);
        return { title: this.library.documents.get(id).title, series: details.series.length, warnings: details.warnings };
      }),
      ...state.discs.outcomes(),
      ...(signal.aborted ? [] : state.bundles.outcomes()),
    ];
    all.push(...state.xdm.outcomes(new Set([...state.found, ...all.map((o) => o.path)])));
    progress('finished');
    return {
      imported: all.filter((o) => o.status === 'imported'),
      merged: all.filter((o) => o.status === 'merged'),
      duplicates: all.filter((o) => o.status === 'duplicate'),
      refused: all.filter((o) => o.status === 'refused'),
      skipped: all.filter((o) => o.status === 'skipped'),
      cancelled: signal.aborted,
      profile: state.profile,
    };
  }

  /**
   * The case bundles among what the person chose: those in folders (found by the walk), and those in
   * ZIPs, read before anything is imported when several ZIPs were chosen, as a bundle's volumes are.
   */
  private async bundlesAmong(files: readonly ImportSource[]): Promise<BundleIndex> {
    const bundles = new BundleIndex();
    for (const file of files) if (file.bundle) bundles.add(file.bundle.manifest);
    const zips = files.filter((f) => f.depth === 0 && /\.zip$/i.test(f.name));
    if (zips.length > 1) for (const zip of zips) await bundlesInArchive(zip.path, bundles);
    return bundles;
  }

  /** A new study from a case bundle takes the title, date and facility its manifest gives. */
  private fileBundleStudies(state: Run): void {
    for (const manifest of state.bundles.manifests) {
      for (const { sopInstanceUid, edit } of bundleStudies(manifest)) {
        const studyId = this.library.studies.instanceBySop(sopInstanceUid)?.studyId;
        if (studyId !== undefined && state.studies.isNew(studyId)) this.library.documents.edit(studyId, edit);
      }
    }
  }

  /** An original from a case bundle, just imported: filed under the manifest's details when its bytes are the manifest's. */
  private fromBundle(source: ImportSource, outcome: ImportOutcome): ImportOutcome {
    if (!source.bundle || outcome.status !== 'imported') return outcome;
    const details = manifestDetails(source.bundle, this.library.documents.get(outcome.id).sha256);
    if (!details) return outcome;
    if (details.edit) this.library.documents.edit(outcome.id, details.edit);
    const type = details.edit?.type ?? outcome.type;
    return { ...outcome, type, ...noting([...(outcome.words ?? []), details.note]) };
  }

  /** One file: its outcome, or null when it is told later (a study's file, an archive's contents). */
  private async importOne(source: ImportSource, state: Run): Promise<ImportOutcome | null> {
    const refused = (refusal: Refusal): ImportOutcome => ({ status: 'refused', path: source.path, ...refusal });
    if (source.bundle) {
      state.bundles.seen(source.bundle);
      const reason = bundleSkipReason(source.bundle);
      if (reason) return { status: 'skipped', path: source.path, ...skipping(reason) };
    }
    let reader: SourceReader;
    try {
      reader = await source.open(state.signal);
    } catch (error) {
      return refused(readFailure(error));
    }
    try {
      // A bundle's original is a record the person chose to send, whatever folder it sits in.
      const detected = await detectBytes(reader.head, source.name, source.size, { onDisc: !!source.disc && !isBundleOriginal(source.bundle) });
      if (isRefusal(detected)) return refused(detected);
      switch (detected.kind) {
        case 'skip':
          return { status: 'skipped', path: source.path, reason: detected.reason, words: detected.words };
        case 'zip':
          return await timed(state, 'archives', () => this.expandArchive(source, reader, state));
        case 'dicomdir':
          return await this.readDiscIndex(source, reader, state);
        case 'dicom':
          return await timed(state, 'dicom', () => this.importDicom(source, reader, state));
        case 'xdm-index':
          state.xdm.listed(source.path, await readAll(reader, state.signal, MAX_RECORDS_FILE_BYTES));
          return { status: 'skipped', path: source.path, ...skipping(said('xdm-index')) };
        case 'records':
          return this.fromBundle(source, await timed(state, 'records', () => this.importRecords(source, reader, detected.format, state)));
        default:
          return this.fromBundle(source, await this.importDocument(source, reader, detected, state));
      }
    } catch (error) {
      if (state.signal.aborted) return refused(CANCELLED);
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return refused(readFailure(error));
      return refused(internalError('import', error));
    } finally {
      await reader.close();
    }
  }

  private async expandArchive(source: ImportSource, reader: SourceReader, state: Run): Promise<ImportOutcome | null> {
    if (source.depth >= this.zipLimits.maxDepth) {
      return { status: 'refused', path: source.path, ...refusal('unsupported', said('too-deep')) };
    }
    let file: OriginalRef = source.path;
    if (source.depth > 0) {
      // An archive within an archive needs random access: its copy in the vault's temp folder serves.
      const staged = await this.library.vault.stage(reader.chunks(state.signal), state.signal);
      state.nestedArchives.push(staged);
      file = staged.ref;
    }
    const opened = await openArchive(file, source.path, source.depth + 1, state.budget, this.zipLimits, state.bundles);
    if (!isOpenArchive(opened)) return { status: 'refused', path: source.path, ...opened };
    state.archives.push(opened);
    state.outcomes.push(...opened.outcomes);
    state.bytesTotal.n += opened.sources.reduce((n, s) => n + s.size, 0);
    state.queue.push(opened.sources);
    return null;
  }

  private async readDiscIndex(source: ImportSource, reader: SourceReader, state: Run): Promise<ImportOutcome | null> {
    if (!source.disc || source.name.toUpperCase() !== 'DICOMDIR' || source.disc.relativePath.includes('/')) {
      return { status: 'skipped', path: source.path, ...skipping(said('dicomdir-copy')) };
    }
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of reader.chunks(state.signal)) {
      parts.push(new Uint8Array(chunk));
      length += chunk.length;
      if (length > MAX_DICOM_HEADER_BYTES) break;
    }
    state.discs.listed(source.disc, source.path, readDicomdir(Buffer.concat(parts)));
    return null;
  }

  private async importDicom(source: ImportSource, reader: SourceReader, state: Run): Promise<ImportOutcome | null> {
    const { signal, patient } = state;
    const refused = (refusal: Refusal): ImportOutcome => ({ status: 'refused', path: source.path, ...refusal });
    let read: HeaderRead = readDicomHeader(reader.head, source.size);
    if (!read.ok && !read.needMore) return read.notInAStudy ? notInAStudy(source.path, read.problem) : refused(damagedDicom(read.problem));

    // The usual case: the header was in the first bytes, so a file already in the library is not copied.
    // (A file of another size that claims the same image is read in full below: one of the two may be damaged.)
    if (read.ok) {
      const known = this.library.studies.instanceBySop(read.header.sopInstanceUid);
      if (known && known.size === source.size) {
        state.studies.record(known.studyId, source.folder, { added: false, newStudy: false });
        return null;
      }
    }
    const start = read.ok ? fragmentStart(read.header) : null;
    const walker = start ? new FragmentWalker(start.offset, start.bigEndian) : undefined;
    const staged = await this.library.vault.stage(tap(reader.chunks(signal), walker), signal);
    try {
      if (!read.ok) read = await this.headerFromStaged(staged);
      if (!read.ok) {
        await this.library.vault.discard(staged);
        if (!read.needMore && read.notInAStudy) return notInAStudy(source.path, read.problem);
        return refused(damagedDicom(read.needMore ? DICOM_HEADER_TOO_LARGE : read.problem));
      }
      const header = read.header;
      if (isDeflated(header) && !(await deflatedWithinLimit(staged.ref))) {
        await this.library.vault.discard(staged);
        return refused(refusal('too-large', said('dicom-inflated', { problem: dicomProblem(INFLATED_TOO_LARGE) })));
      }
      const problem = pixelDataProblem(header, staged.size) ?? walker?.problem(staged.size) ?? null;
      return await this.onlyOnce(state, `sop:${header.sopInstanceUid}`, async () => {
        const known = this.library.studies.instanceBySop(header.sopInstanceUid);
        if (known && known.sha256 === staged.sha256) {
          await this.library.vault.discard(staged);
          state.studies.record(known.studyId, source.folder, { added: false, newStudy: false });
          return null;
        }
        if (known) return await this.sameImageTwice(source, staged, { header, problem }, known, state);
        await this.library.vault.commit(staged);
        const filed = this.library.studies.add(
          patient.id,
          { header, sha256: staged.sha256, size: staged.size, originalName: source.name, sourcePath: source.path, problem, withDicomdir: !!source.disc },
          source.folder,
          this.library.now(),
        );
        if ('alreadyIn' in filed) {
          // Another import filed it meanwhile.
          state.studies.record(filed.alreadyIn, source.folder, { added: false, newStudy: false });
          return null;
        }
        state.studies.record(filed.studyId, source.folder, { added: true, newStudy: filed.newStudy, problem, file: source.name });
        return await this.readInnerReport(source, header, staged.sha256, filed, state);
      });
    } catch (error) {
      await this.library.vault.discard(staged);
      throw error;
    }
  }

  /**
   * Two files claim one image (one SOP Instance UID) with different bytes. The copy that reads fully is
   * kept: a damaged one filed earlier is replaced by this one; otherwise the first stays and this one
   * is left out. Either way the person is told which file, and why.
   */
  private async sameImageTwice(
    source: ImportSource,
    staged: StagedFile,
    read: { header: DicomHeader; problem: string | null },
    known: NonNullable<ReturnType<Library['studies']['instanceBySop']>>,
    state: Run,
  ): Promise<ImportOutcome | null> {
    const same = said('same-image', { file: source.name, known: known.originalName, sop: read.header.sopInstanceUid });
    if (known.problem && !read.problem) {
      await this.library.vault.commit(staged);
      this.library.studies.replaceInstanceFile(known.instanceId, {
        header: read.header,
        sha256: staged.sha256,
        size: staged.size,
        originalName: source.name,
        sourcePath: source.path,
        problem: null,
      });
      state.studies.record(known.studyId, source.folder, {
        added: false,
        newStudy: false,
        note: [same, said('same-image-replaced', { known: known.originalName, problem: dicomProblem(known.problem), file: source.name })],
      });
      return null;
    }
    await this.library.vault.discard(staged);
    const why = read.problem
      ? said('same-image-kept', { file: source.name, problem: dicomProblem(read.problem) })
      : known.problem
        ? said('same-image-both-damaged')
        : said('same-image-both-fine');
    const words = [same, why];
    return { status: 'skipped', path: source.path, reason: sayAll(words), words };
  }

  /** Reports inside DICOM files: a structured report's text joins its series; a PDF becomes a document. */
  private async readInnerReport(
    source: ImportSource,
    header: DicomHeader,
    sha256: string,
    filed: { studyId: number; seriesId: number; instanceId: number },
    state: Run,
  ): Promise<ImportOutcome | null> {
    if (isStructuredReport(header.sopClassUid)) {
      const text = structuredReportText(await readOriginal(this.library.vault.ref(sha256)));
      if (text) this.library.studies.setReportText(filed.seriesId, text);
      return null;
    }
    if (header.sopClassUid !== SOP_CLASS.encapsulatedPdf) return null;
    const inner = encapsulatedPdf(await readOriginal(this.library.vault.ref(sha256)));
    const path = `${source.path} (PDF report inside)`;
    if ('problem' in inner) {
      return { status: 'refused', path, ...refusal('damaged', said('pdf-in-dicom-damaged', { problem: asWritten(inner.problem) })) };
    }
    const staged = await this.library.vault.stage(inner.pdf, state.signal);
    const outcome = await this.importStaged(
      { ...source, path, name: `${inner.title ?? 'Report'}.pdf` },
      staged,
      { kind: 'pdf', mediaType: 'application/pdf' },
      state,
      { title: inner.title, studyId: filed.studyId, studyDate: header.studyDate ?? this.library.studies.date(filed.studyId) },
    );
    const documentId = outcome.status === 'imported' ? outcome.id : outcome.status === 'duplicate' ? outcome.of : undefined;
    if (documentId !== undefined) this.library.studies.linkReport(filed.instanceId, documentId);
    if (outcome.status === 'imported') state.reports.push({ documentId: outcome.id, studyId: filed.studyId });
    return outcome;
  }

  /** Reads a DICOM header from the vault's copy when it did not fit in the first bytes. */
  private async headerFromStaged(staged: StagedFile): Promise<HeaderRead> {
    const handle = await openOriginal(staged.ref);
    try {
      for (let length = 4 * 1024 * 1024; ; length *= 4) {
        const bytes = await handle.read(0, Math.min(length, staged.size, MAX_DICOM_HEADER_BYTES));
        const read = readDicomHeader(bytes, staged.size);
        if (read.ok || !read.needMore || bytes.length >= staged.size || bytes.length >= MAX_DICOM_HEADER_BYTES) return read;
      }
    } finally {
      await handle.close();
    }
  }

  private async importDocument(
    source: ImportSource,
    reader: SourceReader,
    detected: Extract<Detected, { kind: 'pdf' | 'image' }>,
    state: Run,
  ): Promise<ImportOutcome> {
    const staged = await timed(state, 'vault', () => this.library.vault.stage(reader.chunks(state.signal), state.signal));
    return this.importStaged(source, staged, detected, state);
  }

  /**
   * A document whose original is staged: recognised when the library already holds the same bytes,
   * else read by a worker and committed. `fromStudy` is set for a PDF report that came inside a study.
   */
  private async importStaged(
    source: ImportSource,
    staged: StagedFile,
    detected: Extract<Detected, { kind: 'pdf' | 'image' }>,
    state: Run,
    fromStudy?: { title: string | null; studyId: number; studyDate: string | null },
  ): Promise<ImportOutcome> {
    return this.onceByContent(source, staged, state, () => this.extractAndCommit(source, staged, detected, state, fromStudy));
  }

  /**
   * Runs `work` for staged bytes the library does not hold yet, once per import: a copy already in the
   * library is a duplicate of it, and the same bytes twice in one import wait for the first.
   */
  private async onceByContent(source: ImportSource, staged: StagedFile, state: Run, work: () => Promise<ImportOutcome>): Promise<ImportOutcome> {
    const known = this.library.documents.findByHash(staged.sha256);
    if (known) {
      await this.library.vault.discard(staged);
      if (known.inTrash) {
        // Importing what is in the trash is asking for it back.
        this.library.documents.restore(known.id);
        return { status: 'duplicate', path: source.path, of: known.id, ...noting([said('from-trash')]) };
      }
      return { status: 'duplicate', path: source.path, of: known.id };
    }
    const first = state.inFlight.get(`sha:${staged.sha256}`);
    if (first) {
      // The same bytes twice in one import: the second waits for the first and shares its fate.
      await this.library.vault.discard(staged);
      const earlier = await first;
      if (earlier?.status === 'imported') return { status: 'duplicate', path: source.path, of: earlier.id };
      if (earlier?.status === 'duplicate') return { status: 'duplicate', path: source.path, of: earlier.of };
      if (earlier?.status === 'refused') return { status: 'refused', path: source.path, code: earlier.code, reason: earlier.reason, words: earlier.words };
      return { status: 'refused', path: source.path, ...CANCELLED };
    }
    const running = work();
    state.inFlight.set(`sha:${staged.sha256}`, running);
    try {
      return await running;
    } finally {
      state.inFlight.delete(`sha:${staged.sha256}`);
    }
  }

  /**
   * Files a staged original and its document with the facts read from it. Durable original first, then
   * the record that points at it: a crash in between leaves an unused original in the vault (harmless,
   * reused on the next import), never a record without its file. When another import (another process)
   * took the same file meanwhile, it is a duplicate of that one.
   */
  private async commitDocument(
    source: ImportSource,
    staged: StagedFile,
    doc: Omit<NewDocument, 'sha256' | 'originalName' | 'sourcePath' | 'size'>,
    derived: DerivedRecords | null,
    state: Run,
  ): Promise<{ id: number; added: AddedCounts } | ImportOutcome> {
    await timed(state, 'vault', () => this.library.vault.commit(staged));
    const started = performance.now();
    const inserted = this.library.insertWithRecords({ ...doc, sha256: staged.sha256, originalName: source.name, sourcePath: source.path, size: staged.size }, derived);
    state.profile.database += performance.now() - started;
    return 'alreadyIn' in inserted ? { status: 'duplicate', path: source.path, of: inserted.alreadyIn } : inserted;
  }

  private async extractAndCommit(
    source: ImportSource,
    staged: StagedFile,
    detected: Extract<Detected, { kind: 'pdf' | 'image' }>,
    state: Run,
    fromStudy?: { title: string | null; studyId: number; studyDate: string | null },
  ): Promise<ImportOutcome> {
    const { signal, patient } = state;
    const refused = async (refusal: Refusal): Promise<ImportOutcome> => {
      await this.library.vault.discard(staged);
      return { status: 'refused', path: source.path, ...refusal };
    };
    let extracted: ExtractResult;
    try {
      const extract = () =>
        this.pool.extract(
          {
            file: staged.ref,
            kind: detected.kind,
            mediaType: detected.mediaType,
            originalName: source.name,
            dateOfBirth: patient.dateOfBirth,
            reference: this.library.now().toISOString(),
            language: this.titleLanguage(),
          },
          signal,
        );
      extracted = await (staged.size >= LARGE_FILE_BYTES ? this.largeFiles.run(extract) : extract());
    } catch (error) {
      if (signal.aborted) return refused(CANCELLED);
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return refused(TOO_LARGE);
      return refused(internalError('import worker', error));
    }
    if (!extracted.ok) return refused(extracted.refusal);
    if (signal.aborted) return refused(CANCELLED);
    state.profile[detected.kind === 'pdf' ? 'pdf-text' : 'photos'] += extracted.timings.read;
    state.profile.suggestions += extracted.timings.suggestions;
    state.profile['lab-reading'] += extracted.timings.labs;
    state.profile['medication-lists'] += extracted.timings.lists;

    const suggested = fromStudy
      ? { ...extracted.suggested, type: extracted.suggested.type ?? 'imaging-report', dateOfService: extracted.suggested.dateOfService ?? fromStudy.studyDate }
      : extracted.suggested;
    const { labs } = extracted;
    const inserted = await this.commitDocument(
      source,
      staged,
      {
        patientId: patient.id,
        mediaType: detected.mediaType,
        title: fromStudy?.title?.trim() || extracted.title,
        suggested,
        pageTexts: extracted.pageTexts,
        ocrPages: extracted.ocrPages,
        previews: extracted.previews,
        dateReason: fromStudy && !extracted.suggested.dateOfService && fromStudy.studyDate ? said('date-from-study') : extracted.dateReason,
        statedPatients: extracted.statedPatients,
        languages: extracted.languages,
      },
      labs.length || extracted.records.length ? { labs, records: extracted.records, origin: 'pdf' } : null,
      state,
    );
    if ('status' in inserted) return inserted;
    const { id } = inserted;
    const identity = this.library.documents.get(id).identity;
    const notes = noting([
      detected.note,
      heldBack(identity, patient),
      labs.length
        ? said('labs-read', { count: labs.length })
        : suggested.type === 'lab-report' && detected.kind === 'pdf' && extracted.ocrPages.length < extracted.pageTexts.length
          ? said('no-lab-table')
          : undefined,
      listNote(extracted.records),
      fromStudy ? said('from-study', { study: fromStudy.studyId }) : undefined,
      ocrNote(extracted.ocrPages.length, extracted.pageTexts.length),
    ]);
    return { status: 'imported', path: source.path, id, type: suggested.type ?? 'other', pages: extracted.pageTexts.length, ...notes };
  }

  /**
   * A portal download's structured file: kept in the vault as a document (its narrative searchable),
   * and the records it lists stored with it in one transaction, those already known not doubled.
   */
  private async importRecords(source: ImportSource, reader: SourceReader, format: RecordFormat, state: Run): Promise<ImportOutcome> {
    const { signal } = state;
    if (source.size > MAX_RECORDS_FILE_BYTES) {
      return { status: 'refused', path: source.path, ...refusal('too-large', said('records-too-large', { size: { bytes: source.size }, limit: { bytes: MAX_RECORDS_FILE_BYTES } })) };
    }
    const staged = await this.library.vault.stage(reader.chunks(signal), signal);
    return this.onceByContent(source, staged, state, () => this.readRecordsAndCommit(source, staged, format, state));
  }

  private async readRecordsAndCommit(source: ImportSource, staged: StagedFile, format: RecordFormat, state: Run): Promise<ImportOutcome> {
    const { signal, patient } = state;
    let read: Awaited<ReturnType<WorkerPool['records']>>;
    try {
      read = await this.pool.records({ file: staged.ref, format, originalName: source.name, language: this.titleLanguage() }, signal);
    } catch (error) {
      await this.library.vault.discard(staged);
      if (signal.aborted) return { status: 'refused', path: source.path, ...CANCELLED };
      return { status: 'refused', path: source.path, ...internalError('reading a health record', error) };
    }
    if (!read.ok) {
      await this.library.vault.discard(staged);
      return { status: 'refused', path: source.path, ...read.refusal };
    }
    const inserted = await this.commitDocument(
      source,
      staged,
      {
        patientId: patient.id,
        mediaType: format === 'ccda' ? 'application/xml' : 'application/fhir+json',
        title: read.title,
        suggested: read.suggested,
        pageTexts: [read.text],
        ocrPages: [],
        previews: [],
        statedPatients: read.patients,
        languages: detectLanguages([read.text]),
      },
      read.derived,
      state,
    );
    if ('status' in inserted) return inserted;
    const { id, added: counts } = inserted;
    const identity = this.library.documents.get(id).identity;
    const holds = describeRecords(counts.labs, counts.records);
    const notes: (Said | null | undefined)[] = [
      holds ?? (counts.known || read.notes.some((n) => n.key === 'entries-unreadable') ? null : said('records-empty')),
      counts.known ? said('records-known', { count: counts.known }) : null,
      counts.repeated ? said('records-repeated', { count: counts.repeated }) : null,
      ...read.notes,
      heldBack(identity, patient),
    ];
    if (read.embedded) {
      const staged = await this.library.vault.stage(read.embedded.bytes, signal);
      const inner = await this.importStaged({ ...source, path: `${source.path} (PDF inside)`, name: `${read.title}.pdf` }, staged, { kind: 'pdf', mediaType: 'application/pdf' }, state);
      state.outcomes.push(inner);
      notes.push(said('carries-pdf'));
    }
    const noted = noting(notes);
    return { status: 'imported', path: source.path, id, type: read.suggested.type ?? 'other', pages: 1, note: '', ...noted };
  }

  /** Runs work for the same key one after another (the same DICOM file twice on a disc). */
  private async onlyOnce(state: Run, key: string, work: () => Promise<ImportOutcome | null>): Promise<ImportOutcome | null> {
    const previous = state.inFlight.get(key) ?? Promise.resolve(null);
    const mine = previous.catch(() => null).then(work);
    state.inFlight.set(key, mine);
    try {
      return await mine;
    } finally {
      if (state.inFlight.get(key) === mine) state.inFlight.delete(key);
    }
  }
}

/** What the person learns about the medications and allergies read from a document's lists. */
function listNote(records: readonly { readonly kind: string }[]): Said | undefined {
  const medications = records.filter((r) => r.kind === 'medication').length;
  const allergies = records.filter((r) => r.kind === 'allergy').length;
  if (!medications && !allergies) return undefined;
  return said('lists-read', { medications, allergies, total: medications + allergies });
}

/** What the person learns about pages that wait for OCR. */
function ocrNote(waiting: number, pages: number): Said | undefined {
  if (waiting === 0) return undefined;
  if (pages === 1) return said('ocr-one');
  if (waiting === pages) return said('ocr-all', { pages });
  return said('ocr-some', { waiting, pages });
}

/** A document that names someone else: who, and that its entries wait until the person says whose it is. */
function heldBack(identity: DocumentIdentity, patient: Patient): Said | undefined {
  if (identity.match !== 'other') return undefined;
  return said('held-back', { reason: identity.others ? identityWords(identity.others, patient) : asWritten(identity.reason ?? '') });
}

/** A whole (small) file's bytes, up to `limit`. */
async function readAll(reader: SourceReader, signal: AbortSignal, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of reader.chunks(signal)) {
    parts.push(new Uint8Array(chunk));
    length += chunk.length;
    if (length > limit) break;
  }
  return Buffer.concat(parts);
}

/** Passes chunks on, showing each to the walker that follows compressed image data. */
async function* tap(chunks: AsyncIterable<Uint8Array>, walker: FragmentWalker | undefined): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for await (const chunk of chunks) {
    walker?.feed(chunk, offset);
    offset += chunk.length;
    yield chunk;
  }
}

/** Runs `work`, adding the time it took to the import's profile under `stage`. */
async function timed<T>(state: Run, stage: ImportStage, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    state.profile[stage] += performance.now() - started;
  }
}
