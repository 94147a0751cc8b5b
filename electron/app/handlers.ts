/**
 * What each channel of the contract does, over the same services the command line uses: one slice per
 * domain (electron/app/channels/), put together here. Electron's IPC binding and the end-to-end test
 * harness register exactly this map. The window hears `library:changed` from here alone, for the
 * patients each channel declares it changes.
 */
import type { Channel, ChannelResults } from '../../shared/ipc-contract.ts';
import { caseChannels } from './channels/cases.ts';
import { documentChannels } from './channels/documents.ts';
import { exportChannels } from './channels/export.ts';
import { importChannels } from './channels/import.ts';
import { ocrChannels } from './channels/ocr.ts';
import { patientChannels } from './channels/patients.ts';
import { recordChannels } from './channels/records.ts';
import { shellChannels } from './channels/shell.ts';
import type { Affected, AppContext, Args, Changes, Handler, LibraryChannel, LibraryHandlers } from './context.ts';
import type { Emit } from './jobs.ts';

/** The slices, one per domain, by name; each channel is in exactly one (a test checks it). */
export function channelSlices(ctx: AppContext) {
  return {
    documents: documentChannels(ctx),
    patients: patientChannels(ctx),
    cases: caseChannels(ctx),
    records: recordChannels(ctx),
    ocr: ocrChannels(ctx),
    import: importChannels(ctx),
    export: exportChannels(ctx),
    shell: shellChannels(ctx),
  };
}

function patientsOf(affected: Affected | undefined): (number | null)[] {
  if (affected === undefined) return [];
  return Array.isArray(affected) ? [...(affected as readonly (number | null)[])] : [affected as number | null];
}

/** The handler, telling the window after it succeeds whose records it changed. */
function announcing<C extends Channel>(handler: Handler<C>, changes: Changes<C>, emit: Emit): Handler<C> {
  return async (...args: Args<C>): Promise<ChannelResults[C]> => {
    const before = patientsOf(changes.before?.(...args));
    const result = await handler(...args);
    const touched = [...before, ...patientsOf(changes.after?.(result, ...args))];
    const patients = touched.includes(null) ? [null] : [...new Set(touched)];
    for (const patientId of patients) emit('library:changed', { patientId });
    return result;
  };
}

export function createHandlers(ctx: AppContext): LibraryHandlers {
  const slices = channelSlices(ctx);
  // Typed as the library's part of the contract: a channel no slice handles does not compile.
  const handlers: LibraryHandlers = {
    ...slices.documents.handlers,
    ...slices.patients.handlers,
    ...slices.cases.handlers,
    ...slices.records.handlers,
    ...slices.ocr.handlers,
    ...slices.import.handlers,
    ...slices.export.handlers,
    ...slices.shell.handlers,
  };
  const announced: Record<string, unknown> = { ...handlers };
  for (const { changes } of Object.values(slices)) {
    for (const [channel, change] of Object.entries(changes) as [Channel, Changes<Channel>][]) {
      announced[channel] = announcing(handlers[channel as LibraryChannel] as Handler<Channel>, change, ctx.emit);
    }
  }
  return announced as LibraryHandlers;
}
