import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { darkAndNarrow, expect, noViolations, test } from './harness.ts';
import type { App } from './harness.ts';
import { fixture } from '../helpers/paths.ts';


/** A case as a person would have it by now: letters, a phone photo, an iPhone photo (HEIC), the radiology CD, a specialist. */
async function caseInLibrary(app: App) {
  const { library, jobs } = app.backend;
  const patient = library.patients.add({ name: 'Zoë Παπαδοπούλου-Yamada', dateOfBirth: '1961-03-12' });
  const files = ['pdf/ocrmypdf/multipage.pdf', 'pdf/pdfjs/rotation.pdf', 'images/MWG.jpg', 'images/derived/phone_photo.heic', 'dicom/hospital_cd'].map((f) => fixture(f));
  const imported = await jobs.result(jobs.startImport({ paths: files, patientId: patient.id }));
  expect(imported.refused).toEqual([]);
  const docs = library.documents.list({ patientId: patient.id });
  const c = library.cases.create(patient.id, { title: 'Lumbar fusion L4–L5', specialty: 'spine-orthopedic', condition: 'Spondylolisthesis' }, new Date());
  library.cases.addDocuments(c.id, docs.map((d) => d.id));
  library.cases.addRecommendation(c.id, { clinician: 'Dr. Amelia Hale', facility: 'Summit Spine', procedure: 'Posterior lumbar fusion at L4–L5', date: '2026-09-14', urgency: 'Within 6 weeks', documentIds: [] });
  library.cases.addQuestion(c.id, 'Is fusion necessary, or would decompression alone help?');
  library.cases.addSpecialist(c.id, { name: 'Dr. Rafael Ortiz', institution: 'University Spine Center', accepts: 'portal', sizeLimitMb: 25 });
  const photo = docs.find((d) => d.mediaType === 'image/jpeg')!;
  return { caseId: c.id, docs, photoName: new RegExp(photo.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) };
}

test('a case sent to a specialist: open gaps, choices, the packet previewed, written with a password after a cancelled try, shown in its folder', async ({ app }, testInfo) => {
  const { page } = app;
  const { caseId, docs, photoName } = await caseInLibrary(app);
  await app.open();
  await page.goto(`${app.origin}/index.html#/case/${caseId}`);
  // The photos and two PDFs carry no date: the timeline says it leaves them out, and how to place them.
  const undated = docs.filter((d) => !(d.dateOfService ?? d.suggested.dateOfService)).length;
  expect(undated).toBeGreaterThan(1);
  const timeline = page.locator('section[aria-labelledby="timeline-title"]');
  await expect(timeline.locator('.timeline-undated')).toHaveText(`${undated} documents have no date of service, so they are not in the timeline. Give them a date in the library to place them here.`);
  await timeline.scrollIntoViewIfNeeded();
  await app.screenshot('case-timeline-undated');
  await page.getByRole('link', { name: 'Prepare the bundle…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prepare the bundle' })).toBeVisible();

  // For the case's specialist, with their size limit; the checklist's open gaps before sending.
  await expect(page.getByLabel('Specialist')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Specialist').locator('option:checked')).toHaveText('Dr. Rafael Ortiz, University Spine Center');
  await expect(page.getByText(/Takes records as an upload to their portal; up to 25 MB/)).toBeVisible();
  const gaps = page.locator('.export-gaps');
  await expect(gaps.locator('.check-missing').first()).toBeVisible();
  await expect(gaps).toContainText(/medication/i);
  const documents = page.getByRole('group', { name: 'Documents to send' });
  await expect(documents.getByRole('checkbox')).toHaveCount(docs.length);
  await expect(page.getByLabel('Largest part, in megabytes')).toHaveValue('25');
  await app.screenshot('export-choices');
  await noViolations(app, 'the export screen');

  // Documents with no date or kind yet are named, with a way to each, as they would be listed "Undated · Other".
  const unsorted = page.getByRole('region', { name: 'Undated or unsorted' });
  await expect(unsorted.getByRole('link', { name: 'rotation' })).toHaveAttribute('href', /^#\/document\/\d+$/);
  await expect(unsorted.getByRole('link', { name: photoName })).toBeVisible();
  await unsorted.scrollIntoViewIfNeeded();
  await app.screenshot('export-unsorted');

  // The phone photo stays out; the packet is looked through before anything is written.
  await documents.getByRole('checkbox', { name: photoName }).uncheck();
  await expect(unsorted.getByRole('link', { name: photoName })).toHaveCount(0);
  await expect(page.getByText(`${docs.length - 1} documents of ${docs.length}`)).toBeVisible();
  await page.getByRole('button', { name: 'Preview the packet' }).first().click();
  const note = page.locator('.export-preview-note');
  await expect(note).toContainText(/The packet as it will be written: \d+ pages\./, { timeout: 30_000 });
  const previewPages = Number(/(\d+) pages/.exec((await note.textContent())!)![1]);
  const preview = page.getByRole('region', { name: 'Packet preview' });
  await expect(preview.getByLabel('Page number')).toHaveValue('1');
  await expect(preview.locator('.viewer-toolbar')).toContainText(`of ${previewPages}`);
  // The cover, drawn by pdf.js from the packet's own text.
  await expect(preview.locator('.textLayer').first()).toContainText('Παπαδοπούλου', { timeout: 20_000 });
  await expect(preview.locator('.textLayer').first()).toContainText('Dr. Rafael Ortiz');
  await app.screenshot('export-preview');
  await noViolations(app, 'the export screen with its preview');

  // Reports only: the preview says it is out of date until made again.
  await page.getByLabel(/Reports only/).check();
  await expect(note).toContainText('The choices changed since this preview.');
  await note.getByRole('button', { name: 'Preview again' }).click();
  await expect(note).toContainText(/The packet as it will be written/, { timeout: 30_000 });

  // A password: the two boxes must agree.
  await page.getByLabel(/Protect with a password/).check();
  await expect(page.getByText(/7-Zip/).first()).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('river stone 42');
  await page.getByLabel('The same again').fill('river stone 24');
  await page.getByRole('button', { name: 'Write the bundle' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The two passwords are not the same' })).toBeVisible();
  await page.getByLabel('The same again').fill('river stone 42');

  // No folder chosen yet: the dialog asks; cancelling it writes nothing.
  await page.getByRole('button', { name: 'Write the bundle' }).click();
  await expect(page.getByText('You will choose a folder when you write the bundle.')).toBeVisible();
  const out = testInfo.outputPath('bundles');
  fs.mkdirSync(out);

  // Written, then cancelled while the packet is being made (held at the HEIC page so the cancel lands mid-way).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const pool = app.backend.pool;
  const composePage = pool.composePage.bind(pool);
  pool.composePage = async (request) => {
    await held;
    return composePage(request);
  };
  app.dialogs.willChoose(out);
  await page.getByRole('button', { name: 'Write the bundle' }).click();
  const writing = page.getByRole('status', { name: 'Writing the bundle' });
  await expect(writing).toContainText('Making the packet');
  await expect(page.getByText(`Written into ${out}`)).toBeVisible();
  await app.screenshot('export-writing');
  // Leaving the screen does not lose the run: back on it, its progress and Cancel are there again.
  await page.getByRole('link', { name: '← Lumbar fusion L4–L5' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lumbar fusion L4–L5' })).toBeVisible();
  await page.getByRole('link', { name: 'Prepare the bundle…' }).click();
  await expect(writing).toContainText('Making the packet');
  await writing.getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(page.getByRole('heading', { name: 'Cancelled' })).toBeVisible();
  await expect(page.getByText('The export was cancelled; nothing was written.')).toBeVisible();
  expect(fs.readdirSync(out)).toEqual([]);
  pool.composePage = composePage;

  // The choices came back with the screen (remembered when the export started); the password never does.
  await expect(page.getByLabel(/Reports only/)).toBeChecked();
  await expect(page.getByLabel(/Protect with a password/)).not.toBeChecked();
  await page.getByLabel(/Protect with a password/).check();
  await page.getByLabel('Password', { exact: true }).fill('river stone 42');
  await page.getByLabel('The same again').fill('river stone 42');

  // Written for real; shown in the file manager.
  await page.getByRole('button', { name: 'Write the bundle' }).click();
  await expect(page.getByRole('heading', { name: '✓ The bundle is written' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: '✓ The bundle is written' })).toBeFocused();
  await app.screenshot('export-written');
  await noViolations(app, 'the export screen after writing');
  // Written is not sent: the person says when it is.
  await page.getByRole('button', { name: 'mark the case as sent' }).click();
  await expect(page.getByText('✓ The case is marked as sent.')).toBeVisible();
  expect(app.backend.library.cases.get(caseId).status).toBe('sent');
  await page.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => app.shown).toHaveLength(1);
  const packet = app.shown[0]!.replace(/^show /, '');
  expect(path.dirname(path.dirname(packet))).toBe(out);
  const bundle = path.dirname(packet);
  await expect(page.locator('.export-outcome code')).toHaveText(bundle);
  // What was chosen is what was written: the photo out, no DICOM files, the packet locked and as previewed.
  expect(fs.readdirSync(path.join(bundle, 'Originals')).some((n) => n.endsWith('.jpg'))).toBe(false);
  expect(fs.existsSync(path.join(bundle, 'DICOM'))).toBe(false);
  expect(spawnSync('qpdf', ['--requires-password', packet]).status).toBe(0);
  const info = execFileSync('pdfinfo', ['-upw', 'river stone 42', packet]).toString();
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(0);
  const zips = fs.readdirSync(out).filter((n) => n.endsWith('.zip'));
  expect(zips).toHaveLength(1);
  await expect(page.locator('.export-outcome')).toContainText(zips[0]!);

  // The choices are remembered for the specialist (never the password).
  await page.getByRole('link', { name: '← Lumbar fusion L4–L5' }).click();
  await page.getByRole('link', { name: 'Prepare the bundle…' }).click();
  await expect(page.getByLabel(/Reports only/)).toBeChecked();
  await expect(page.getByRole('group', { name: 'Documents to send' }).getByRole('checkbox', { name: photoName })).not.toBeChecked();
  await expect(page.getByLabel(/Protect with a password/)).not.toBeChecked();
  await expect(page.getByText(`Written into ${out}`)).toBeVisible();

  // A folder that cannot take the bundle: what happened and what to do, and nothing else touched.
  const blocked = testInfo.outputPath('not-a-folder');
  fs.writeFileSync(blocked, 'a file');
  app.dialogs.willChoose(path.join(blocked, 'bundles'));
  await page.getByRole('button', { name: 'Change…' }).click();
  await page.getByRole('button', { name: 'Write the bundle' }).click();
  const outcome = page.getByRole('region', { name: 'The bundle was not written' });
  await expect(outcome.getByRole('alert')).toContainText(/is not a folder Casebinder can write into \(a file is in the way\)\. Choose another folder/);
  expect(fs.readFileSync(blocked, 'utf8')).toBe('a file');
  await app.screenshot('export-failed');
  await outcome.getByRole('button', { name: 'Close' }).click();
  await expect(outcome).toBeHidden();

  // Dark, and narrow (200% zoom): one column, nothing off the side.
  await darkAndNarrow(app, 'export', 'the export screen');
  expect(app.errors).toEqual([]);
});
