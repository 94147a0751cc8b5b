import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/app/backend.ts';
import { dispatch } from '../../electron/app/dispatch.ts';
import { channelSlices } from '../../electron/app/handlers.ts';
import { securityChannels } from '../../electron/app/channels/security.ts';
import { CHANNELS } from '../../shared/ipc-contract.ts';
import type { AppEvents } from '../../shared/ipc-contract.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';
import { importerFor, newLibrary } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

/** A back end over a library holding Synthea's FHIR download for its patient, and the events it sends. */
async function backendWithRecords() {
  const { dir, library } = newLibrary();
  // The download's own person, so its facts are hers and not held back.
  const patient = library.patients.add({ name: 'Buster Hoeger', dateOfBirth: null });
  const { importer, close } = importerFor(library);
  const result = await importer.start({ paths: [fixture('fhir', 'Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json')], patientId: patient.id }).result;
  await close();
  library.close();
  const events: AppEvents['library:changed'][] = [];
  const backend = new Backend({
    libraryDir: dir,
    ...NO_DESKTOP,
    emit: (event, payload) => {
      if (event === 'library:changed') events.push(payload as AppEvents['library:changed']);
    },
    version: 'test',
    importThreads: 1,
    backgroundOcr: false,
  });
  cleanup.push(() => backend.close());
  const call = async (channel: string, ...args: unknown[]) => {
    events.length = 0;
    const answer = await dispatch(backend.handlers, channel, args);
    return { value: answer.ok ? answer.value : undefined, error: answer.ok ? undefined : answer.error, events: [...events] };
  };
  return { backend, patientId: patient.id, documentId: result.imported[0]!.id, call };
}

describe('the app channels, by domain', () => {
  it('handles every channel of the contract in exactly one slice', async () => {
    const { backend } = await backendWithRecords();
    const slices = channelSlices({ library: backend.library, pool: backend.pool, jobs: backend.jobs, chosen: backend.chosen, ...NO_DESKTOP, emit: () => undefined, version: 'test' });
    // The back end answers its own channels (the lock, encryption, backups, what the app is), open library or not.
    const handled = [...Object.values(slices).flatMap((s) => Object.keys(s.handlers)), ...Object.keys(securityChannels(backend))];
    expect([...handled].sort()).toEqual(Object.keys(CHANNELS).sort());
    // What a slice declares it changes is one of its own channels.
    for (const s of Object.values(slices)) for (const channel of Object.keys(s.changes)) expect(Object.keys(s.handlers)).toContain(channel);
  });

  it('tells the window whose records changed, once per change, and nothing for reads or failures', async () => {
    const { patientId, documentId, call } = await backendWithRecords();
    expect((await call('documents:list', { patientId })).events).toEqual([]);
    expect((await call('documents:edit', documentId, { title: 'Summary of care' })).events).toEqual([{ patientId }]);
    // A change that fails tells nobody.
    const failed = await call('documents:edit', 999_999, { title: 'x' });
    expect(failed.error?.code).toBe('not-found');
    expect(failed.events).toEqual([]);

    // A new patient; a document moved to them changes both records; undo may change anyone's.
    const added = await call('patients:add', { name: 'Eve Betterhalf' });
    const other = (added.value as { id: number }).id;
    expect(added.events).toEqual([{ patientId: other }]);
    expect((await call('documents:move', documentId, other)).events).toEqual([{ patientId }, { patientId: other }]);
    expect((await call('corrections:undo')).events).toEqual([{ patientId: null }]);

    // A removal is read before the change: the record is gone after it.
    const records = (await call('records:list', patientId)).value as { id: number }[];
    expect(records.length).toBeGreaterThan(0);
    expect((await call('records:remove', records[0]!.id)).events).toEqual([{ patientId }]);

    // A change to a case: that case's patient.
    const created = await call('cases:create', patientId, { title: 'Recommended knee replacement', specialty: 'spine-orthopedic' });
    const caseId = (created.value as { id: number }).id;
    expect(created.events).toEqual([{ patientId }]);
    expect((await call('cases:add-question', caseId, 'Is surgery needed now?')).events).toEqual([{ patientId }]);
    expect((await call('cases:get', caseId)).events).toEqual([]);

    // The case screen's one request holds the case's timeline and its undated count, as the timeline's own channels give them.
    await call('cases:add-documents', caseId, [documentId]);
    const got = (await call('cases:get', caseId)).value as { timeline: unknown[]; undated: number; documents: { id: number }[] };
    expect(got.documents.map((d) => d.id)).toEqual([documentId]);
    expect(got.timeline).toEqual((await call('timeline', patientId, caseId)).value);
    expect(got.timeline.length).toBeGreaterThan(0);
    expect(got.undated).toBe((await call('timeline:undated', patientId, caseId)).value);
  });

  it('imports only what the person chose in the dialog or dropped on the window, and what is inside a chosen folder', async () => {
    const { backend, patientId, call } = await backendWithRecords();
    const folder = fixture('pdf', 'pdfjs');
    // A page made to misbehave names files the person never chose.
    for (const path of ['/etc/passwd', fixture('pdf', 'pdfjs', 'rotation.pdf')]) {
      const refused = await call('import:start', [path], patientId);
      expect(refused.error).toEqual({ code: 'invalid-input', message: expect.stringContaining('imports only files and folders you choose in its import dialog or drop on its window') });
    }
    // The folder the person dropped (the preload reports it), and a file inside it; not what is beside it.
    backend.chosen.choose(folder);
    const started = await call('import:start', [folder, fixture('pdf', 'pdfjs', 'rotation.pdf')], patientId);
    expect(started.error).toBeUndefined();
    await call('import:result', (started.value as { jobId: string }).jobId);
    expect((await call('import:start', [fixture('pdf', 'ocrmypdf', 'kcs.pdf')], patientId)).error?.code).toBe('invalid-input');
    expect((await call('import:start', [`${folder}/../ocrmypdf/kcs.pdf`], patientId)).error?.code).toBe('invalid-input');
  });
});
