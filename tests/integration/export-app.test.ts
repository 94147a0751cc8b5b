/**
 * Exporting from the window, through the same contract and dispatch Electron's IPC uses: the plan the
 * export screen shows, the folder chosen in the dialog (the window never names where files go), the
 * packet previewed before anything is written, progress events, cancel, show in folder, and what the
 * person is told when the folder cannot take the bundle.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/app/backend.ts';
import { dispatch } from '../../electron/app/dispatch.ts';
import type { Channel, ChannelResults } from '../../shared/ipc-contract.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';
import type { ExportChoices } from '../../shared/export-types.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

interface Event {
  readonly event: string;
  readonly payload: { readonly jobId?: string; readonly kind?: string; readonly status?: string; readonly progress?: { readonly phase: string } };
}

const RECORDS = [fixture('pdf/ocrmypdf/multipage.pdf'), fixture('images/MWG.jpg'), fixture('dicom/hospital_cd')];

async function appWithCase() {
  const folders: (string | null)[] = [];
  const shell: string[] = [];
  const events: Event[] = [];
  const backend = new Backend({
    libraryDir: path.join(tempDir(), 'library'),
    dialogs: { ...NO_DESKTOP.dialogs, chooseExportFolder: async () => folders.shift() ?? null, chooseImport: async () => RECORDS },
    shell: { ...NO_DESKTOP.shell, showItemInFolder: (file) => void shell.push(`show ${file}`), openPath: async (file) => (shell.push(`open ${file}`), '') },
    emit: (event, payload) => void events.push({ event, payload: payload as Event['payload'] }),
    version: 'test',
    importThreads: 2,
    backgroundOcr: false,
  });
  cleanup.push(() => backend.close());
  const call = async <C extends Channel>(channel: C, ...args: unknown[]): Promise<ChannelResults[C]> => {
    const result = await dispatch(backend.handlers, channel, args);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ChannelResults[C];
  };
  const patient = await call('patients:add', { name: 'Zoë Fontaine', dateOfBirth: '1961-03-12' });
  // As the person does: chosen in the import dialog, then imported.
  const chosen = await call('import:choose', 'files');
  const { jobId } = await call('import:start', chosen, patient.id);
  expect((await call('import:result', jobId)).refused).toEqual([]);
  const docs = await call('documents:list', { patientId: patient.id });
  const c = await call('cases:create', patient.id, { title: 'Lumbar fusion', specialty: 'spine-orthopedic', condition: null });
  await call('cases:add-documents', c.id, docs.map((d) => d.id));
  await call('cases:add-specialist', c.id, { name: 'Dr. Rafael Ortiz', institution: 'University Spine Center', sizeLimitMb: 25 });
  const specialist = (await call('cases:get', c.id)).case.specialists[0]!;
  return { backend, call, folders, shell, events, caseId: c.id, specialistId: specialist.id, docs };
}

const choices = (over: Partial<ExportChoices> = {}): ExportChoices => ({ ...DEFAULT_EXPORT_CHOICES, ...over });

function pdfPages(bytes: Uint8Array): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: bytes }).toString())![1]);
}

describe('exporting a case from the window', () => {
  it('plans, previews without writing, writes only into the folder chosen in the dialog, and shows it', async () => {
    const app = await appWithCase();
    const plan = await app.call('export:plan', app.caseId);
    expect(plan.documents.map((d) => d.id)).toEqual(app.docs.map((d) => d.id));
    // The CD holds three studies: each counts the bytes of its own DICOM files.
    const studies = plan.documents.filter((d) => d.kind === 'study');
    expect(studies).toHaveLength(3);
    const cdBytes = fs
      .readdirSync(fixture('dicom/hospital_cd'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'DICOMDIR' && !/\.(txt|md|html?)$/i.test(e.name))
      .reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
    expect(studies.reduce((n, d) => n + d.size, 0)).toBe(cdBytes);
    for (const d of plan.documents.filter((p) => p.kind === 'file')) expect(d.size).toBe(app.docs.find((doc) => doc.id === d.id)!.size);
    expect(plan.documents.every((d) => d.included)).toBe(true);
    // No recommendation and no questions yet: the checklist's gaps come with the plan.
    expect(plan.openGaps.map((g) => g.status)).toContain('missing');
    expect(plan.openGaps.some((g) => /recommendation/i.test(g.message))).toBe(true);
    expect(plan).toMatchObject({ remembered: {}, folder: null });

    // Nothing is written before a folder is chosen; a cancelled dialog chooses none.
    const request = { caseId: app.caseId, specialistId: app.specialistId, choices: choices(), password: null };
    await expect(app.call('export:start', request)).rejects.toThrow('Choose the folder to write the bundle into first.');
    expect(await app.call('export:choose-folder')).toBeNull();
    const out = path.join(tempDir(), 'bundles');
    app.folders.push(out);
    expect(await app.call('export:choose-folder')).toBe(out);
    expect((await app.call('export:plan', app.caseId)).folder).toBe(out);
    // The window cannot name a folder of its own.
    await expect(app.call('export:start', { ...request, outDir: '/tmp/elsewhere' })).rejects.toThrow(/wrong arguments/);

    // The preview: the packet's bytes read in ranges, as pdf.js asks; nothing on disk.
    const photo = app.docs.find((d) => d.mediaType === 'image/jpeg')!;
    const without = choices({ documentIds: plan.documents.filter((d) => d.id !== photo.id).map((d) => d.id) });
    const { jobId: previewId } = await app.call('export:preview', { caseId: app.caseId, specialistId: app.specialistId, choices: without });
    const info = await app.call('export:preview-info', previewId);
    const bytes = new Uint8Array(info.size);
    for (let at = 0; at < info.size; at += 65_536) bytes.set(await app.call('export:preview-read', previewId, at, 65_536), at);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    // Each range travels alone: IPC clones a view's whole buffer, which here would be the whole packet.
    const range = await app.call('export:preview-read', previewId, 65_536, 65_536);
    expect(range.buffer.byteLength).toBe(65_536);
    expect(pdfPages(bytes)).toBe(info.pages);
    expect(app.events.some((e) => e.event === 'job:progress' && e.payload.jobId === previewId && e.payload.progress?.phase === 'packet')).toBe(true);
    expect(fs.existsSync(out)).toBe(false);
    // A new preview lets go of the one before (a whole packet in memory); the window can also close it.
    const { jobId: second } = await app.call('export:preview', { caseId: app.caseId, specialistId: null, choices: choices() });
    await expect(app.call('export:preview-read', previewId, 0, 16)).rejects.toThrow(/no longer known/);
    expect((await app.call('export:preview-info', second)).pages).toBeGreaterThan(info.pages);
    await app.call('export:preview-discard', second);
    await expect(app.call('export:preview-info', second)).rejects.toThrow(/no longer known/);

    // Written: the same packet as previewed, the photo left out, then shown in the file manager.
    const { jobId } = await app.call('export:start', { ...request, choices: without });
    const result = await app.call('export:result', jobId);
    expect(path.dirname(result.folder)).toBe(out);
    expect(result.pages).toBe(info.pages);
    expect(result.documents).toBe(plan.documents.length - 1);
    expect(fs.readdirSync(path.join(result.folder, 'Originals')).some((n) => n.endsWith('.jpg'))).toBe(false);
    expect(app.events).toContainEqual({ event: 'job:finished', payload: { jobId, kind: 'export', status: 'finished' } });
    await app.call('export:show', jobId);
    await app.call('export:open-packet', jobId);
    expect(app.shell).toEqual([`show ${result.packet}`, `open ${result.packet}`]);
    expect((await app.call('export:plan', app.caseId)).remembered[String(app.specialistId)]).toEqual(without);

    // A bundle moved away since is said to be gone, not shown.
    fs.renameSync(result.folder, `${result.folder} moved`);
    await expect(app.call('export:show', jobId)).rejects.toThrow(/no longer at .*Export the case again/);
  });

  it('cancels an export leaving nothing, and says plainly when the chosen folder cannot take the bundle', async () => {
    const app = await appWithCase();
    const out = path.join(tempDir(), 'bundles');
    app.folders.push(out);
    await app.call('export:choose-folder');
    const request = { caseId: app.caseId, specialistId: null, choices: choices(), password: 'long enough secret' };
    const { jobId } = await app.call('export:start', request);
    const job = app.backend.jobs;
    await expect.poll(() => app.events.some((e) => e.payload.jobId === jobId && e.payload.progress?.phase === 'originals'), { timeout: 30_000 }).toBe(true);
    // The window that left and came back finds the run again.
    expect((await app.call('export:running', app.caseId))?.jobId).toBe(jobId);
    await app.call('export:cancel', jobId);
    await expect(job.exportResult(jobId)).rejects.toThrow('The export was cancelled; nothing was written.');
    expect(fs.readdirSync(out)).toEqual([]);
    expect(app.events).toContainEqual({ event: 'job:finished', payload: { jobId, kind: 'export', status: 'cancelled' } });
    expect(await app.call('export:running', app.caseId)).toBeNull();

    // A file where the folder should be.
    const blocked = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocked, 'a file');
    app.folders.push(path.join(blocked, 'bundles'));
    await app.call('export:choose-folder');
    const failed = await app.call('export:start', request);
    await expect(app.call('export:result', failed.jobId)).rejects.toThrow(/is not a folder Casebinder can write into \(a file is in the way\)\. Choose another folder/);
    expect(fs.readFileSync(blocked, 'utf8')).toBe('a file');
  });
});
