/**
 * What an installed Casebinder must do on its first run, through its own window: the welcome screen,
 * then a patient, an import of a PDF, a phone photo and a hospital CD, the PDF's text read in a worker
 * thread, the photo read by OCR, the CD's key image drawn, and a packet made. Each step leans on
 * something packaging can break (native modules unpacked from the ASAR, WebAssembly codecs, OCR language
 * data, pdf.js fonts, worker scripts).
 *
 * The release workflow runs it against each installed app (tests/release/smoke.ts); the end-to-end
 * suite runs the same journey here on the built window with the real back end
 * (tests/e2e/release-journey.spec.ts), so the journey itself is known to be right before a release
 * depends on it.
 */
import type { Page } from '@playwright/test';
import path from 'node:path';
import type { Channel, ChannelResults } from '../../shared/ipc-contract.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

/** The files imported, with what must be read from each. Attributions: tests/fixtures/README.md. */
export const JOURNEY_FILES = {
  pdf: { path: path.join(FIXTURES, 'pdf', 'pdfjs', 'rotation.pdf'), text: 'This is my first page with normal layout.' },
  photo: { path: path.join(FIXTURES, 'images', 'derived', 'phone_photo_orientation6.jpg'), text: /linzen/i },
  disc: { path: path.join(FIXTURES, 'dicom', 'hospital_cd') },
} as const;

const MINUTE = 60_000;

async function call<C extends Channel>(page: Page, channel: C, ...args: unknown[]): Promise<ChannelResults[C]> {
  const result = await page.evaluate(([c, a]) => window.casebinder.invoke(c, a), [channel, args] as const);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as ChannelResults[C];
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function check(condition: boolean, failure: string): void {
  if (!condition) throw new Error(failure);
}

/**
 * Drops files on the window through the DevTools protocol, as the system does when a person drags them
 * in: the page gets real files, whose paths only Electron knows (the test harness is told them by name).
 */
async function dropOnWindow(page: Page, paths: string[]): Promise<void> {
  await page.evaluate((byName) => ((window as unknown as { __dropPaths: Record<string, string> }).__dropPaths = byName), Object.fromEntries(paths.map((p) => [path.basename(p), p])));
  const { width, height } = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const cdp = await page.context().newCDPSession(page);
  try {
    const data = { items: [], files: paths, dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: width / 2, y: height / 2, data });
  } finally {
    await cdp.detach();
  }
}

/** Runs the journey on a window showing a new, empty library; returns one line per step that held. */
export async function firstRunJourney(page: Page, log: (line: string) => void = () => {}): Promise<string[]> {
  const done: string[] = [];
  const step = (line: string) => {
    done.push(line);
    log(`ok: ${line}`);
  };

  await page.getByRole('heading', { name: 'Welcome to Casebinder' }).waitFor({ timeout: MINUTE });
  step('the welcome screen opens on an empty library');

  const patient = await call(page, 'patients:add', { name: 'Release Check' });
  // The window opens on the patient, as it does after the welcome screen.
  await page.reload();
  await page.getByRole('heading', { name: /Release Check/ }).first().waitFor({ timeout: MINUTE });
  const files = JOURNEY_FILES;
  // Dropped on the window, as a person does (the window imports only what the person chose or dropped).
  await dropOnWindow(page, [files.pdf.path, files.photo.path, files.disc.path]);
  const finished = page.getByRole('region', { name: /Import finished/ });
  await finished.waitFor({ timeout: 5 * MINUTE });
  const summary = (await finished.textContent()) ?? '';
  check(!/refused|could not/i.test(summary), `the import says: ${summary}`);
  const documents = await call(page, 'documents:list', { patientId: patient.id });
  const studies = documents.filter((d) => d.kind === 'study').length;
  check(documents.length >= 3 && studies >= 1, `the library holds ${documents.length} documents: a PDF, a photo and at least one study were expected`);
  step(`a PDF, a phone photo and a hospital CD (${studies} ${studies === 1 ? 'study' : 'studies'}) dropped on the window import`);

  const pdf = documents.find((d) => d.mediaType === 'application/pdf');
  const photo = documents.find((d) => d.mediaType === 'image/jpeg');
  const study = documents.find((d) => d.kind === 'study');
  check(Boolean(pdf && photo && study), `the library lists ${documents.map((d) => `${d.kind} ${d.mediaType}`).join(', ')}`);

  const pdfText = await call(page, 'documents:page-text', pdf!.id, 1);
  check(pdfText.includes(files.pdf.text), `the PDF's first page reads "${pdfText.slice(0, 80)}"`);
  step("the PDF's text is read (worker thread, pdf.js)");

  const details = await call(page, 'studies:get', study!.id);
  const series = details.series[0];
  check(Boolean(series), 'the study has no series');
  const thumbnail = await call(page, 'series:thumbnail', series!.id);
  check(thumbnail.byteLength > 500, `the key image is ${thumbnail.byteLength} bytes`);
  step(`the CD's key image is drawn (${details.series.length} series, DICOM codecs)`);

  await call(page, 'ocr:start');
  const photoText = await until(
    'OCR of the photo',
    async () => {
      const [page1] = await call(page, 'documents:pages', photo!.id);
      if (page1?.ocr === 'failed') throw new Error(`OCR failed: ${page1.problem}`);
      return page1?.ocr === 'done' ? call(page, 'documents:page-text', photo!.id, 1) : undefined;
    },
    5 * MINUTE,
  );
  check(files.photo.text.test(photoText), `OCR read "${photoText.slice(0, 80)}"`);
  step('the photo is read by OCR (tesseract, language data, sharp)');

  const created = await call(page, 'cases:create', patient.id, { title: 'Release check', specialty: 'other', condition: null });
  await call(page, 'cases:add-documents', created.id, [pdf!.id, photo!.id, study!.id]);
  const preview = await call(page, 'export:preview', { caseId: created.id, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: false } });
  const packet = await call(page, 'export:preview-info', preview.jobId);
  check(packet.pages >= 4, `the packet has ${packet.pages} pages`);
  await call(page, 'export:preview-discard', preview.jobId);
  step(`a packet is made (${packet.pages} pages, ${Math.round(packet.size / 1024)} KiB)`);
  return done;
}
