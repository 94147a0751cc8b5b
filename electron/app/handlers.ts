import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { z } from 'zod';
import type { Channel, ChannelResults, CHANNELS, DocumentSummary, OcrStatus } from '../../shared/ipc-contract.ts';
import { CasebinderError } from '../../shared/errors.ts';
import type { MedicalDocument } from '../../shared/library-types.ts';
import { composeDocument } from '../compose/compose.ts';
import { exportPlan } from '../export/plan.ts';
import { timeline } from '../library/timeline.ts';
import { readCcda } from '../records/ccda.ts';
import { correctedLab } from '../labs/normalize.ts';
import { todayIso as today } from '../../shared/dates.ts';
import type { Library } from '../library/library.ts';
import type { WorkerPool } from '../workers/pool.ts';
import { mayOpenExternally } from './links.ts';
import type { Emit, JobRegistry } from './jobs.ts';

/** The native dialogs the back end needs; Electron's in the app, a scripted stand-in in tests. */
export interface Dialogs {
  chooseImport(kind: 'files' | 'folder'): Promise<string[]>;
  /** Asks the person whether to open a link in their browser. */
  confirmExternalLink(url: string): Promise<boolean>;
  /** Asks where case bundles go, starting from the folder chosen last; null when they cancel. */
  chooseExportFolder(current: string | null): Promise<string | null>;
}

export interface ExternalShell {
  openExternal(url: string): Promise<void>;
  /** Shows a file selected in the system's file manager. */
  showItemInFolder(file: string): void;
  /** Opens a file in the program the system uses for it; resolves to an error message, or '' when it opened. */
  openPath(file: string): Promise<string>;
}

export interface AppContext {
  readonly library: Library;
  readonly pool: WorkerPool;
  readonly jobs: JobRegistry;
  readonly dialogs: Dialogs;
  readonly shell: ExternalShell;
  readonly emit: Emit;
  readonly version: string;
}

export type Handlers = {
  readonly [C in Channel]: (...args: z.output<(typeof CHANNELS)[C]>) => Promise<ChannelResults[C]> | ChannelResults[C];
};

function summary(doc: MedicalDocument): DocumentSummary {
  return {
    id: doc.id,
    patientId: doc.patientId,
    kind: doc.kind,
    title: doc.title,
    type: doc.type,
    dateOfService: doc.dateOfService,
    facility: doc.facility,
    suggested: doc.suggested,
    pages: doc.pages,
    mediaType: doc.mediaType,
    sha256: doc.sha256,
    size: doc.size,
    tags: doc.tags,
    imaging: doc.imaging,
    ocr: doc.ocr,
    madeFrom: doc.madeFrom,
    patientMatch: doc.identity.match,
  };
}

/**
 * What each channel of the contract does, over the same services the command line uses. Electron's
 * IPC binding and the end-to-end test harness register exactly this map.
 */
export function createHandlers(ctx: AppContext): Handlers {
  const { library } = ctx;
  const changed = (doc: MedicalDocument) => {
    ctx.emit('library:changed', { patientId: doc.patientId });
    return doc;
  };
  const caseChanged = <T extends { patientId: number }>(c: T): T => {
    ctx.emit('library:changed', { patientId: c.patientId });
    return c;
  };
  /** Runs a change to a case and tells the window; the result is fetched again with cases:get. */
  const caseDone = (id: number, change: () => unknown): null => {
    change();
    ctx.emit('library:changed', { patientId: library.cases.get(id).patientId });
    return null;
  };
  /** A recommendation or opinion the window names, checked to be of the case it names. */
  const ownRecommendation = (caseId: number, id: number) => {
    if (!library.cases.details(caseId).recommendations.some((r) => r.id === id)) throw new CasebinderError('not-found', `Case #${caseId} has no recommendation #${id}.`);
    return id;
  };
  const ownOpinion = (caseId: number, id: number) => {
    if (!library.cases.details(caseId).opinions.some((o) => o.id === id)) throw new CasebinderError('not-found', `Case #${caseId} has no opinion #${id}.`);
    return id;
  };
  const ocrStatus = (): OcrStatus => {
    const running = ctx.jobs.runningOcr();
    return {
      jobId: running?.id ?? null,
      progress: running?.progress ?? null,
      waiting: library.ocr.waitingCount(),
      languages: library.settings.ocrLanguages(),
    };
  };
  /** A bundle this session wrote, checked to be still where it was written. */
  const written = async (jobId: string) => {
    const result = await ctx.jobs.exportResult(jobId);
    if (!fs.existsSync(result.packet)) {
      throw new CasebinderError('not-found', `The bundle is no longer at ${result.folder}; it may have been moved or deleted. Export the case again to write a new one.`);
    }
    return result;
  };
  return {
    'app:info': () => ({ version: ctx.version, libraryDir: library.dir, platform: process.platform }),
    'patients:list': () => library.patients.list(),
    'patients:add': (input) => {
      const patient = library.patients.add(input);
      ctx.emit('library:changed', { patientId: patient.id });
      return patient;
    },
    'documents:list': (filters) => library.documents.list(filters).map(summary),
    'documents:get': (id) => library.documents.get(id),
    'documents:read': async (id, offset, length) => {
      const doc = library.documents.get(id);
      if (!doc.sha256) throw new CasebinderError('invalid-input', `Document ${id} is an imaging study; its files are read one series at a time.`);
      if (offset >= doc.size) return new Uint8Array(0);
      const handle = await fsp.open(library.vault.pathFor(doc.sha256), 'r');
      try {
        const buffer = Buffer.alloc(Math.min(length, doc.size - offset));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
      } finally {
        await handle.close();
      }
    },
    'documents:edit': (id, edit) => changed(library.documents.edit(id, edit)),
    'documents:confirm': (id, fields) => changed(library.documents.confirm(id, fields)),
    search: (query, filters, limit) => library.search.search(query, filters, limit),
    'import:choose': (kind) => ctx.dialogs.chooseImport(kind),
    'import:start': (paths, patientId) => ({ jobId: ctx.jobs.startImport({ paths, patientId }) }),
    'import:cancel': (jobId) => {
      ctx.jobs.cancel(jobId);
      return null;
    },
    'import:result': (jobId) => ctx.jobs.result(jobId),
    'documents:pages': (id) => library.documents.pageInfo(id),
    'documents:page-text': (id, page) => library.documents.pageText(id, page),
    'documents:preview': (id, page) => library.documents.preview(id, page).data,
    'documents:compose': async (request) => {
      const doc = changed(await composeDocument(library, ctx.pool, request));
      ctx.jobs.startOcrIfWaiting();
      return doc;
    },
    'studies:get': (id) => {
      const doc = library.documents.get(id);
      return library.studies.details(id, library.patients.get(doc.patientId));
    },
    'series:thumbnail': (id) => library.studies.thumbnail(id),
    'ocr:status': () => ocrStatus(),
    'ocr:start': () => ({ jobId: library.ocr.waitingCount() > 0 || ctx.jobs.runningOcr() ? ctx.jobs.startOcr() : null }),
    'ocr:cancel': () => {
      const running = ctx.jobs.runningOcr();
      if (running) ctx.jobs.cancel(running.id);
      return null;
    },
    'ocr:read-again': (documentId) => {
      library.ocr.readAgain(documentId);
      ctx.jobs.startOcrIfWaiting();
      return ocrStatus();
    },
    'settings:ocr-languages': (languages) => {
      library.settings.setOcrLanguages(languages);
      return ocrStatus();
    },
    'documents:narrative': async (id) => {
      const doc = library.documents.get(id);
      if (doc.mediaType !== 'application/xml' || !doc.sha256) throw new CasebinderError('invalid-input', 'This document is not a clinical document (C-CDA).');
      return readCcda(await fsp.readFile(library.vault.pathFor(doc.sha256), 'utf8')).sections;
    },
    'labs:list': (patientId, options) => library.records.labs({ patientId, withHeldBack: options?.withHeldBack ?? false }),
    'labs:confirm': (ids) => {
      const labs = library.records.confirmLabs(ids);
      ctx.emit('library:changed', { patientId: labs[0]?.patientId ?? null });
      return labs;
    },
    'labs:correct': (id, correction) => {
      const lab = library.records.saveCorrectedLab(id, correctedLab(library.records.lab(id), correction));
      ctx.emit('library:changed', { patientId: lab.patientId });
      return lab;
    },
    'labs:remove': (id) => {
      const { patientId } = library.records.lab(id);
      library.records.removeLab(id);
      ctx.emit('library:changed', { patientId });
      return null;
    },
    'records:list': (patientId, kind, options) => library.records.records(patientId, kind, { withHeldBack: options?.withHeldBack ?? false }),
    'records:confirm': (ids) => {
      const records = library.records.confirmRecords(ids);
      ctx.emit('library:changed', { patientId: records[0]?.patientId ?? null });
      return records;
    },
    'documents:trash': (ids) => {
      const docs = library.corrections.trash(ids);
      for (const patientId of new Set(docs.map((d) => d.patientId))) ctx.emit('library:changed', { patientId });
      return null;
    },
    'documents:restore': (id) => changed(library.corrections.restore(id)),
    'documents:move': (id, patientId) => {
      const from = library.documents.get(id).patientId;
      const moved = changed(library.corrections.move(id, patientId));
      ctx.emit('library:changed', { patientId: from });
      return moved;
    },
    'documents:mine': (id) => changed(library.corrections.markMine(id)),
    'trash:list': () => library.corrections.inTrash().map((d) => ({ ...summary(d), deletedAt: d.deletedAt!, removedAfter: d.removedAfter })),
    'trash:empty': async () => {
      const report = await library.corrections.emptyTrash();
      ctx.emit('library:changed', { patientId: null });
      return report;
    },
    'patients:edit': (id, change) => {
      const patient = library.corrections.editPatient(id, change);
      ctx.emit('library:changed', { patientId: id });
      return patient;
    },
    'patients:merge': (from, into) => {
      const patient = library.corrections.merge(from, into);
      ctx.emit('library:changed', { patientId: null });
      return patient;
    },
    'corrections:list': () => library.corrections.history(),
    'corrections:undo': () => {
      const undone = library.corrections.undo();
      ctx.emit('library:changed', { patientId: null });
      return undone;
    },
    'records:add': (patientId, input) => {
      library.patients.get(patientId);
      const record = library.records.addRecord(patientId, { ...input, codes: [] }, library.now());
      ctx.emit('library:changed', { patientId });
      return record;
    },
    'records:update': (id, change) => {
      const record = library.records.updateRecord(id, change);
      ctx.emit('library:changed', { patientId: record.patientId });
      return record;
    },
    'records:remove': (id) => {
      const { patientId } = library.records.record(id);
      library.records.removeRecord(id);
      ctx.emit('library:changed', { patientId });
      return null;
    },
    'cases:list': (patientId) => library.cases.list(patientId),
    'cases:create': (patientId, input) => caseChanged(library.cases.create(patientId, input, library.now())),
    'cases:get': (id) => {
      const details = library.cases.details(id);
      // The case's own documents (and those its recommendations cite): never the whole library.
      const ids = [...new Set([...details.documents.map((d) => d.documentId), ...details.recommendations.flatMap((r) => r.documentIds)])];
      return { case: details, checklist: library.cases.checklist(id, today()), documents: ids.map((d) => summary(library.documents.get(d))) };
    },
    'cases:update': (id, change) => caseChanged(library.cases.update(id, change)),
    'cases:remove': (id) => {
      const c = library.cases.get(id);
      library.cases.remove(id);
      caseChanged(c);
      return null;
    },
    'cases:add-documents': (id, documentIds) => caseDone(id, () => library.cases.addDocuments(id, documentIds)),
    'cases:set-included': (id, documentId, included) => caseDone(id, () => library.cases.setIncluded(id, documentId, included)),
    'cases:order-documents': (id, documentIds) => caseDone(id, () => library.cases.orderDocuments(id, documentIds)),
    'cases:remove-document': (id, documentId) => caseDone(id, () => library.cases.removeDocument(id, documentId)),
    'cases:add-question': (id, text) => caseDone(id, () => library.cases.addQuestion(id, text)),
    'cases:update-question': (questionId, text) => {
      library.cases.updateQuestion(questionId, text);
      ctx.emit('library:changed', { patientId: null });
      return null;
    },
    'cases:remove-question': (questionId) => {
      library.cases.removeQuestion(questionId);
      ctx.emit('library:changed', { patientId: null });
      return null;
    },
    'cases:order-questions': (id, questionIds) => caseDone(id, () => library.cases.orderQuestions(id, questionIds)),
    'cases:add-recommendation': (id, input) => caseDone(id, () => library.cases.addRecommendation(id, input)),
    'cases:remove-recommendation': (id, recommendationId) => caseDone(id, () => library.cases.removeRecommendation(recommendationId)),
    'cases:update-recommendation': (id, recommendationId, change) =>
      caseDone(id, () => library.cases.updateRecommendation(ownRecommendation(id, recommendationId), change)),
    'cases:update-opinion': (id, opinionId, change) => caseDone(id, () => library.cases.updateOpinion(ownOpinion(id, opinionId), change)),
    'cases:remove-opinion': (id, opinionId) => caseDone(id, () => library.cases.removeOpinion(ownOpinion(id, opinionId))),
    'cases:add-request': (id, input) => caseDone(id, () => library.cases.addRequest(id, input)),
    'cases:set-request-state': (requestId, state, documentIds) => {
      library.cases.setRequestState(requestId, state, documentIds ?? []);
      ctx.emit('library:changed', { patientId: null });
      return null;
    },
    'cases:add-specialist': (id, input) => caseDone(id, () => library.cases.addSpecialist(id, input)),
    'cases:add-opinion': (id, input) => caseDone(id, () => library.cases.addOpinion(id, input)),
    timeline: (patientId, caseId) => timeline(library, patientId, caseId),
    'export:plan': (caseId) => exportPlan(library, caseId, today()),
    'export:choose-folder': async () => {
      const folder = await ctx.dialogs.chooseExportFolder(library.settings.exportFolder());
      if (folder) library.settings.setExportFolder(folder);
      return folder;
    },
    'export:preview': (request) => ({ jobId: ctx.jobs.startPreview(request) }),
    'export:preview-info': (jobId) => ctx.jobs.previewInfo(jobId),
    'export:preview-read': (jobId, offset, length) => ctx.jobs.previewBytes(jobId, offset, length),
    'export:preview-discard': (jobId) => {
      ctx.jobs.discardPreview(jobId);
      return null;
    },
    'export:start': ({ password, ...request }) => {
      // Only a folder the person chose in the dialog: the window never names where files are written.
      const outDir = library.settings.exportFolder();
      if (!outDir) throw new CasebinderError('invalid-input', 'Choose the folder to write the bundle into first.');
      return { jobId: ctx.jobs.startExport({ ...request, outDir, password }) };
    },
    'export:running': (caseId) => {
      const job = ctx.jobs.runningExport(caseId);
      return job ? { jobId: job.id, progress: job.progress ?? null } : null;
    },
    'export:cancel': (jobId) => {
      ctx.jobs.cancel(jobId);
      return null;
    },
    'export:result': (jobId) => ctx.jobs.exportResult(jobId),
    'export:show': async (jobId) => {
      ctx.shell.showItemInFolder((await written(jobId)).packet);
      return null;
    },
    'export:open-packet': async (jobId) => {
      const { packet } = await written(jobId);
      const failed = await ctx.shell.openPath(packet);
      if (failed) throw new CasebinderError('not-found', `The packet could not be opened: ${failed}. It is at ${packet}.`);
      return null;
    },
    'shell:open-external': async (url) => {
      if (!mayOpenExternally(url)) {
        throw new CasebinderError('invalid-input', 'Only web links (http or https) can be opened from Casebinder.');
      }
      if (!(await ctx.dialogs.confirmExternalLink(url))) return false;
      await ctx.shell.openExternal(url);
      return true;
    },
  };
}
