import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { OCR_NICENESS, OcrEngine, ocrThreads } from '../../electron/media/ocr-engine.ts';
import { OcrRunner } from '../../electron/ocr/runner.ts';
import { pdfPageImage } from '../../electron/media/page-image.ts';
import { LOW_OCR_CONFIDENCE } from '../../shared/library-types.ts';
import { FOLDERS } from '../corpus/folders.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { closeAfterTest, importingLibrary } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { say } from '../../shared/said.ts';
import type { WindowLanguage } from '../../shared/languages.ts';

function setup(titleLanguage?: WindowLanguage) {
  const { library, patient, pool, run } = importingLibrary();
  const ocr = new OcrRunner(library, pool, { workers: 1, ...(titleLanguage ? { titleLanguage: () => titleLanguage } : {}) });
  closeAfterTest(() => ocr.close());
  return { library, patient, ocr, run };
}

/** A lab report printed, then photographed sideways with a phone: stored on its side, EXIF says turn it. */
async function photographedLabReport(dir: string): Promise<string> {
  const quest = FOLDERS.find((d) => d.truth.facility?.includes('Quest Diagnostics'))!;
  const [written] = await writeCorpus(dir, [quest]);
  const page = await pdfPageImage(written!.path, 1);
  if ('code' in page) throw new Error(page.reason);
  const grey = Buffer.from(page.pgm.subarray(page.pgm.length - page.width * page.height));
  const photo = path.join(dir, 'IMG_2041.JPG');
  await sharp(grey, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(-90)
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .toFile(photo);
  return photo;
}

/** A photo taken from too far away: the text is there but blurred. */
async function blurryPhoto(dir: string): Promise<string> {
  const file = path.join(dir, 'blurry.jpg');
  const small = await sharp(fixture('images/typewriter.png')).resize({ width: 180 }).toBuffer();
  await sharp(small).resize({ width: 2000 }).jpeg({ quality: 90 }).toFile(file);
  return file;
}

describe('OCR', () => {
  it('reads photos and scanned PDF pages in the background, into search with its confidence, and suggests again from what it read', async () => {
    const { library, ocr, run } = setup();
    const dir = tempDir();
    const photo = await photographedLabReport(dir);
    const blurry = await blurryPhoto(dir);
    const imported = await run(photo, blurry, fixture('pdf/ocrmypdf/c02-22.pdf'));
    expect(imported.refused).toEqual([]);
    const id = (name: string) => imported.imported.find((i) => path.basename(i.path) === name)!.id;

    // Listed at once, before OCR: nothing to find yet, three pages waiting.
    expect(library.ocr.waitingCount()).toBe(3);
    expect(library.documents.get(id('IMG_2041.JPG'))).toMatchObject({ ocr: { pages: 1, pending: 1 }, suggested: { type: null } });
    expect(library.search.search('hemoglobin')).toEqual([]);

    const progress: number[] = [];
    const job = ocr.start();
    job.onProgress((p) => progress.push(p.pagesDone));
    const result = await job.result;
    expect(result).toMatchObject({ pagesRead: 3, pagesFailed: 0, lowConfidence: 1, cancelled: false, languages: ['eng'] });
    expect(progress.at(-1)).toBe(3);
    expect(library.ocr.waitingCount()).toBe(0);

    // The photo was read upright (its EXIF orientation applied): its words are found, with how sure OCR was.
    const [hit] = library.search.search('hemoglobin platelet');
    expect(hit).toMatchObject({ id: id('IMG_2041.JPG'), page: 1 });
    expect(hit!.ocrConfidence).toBeGreaterThanOrEqual(85);
    const lab = library.documents.get(id('IMG_2041.JPG'));
    expect(lab.suggested).toMatchObject({ type: 'lab-report', dateOfService: '2025-01-10' });
    expect(lab.suggested.facility).toMatch(/Quest Diagnostics/);
    expect(lab.ocr).toMatchObject({ pages: 1, pending: 0, lowConfidence: 0 });

    // The blurred photo is read too, and marked: its text may be wrong.
    const [blurred] = library.documents.pageInfo(id('blurry.jpg'));
    expect(blurred).toMatchObject({ ocr: 'done', languages: 'eng' });
    expect(blurred!.confidence).toBeLessThan(LOW_OCR_CONFIDENCE);
    expect(library.documents.get(id('blurry.jpg')).ocr).toMatchObject({ lowConfidence: 1 });

    // A scanned book page inside a PDF (no text layer) is read as well.
    expect(library.search.search('tip-toeing').map((h) => h.id)).toEqual([id('c02-22.pdf')]);
    expect(await library.check()).toMatchObject({ ok: true });
  });

  it('names a photo from what it read in the window’s language, and never renames one the person named', async () => {
    const { library, ocr, run } = setup('es');
    const dir = tempDir();
    // A surgeon's letter printed by Chromium (tests/fixtures/document-corpus), photographed: a picture of its page.
    const page = await pdfPageImage(fixture('document-corpus/tuning/spine surgeon letter.pdf'), 1);
    if ('code' in page) throw new Error(page.reason);
    const grey = Buffer.from(page.pgm.subarray(page.pgm.length - page.width * page.height));
    for (const name of ['IMG_3310.jpg', 'named.jpg']) {
      // The second with other JPEG settings, so the library takes it as another file.
      await sharp(grey, { raw: { width: page.width, height: page.height, channels: 1 } }).jpeg({ quality: name === 'named.jpg' ? 80 : 90 }).toFile(path.join(dir, name));
    }
    const imported = await run(path.join(dir, 'IMG_3310.jpg'), path.join(dir, 'named.jpg'));
    const id = (name: string) => imported.imported.find((i) => path.basename(i.path) === name)!.id;
    // Before it is read there is only its file name to go by.
    expect(library.documents.get(id('IMG_3310.jpg')).title).toBe('IMG 3310');
    library.documents.edit(id('named.jpg'), { title: 'Carta del Dr. Lindqvist' });
    await ocr.start().result;
    expect(library.documents.get(id('IMG_3310.jpg')).title).toBe('Recomendación del cirujano de Cascadia Spine & Orthopaedics');
    expect(library.documents.get(id('named.jpg')).title).toBe('Carta del Dr. Lindqvist');
  });

  it('stops when cancelled, leaving the pages not yet read waiting for the next run', async () => {
    const { library, ocr, run } = setup();
    await run(fixture('images/derived/two_page_scan.tif'));
    expect(library.ocr.waitingCount()).toBe(2);
    const job = ocr.start();
    const stop = job.onProgress((p) => {
      if (p.document) {
        stop();
        job.cancel();
      }
    });
    const cancelled = await job.result;
    expect(cancelled.cancelled).toBe(true);
    expect(library.ocr.waitingCount()).toBeGreaterThan(0);
    const done = await ocr.start().result;
    expect(done.cancelled).toBe(false);
    expect(library.ocr.waitingCount()).toBe(0);
    expect(library.documents.pageTexts(library.documents.list()[0]!.id).join('\n')).toMatch(/LinnSequencer[\s\S]*Linzensoep/);
  });

  it('reads on every core, each OCR thread at a lower priority than the app (Linux: the nice value is per thread)', async () => {
    expect(ocrThreads()).toBe(Math.min(os.availableParallelism(), 4));
    /** The nice value of each thread of this process, from /proc. */
    const niceValues = () =>
      fs.readdirSync('/proc/self/task').map((tid) => {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const base = os.getPriority();
    expect(niceValues().filter((n) => n === base + OCR_NICENESS)).toEqual([]);
    const engine = new OcrEngine(2);
    closeAfterTest(() => engine.close());
    const page = fs.readFileSync(fixture('images/typewriter.png'));
    const [a, b] = await Promise.all([engine.recognize(page, ['eng']), engine.recognize(page, ['eng'])]);
    expect(a!.text).not.toBe('');
    expect(b!.text).toBe(a!.text);
    // Two Tesseract threads at the lower priority; the thread that runs the app's code is not lowered.
    expect(niceValues().filter((n) => n === base + OCR_NICENESS).length).toBeGreaterThanOrEqual(2);
    expect(os.getPriority()).toBe(base);
  });

  it('gives up a page in the middle of reading it when cancelled or closed, instead of waiting forever', async () => {
    const engine = new OcrEngine(1);
    closeAfterTest(() => engine.close());
    // A first page starts the worker, so the next ones are cut off while Tesseract is reading.
    expect((await engine.recognize(fs.readFileSync(fixture('images/typewriter.png')), ['eng'])).text).not.toBe('');
    const page = fs.readFileSync(fixture('images/linn.png'));
    const controller = new AbortController();
    const reading = engine.recognize(page, ['eng'], controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled by the person')), 100);
    await expect(reading).rejects.toThrow('cancelled by the person');
    // The engine starts a new worker for the next page; closing gives that one up too.
    const closing = engine.recognize(page, ['eng']);
    setTimeout(() => void engine.close(), 100);
    await expect(closing).rejects.toThrow(/Casebinder is closing/);
  });

  it('closes cleanly while a worker is still starting: the page ends with the reason and nothing is left reading', async () => {
    // Closing used to pull the language files from under a starting worker (ENOENT) and leave that
    // worker running, so the page never settled and the process could not exit.
    const page = fs.readFileSync(fixture('images/linn.png'));
    for (const delay of [0, 60, 250]) {
      const engine = new OcrEngine(1);
      const reading = engine.recognize(page, ['eng']);
      const closed = new Promise<void>((resolve, reject) => setTimeout(() => engine.close().then(resolve, reject), delay));
      await expect(reading).rejects.toThrow(/Casebinder is closing/);
      await closed;
    }
  }, 30_000);

  it('reads in the languages the person chose, and reads pages again when asked', async () => {
    const { library, ocr, run } = setup();
    await run(fixture('images/MWG.jpg'));
    expect(() => library.settings.setOcrLanguages(['eng', 'klingon'])).toThrow(/"klingon" is not a language Casebinder can read. Use one or more of: eng \(English\), spa/);
    expect(library.settings.setOcrLanguages(['eng', 'spa'])).toEqual(['eng', 'spa']);
    await ocr.start().result;
    const id = library.documents.list()[0]!.id;
    expect(library.documents.pageInfo(id)[0]).toMatchObject({ ocr: 'done', languages: 'eng+spa' });
    library.settings.setOcrLanguages(['deu']);
    expect(library.ocr.readAgain(id)).toBe(1);
    await ocr.start().result;
    expect(library.documents.pageInfo(id)[0]).toMatchObject({ ocr: 'done', languages: 'deu' });
  });

  it('marks a page it cannot read with the reason, and reads the others', async () => {
    const { library, ocr, run } = setup();
    const result = await run(fixture('images/MWG.jpg'), fixture('images/derived/phone_photo.heic'));
    const [broken, fine] = result.imported;
    // The original went missing from the vault (a disk error, a person deleting files by hand).
    const file = library.vault.pathFor(library.documents.get(broken!.id).sha256!);
    fs.chmodSync(path.dirname(file), 0o755);
    fs.rmSync(file, { force: true });
    const read = await ocr.start().result;
    expect(read).toMatchObject({ pagesRead: 1, pagesFailed: 1 });
    const page = library.documents.pageInfo(broken!.id)[0]!;
    expect(page.ocr).toBe('failed');
    expect(say(page.problem!)).toContain("the document's original is missing from the library's vault");
    // Kept as what was said, so the window says it in its language.
    expect(say(page.problem!, 'es')).toMatch(/^No se pudo leer esta página: falta el original del documento/);
    expect(say(page.problem!, 'ar')).toMatch(/^تعذّرت قراءة هذه الصفحة/);
    expect(library.documents.get(fine!.id).ocr).toMatchObject({ pending: 0, failed: 0 });
  });
});
