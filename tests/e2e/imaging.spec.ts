import fs from 'node:fs';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { expect, noViolations, ROOT, test } from './harness.ts';
import type { App } from './harness.ts';

const fixture = (...parts: string[]) => path.join(ROOT, 'tests', 'fixtures', ...parts);

/** The hospital CD as the computer shows it, with the viewer program and web page such discs carry. */
function hospitalCd(testInfo: TestInfo): string {
  const dir = testInfo.outputPath('HOSPITAL_CD');
  fs.cpSync(fixture('dicom/hospital_cd'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'AUTORUN.INF'), '[autorun]\r\nopen=VIEWER\\START.EXE\r\n');
  fs.mkdirSync(path.join(dir, 'VIEWER'));
  fs.writeFileSync(path.join(dir, 'VIEWER', 'START.EXE'), Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]));
  fs.writeFileSync(path.join(dir, 'INDEX.HTM'), '<html><body>Open the viewer</body></html>');
  return dir;
}

async function start(app: App, name = "Margaret O'Neill") {
  await app.open();
  await app.page.getByLabel('Full name').fill(name);
  await app.page.getByLabel(/Date of birth/).fill('1958-04-12');
  await app.page.getByRole('button', { name: 'Continue' }).click();
  await expect(app.page.getByRole('heading', { name: `No records yet for ${name}` })).toBeVisible();
}

async function importing(app: App, button: RegExp, ...paths: string[]) {
  app.dialogs.willChoose(...paths);
  await app.page.getByRole('button', { name: button }).first().click();
  await expect(app.page.getByRole('heading', { name: /Import finished for/ })).toBeVisible({ timeout: 60_000 });
  return app.page.getByRole('region', { name: /Import finished/ });
}


test('a radiology CD and a phone photo: studies with their series, the photo upright and its text read', async ({ app }, testInfo) => {
  const { page } = app;
  await start(app);

  // The CD folder: one record per study, the viewer skipped (never run), the disc index checked.
  const panel = await importing(app, /Import a folder of records/, hospitalCd(testInfo));
  await expect(panel).toContainText('3 documents imported');
  await expect(panel.getByRole('button', { name: 'Whole Body Bone' })).toBeVisible();
  await expect(panel).toContainText('Imaging study: 1 image file in 1 series');
  await expect(panel).toContainText('Casebinder never runs programs');
  await expect(panel).toContainText("The disc's index (DICOMDIR), read to check the disc: it lists 3 file(s), all found.");
  await expect(panel).toContainText(`not Margaret O'Neill`);
  await app.screenshot('cd-imported');
  await noViolations(app, 'the results of a CD import');
  await panel.getByRole('button', { name: 'Done' }).click();

  // Listed as studies, each with its series' key image as thumbnail.
  const rows = page.locator('.doc-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Whole Body Bone' })).toContainText('1 series, 1 image');
  await expect(rows.filter({ hasText: 'Whole Body Bone' }).locator('.doc-thumbnail img')).toHaveJSProperty('complete', true);
  await app.screenshot('library-with-studies');

  // A study: its facts, the warning that its files name someone else, its series with the key image.
  await rows.filter({ hasText: 'Whole Body Bone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Whole Body Bone' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'It names NM1 CompressedSamples' })).toBeVisible();
  const series = page.getByRole('list', { name: 'Series' }).getByRole('listitem');
  await expect(series).toHaveCount(1);
  await expect(series.getByRole('img')).toHaveJSProperty('naturalHeight', 512);
  await expect(page.locator('.study-facts')).toContainText('Nuclear medicine (NM)');
  await expect(page.locator('.study-facts')).toContainText('kept exactly as they came');
  await app.screenshot('study');
  await noViolations(app, 'a study');
  await page.getByRole('link', { name: '← Library' }).click();

  // A phone photo, taken sideways: listed at once, its text read in the background.
  const photo = await importing(app, /Import files/, fixture('images/derived/phone_photo_orientation6.jpg'));
  await expect(photo).toContainText('OCR will read it');
  await photo.getByRole('button', { name: 'Done' }).click();
  const row = rows.filter({ hasText: 'phone photo orientation6' });
  await expect(row).toBeVisible();
  await expect(page.getByText(/Reading scanned pages|not read yet/)).toBeVisible().catch(() => undefined);
  await expect(row.locator('.badge-pending')).toHaveCount(0, { timeout: 60_000 });

  // Its words are found like any other text.
  await page.getByLabel(/Search Margaret O'Neill’s records/).fill('Linzensoep');
  const hit = page.locator('.hit').filter({ hasText: 'phone photo orientation6' });
  await expect(hit).toContainText('Linzensoep');
  await app.screenshot('search-ocr-text');
  await hit.click();

  // Shown upright (its EXIF orientation applied: stored 1146 x 1600, seen 1600 x 1146), with how sure OCR was.
  const picture = page.locator('.image-frame img');
  await expect(picture).toHaveJSProperty('naturalWidth', 1600);
  await expect(picture).toHaveJSProperty('naturalHeight', 1146);
  await expect(page.locator('.page-text')).toContainText(/read by OCR \(\d+% confident\)/);
  await page.getByRole('button', { name: 'Show the text read' }).click();
  await expect(page.locator('.page-text-body')).toContainText('Linzensoep');
  await app.screenshot('photo-with-ocr-text');
  await noViolations(app, 'a photo with its OCR text');
  expect(app.errors).toEqual([]);
});

test('photos of a letter, page by page, made into one document: ordered, turned, titled', async ({ app }) => {
  const { page } = app;
  await start(app);
  const panel = await importing(app, /Choose files/, fixture('images/derived/phone_photo.heic'), fixture('images/derived/two_page_scan.tif'));
  await expect(panel).toContainText('2 documents imported');
  await panel.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: /Make one document from the photos/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Make one document from photos' });
  await dialog.getByRole('checkbox', { name: /two page scan/ }).check();
  await dialog.getByRole('checkbox', { name: /phone photo/ }).check();
  const pages = dialog.locator('.compose-pages > li');
  await expect(pages).toHaveCount(3);
  // The library changing meanwhile (OCR finishing in the background does) keeps the choices made.
  await app.backend.handlers['patients:add']({ name: 'Someone Else' });
  await page.waitForTimeout(300);
  await expect(pages).toHaveCount(3);
  // The HEIC page goes first, turned a quarter.
  await dialog.getByRole('button', { name: 'Move page 3 up' }).click();
  await dialog.getByRole('button', { name: 'Move page 2 up' }).click();
  await dialog.getByRole('button', { name: 'Turn page 1 a quarter clockwise' }).click();
  await dialog.getByRole('button', { name: 'Crop page 2' }).click();
  await dialog.getByLabel('Bottom').fill('20');
  await app.screenshot('compose-crop');
  await noViolations(app, 'cropping a page');
  await dialog.getByRole('button', { name: 'Use this part' }).click();
  await dialog.getByLabel('Title of the new document').fill('Brochure and recipe');
  await app.screenshot('compose');
  await noViolations(app, 'the dialog to make a document from photos');
  await dialog.getByRole('button', { name: 'Make the document (3 pages)' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Brochure and recipe' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Pages' }).getByRole('button')).toHaveCount(3);
  await expect(page.locator('.file-facts')).toContainText('Made from');
  // Its first page fills the width of the pane, and stays fitted when the window is made narrower.
  const fitted = async () =>
    page.evaluate(() => {
      const pane = document.querySelector('.viewer-scroller')!.clientWidth;
      const first = document.querySelector('.pdfViewer .page')!.getBoundingClientRect().width;
      // Fitted: wider than 90% of the pane, and not wider than the pane.
      return first > 0.9 * pane && first <= pane;
    });
  await expect.poll(fitted).toBe(true);
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(fitted).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot('composed-document');
  await page.getByRole('link', { name: '← Library' }).click();
  // Listed in place of its photos.
  await expect(page.locator('.doc-row')).toHaveCount(1);
  await expect(page.locator('.doc-row')).toContainText('From 2 photos');
  expect(app.errors).toEqual([]);
});

test('the OCR languages are the person\'s choice', async ({ app }) => {
  const { page } = app;
  await start(app);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('checkbox', { name: 'English' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Spanish (Español)' }).check();
  await dialog.getByRole('button', { name: 'Save languages' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved');
  await app.screenshot('settings');
  await noViolations(app, 'settings');
  expect(app.backend.library.settings.ocrLanguages()).toEqual(['eng', 'spa']);
});
