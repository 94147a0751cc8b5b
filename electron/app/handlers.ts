import fsp from 'node:fs/promises';
import type { z } from 'zod';
import type { Channel, ChannelResults, CHANNELS, DocumentSummary } from '../../shared/ipc-contract.ts';
import { CasebinderError } from '../../shared/errors.ts';
import type { MedicalDocument } from '../../shared/library-types.ts';
import type { Library } from '../library/library.ts';
import { mayOpenExternally } from '../desktop/policy.ts';
import type { Emit, JobRegistry } from './jobs.ts';

/** The native dialogs the back end needs; Electron's in the app, a scripted stand-in in tests. */
export interface Dialogs {
  chooseImport(kind: 'files' | 'folder'): Promise<string[]>;
  /** Asks the person whether to open a link in their browser. */
  confirmExternalLink(url: string): Promise<boolean>;
}

export interface ExternalShell {
  openExternal(url: string): Promise<void>;
}

export interface AppContext {
  readonly library: Library;
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
