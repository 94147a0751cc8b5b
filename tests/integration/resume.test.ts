import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/app/backend.ts';
import { databaseOf, importerFor, newLibrary } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function backendOn(libraryDir: string): { backend: Backend; events: string[] } {
  const events: string[] = [];
  const backend = new Backend({
    libraryDir,
    ...NO_DESKTOP,
    emit: (event) => void events.push(event),
    version: 'test',
    importThreads: 2,
    ocrWorkers: 1,
  });
  cleanup.push(() => backend.close());
  return { backend, events };
}

describe('starting the app again', () => {
  it('finishes what the last session left: key images of series not yet drawn, and pages waiting for OCR', async () => {
    // A session imported a CD and a scanned photo, then ended before the previews and OCR were done.
    const { dir, library, patient } = newLibrary();
    const { importer, close } = importerFor(library);
    const result = await importer.start({ paths: [fixture('dicom/hospital_cd'), fixture('images/derived/phone_photo_orientation6.jpg')], patientId: patient.id }).result;
    await close();
    expect(result.imported).toHaveLength(4);
    const db = databaseOf(library);
    db.exec('UPDATE series SET thumbnail = NULL, thumbnail_problem = NULL');
    db.close();
    expect(library.studies.seriesWithoutThumbnail()).toHaveLength(3);
    expect(library.ocr.waitingCount()).toBe(1);
    library.close();

    const { backend, events } = backendOn(dir);
    await backend.resume();
    expect(backend.library.studies.seriesWithoutThumbnail()).toEqual([]);
    // OCR started on its own, and is reported to the window like any other job.
    const status = await backend.handlers['ocr:status']();
    expect(status.jobId).not.toBeNull();
    await expect.poll(async () => (await backend.handlers['ocr:status']()).waiting, { timeout: 60_000, interval: 250 }).toBe(0);
    await expect.poll(() => events.includes('job:finished'), { timeout: 10_000 }).toBe(true);
    const photo = result.imported.find((i) => i.path.endsWith('.jpg'))!;
    expect(backend.library.documents.pageTexts(photo.id).join('\n')).toContain('Linzensoep');
  });

  it('does nothing when nothing was left', async () => {
    const { dir, library } = newLibrary();
    library.close();
    const { backend, events } = backendOn(dir);
    await backend.resume();
    expect((await backend.handlers['ocr:status']()).jobId).toBeNull();
    expect(events).toEqual([]);
  });
});
