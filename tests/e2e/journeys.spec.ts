import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { BLIND } from '../corpus/blind.ts';
import { FOLDERS } from '../corpus/folders.ts';
import { HOLDOUT } from '../corpus/holdout.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { expect, folderOf, noViolations, ROOT, test } from './harness.ts';
import type { App } from './harness.ts';

const fixture = (...parts: string[]) => path.join(ROOT, 'tests', 'fixtures', ...parts);

/** A patient's download folder: real reports, a photo, and the bad files people really have. */
async function recordsFolder(testInfo: TestInfo): Promise<{ dir: string; importable: number }> {
  const dir = folderOf(
    {
      'scan of letter.png': fixture('images/linn.png'),
      'locked results.pdf': fixture('pdf/pdfjs/issue6010_1.pdf'),
      'download.pdf': fixture('bad/truncated_rotation.pdf'),
      'empty.pdf': fixture('bad/empty.pdf'),
      'two pages.pdf': fixture('pdf/pdfjs/rotation.pdf'),
    },
    testInfo,
  );
  const reports = FOLDERS.filter((d) => d.folder === 'robert-chen');
  await writeCorpus(dir, reports);
  return { dir, importable: reports.length + 2 };
}


async function firstRun(app: App, name = 'Robert Chen', dob = '1966-09-30') {
  await app.open();
  await expect(app.page.getByRole('heading', { name: 'Welcome to Casebinder' })).toBeVisible();
  await app.page.getByLabel('Full name').fill(name);
  await app.page.getByLabel(/Date of birth/).fill(dob);
  await app.page.getByRole('button', { name: 'Continue' }).click();
  await expect(app.page.getByRole('heading', { name: `No records yet for ${name}` })).toBeVisible();
}

async function importFolder(app: App, dir: string) {
  app.dialogs.willChoose(dir);
  await app.page.getByRole('button', { name: 'Import a folder…' }).click();
  await expect(app.page.getByRole('heading', { name: /Import finished for/ })).toBeVisible({ timeout: 60_000 });
}

test('first run, import, thumbnails, search, open at the page, edit, reload: the whole journey', async ({ app }, testInfo) => {
  const { page } = app;
  const { dir, importable } = await recordsFolder(testInfo);

  // First run: a welcome that creates the first patient.
  await app.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Casebinder' })).toBeVisible();
  await app.screenshot('welcome');
  await noViolations(app, 'the welcome screen');
  await page.getByLabel('Full name').fill('Robert Chen');
  await page.getByLabel(/Date of birth/).fill('1966-09-30');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'No records yet for Robert Chen' })).toBeVisible();
  // Nothing to filter yet: no wall of filter checkboxes beside the welcome.
  await expect(page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox')).toHaveCount(0);
  await app.screenshot('empty-library');
  await noViolations(app, 'the empty library');

  // The empty library offers to import a folder, through the (scripted) native dialog; progress, then
  // every outcome with its reason.
  app.dialogs.willChoose(dir);
  await page.getByRole('button', { name: 'Import a folder of records…' }).click();
  await expect(page.getByRole('heading', { name: /Import finished for/ })).toBeVisible({ timeout: 60_000 });
  const panel = page.getByRole('region', { name: /Import finished/ });
  await expect(panel).toContainText(`${importable} documents imported`);
  await expect(panel).toContainText('password-protected');
  await expect(panel).toContainText('incomplete');
  await expect(panel).toContainText('empty (0 bytes)');
  await app.screenshot('import-finished');
  await noViolations(app, 'the import results');
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox').first()).toBeVisible();

  // Listed, newest care first, with thumbnails drawn from the first pages.
  const rows = page.locator('.doc-row');
  await expect(page.getByText(`${importable} documents, newest care first`)).toBeVisible();
  // Newest care first: the insurer's letter of 10 Feb 2025, then the consult of 4 Feb 2025.
  await expect(rows.nth(0).locator('.doc-date')).toHaveText(/10 Feb 2025/);
  await expect(rows.nth(1).locator('.doc-date')).toHaveText(/4 Feb 2025/);
  await expect(page.locator('.doc-row .doc-thumbnail img').first()).toBeVisible();
  await expect.poll(async () => page.locator('.doc-row .doc-thumbnail img').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
  const drawn = await page.locator('.doc-row .doc-thumbnail img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length);
  expect(drawn).toBeGreaterThanOrEqual(8);
  await app.screenshot('library');
  await noViolations(app, 'the library');

  // Search as you type: matched words highlighted, each result pointing to its page.
  await page.getByRole('searchbox', { name: /Search Robert Chen/ }).fill('gleason');
  const hit = page.locator('.hit').filter({ hasText: 'Surgical Pathology Report' });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/gleason/i);
  await app.screenshot('search');
  await noViolations(app, 'the search results');

  // Open at the matching page: the PDF renders, and the searched word is found in it.
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Surgical Pathology Report' }), app.errors.join('\n')).toBeVisible();
  await expect(page.locator('.pdfViewer .page canvas').first(), app.errors.join('\n')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Find in this document')).toHaveValue('gleason');
  await expect(page.locator('.find-count')).toHaveText(/\d+ of \d+/);
  await expect(page.getByLabel('Page number')).toHaveValue('1');
  await app.screenshot('document');
  await noViolations(app, 'the document view');

  // Suggestions are offered, not assumed; accept one, edit others, save.
  const details = page.getByRole('form', { name: 'Details' });
  await expect(details.getByText('Suggested from the document: Pacific Pathology Associates')).toBeVisible();
  await details.getByRole('button', { name: /Accept the suggested kind of document/ }).click();
  await expect(details.getByRole('combobox', { name: 'Kind of document', exact: true })).toHaveValue('pathology-report');
  await details.getByRole('textbox', { name: 'Facility', exact: true }).fill('Pacific Pathology Associates, Beverly Hills');
  await details.getByLabel(/Tags/).fill('biopsy, for second opinion');
  await details.getByLabel('Notes').fill('Ask whether the left mid core changes the grade group.');
  // The library changes meanwhile (background OCR, another edit): the document is fetched again, and
  // what the person is typing stays while the rest follows the library.
  const pathology = app.backend.library.documents.list().find((d) => d.title === 'Surgical Pathology Report')!;
  await app.backend.handlers['documents:edit'](pathology.id, { clinician: 'Helen Morales, MD' });
  await expect(details.getByRole('textbox', { name: 'Clinician', exact: true })).toHaveValue('Helen Morales, MD');
  await expect(details.getByRole('textbox', { name: 'Facility', exact: true })).toHaveValue('Pacific Pathology Associates, Beverly Hills');
  await expect(details.getByLabel(/Tags/)).toHaveValue('biopsy, for second opinion');
  await expect(details.getByLabel('Notes')).toHaveValue('Ask whether the left mid core changes the grade group.');
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(details.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // Reload: everything is still there, read back from the library.
  await page.reload();
  const after = page.getByRole('form', { name: 'Details' });
  await expect(after.getByRole('combobox', { name: 'Kind of document', exact: true })).toHaveValue('pathology-report');
  await expect(after.getByRole('textbox', { name: 'Facility', exact: true })).toHaveValue('Pacific Pathology Associates, Beverly Hills');
  await expect(after.getByLabel(/Tags/)).toHaveValue('biopsy, for second opinion');
  await expect(after.getByLabel('Notes')).toHaveValue('Ask whether the left mid core changes the grade group.');
  await expect(after.getByText('Suggested from the document: Pacific Pathology Associates')).toHaveCount(0);
  await app.screenshot('document-after-reload');
  const saved = app.backend.library.documents.list().find((d) => d.title === 'Surgical Pathology Report')!;
  expect(saved).toMatchObject({ type: 'pathology-report', facility: 'Pacific Pathology Associates, Beverly Hills', tags: ['biopsy', 'for second opinion'] });

  // Back to the library with the keyboard.
  await page.keyboard.press('Escape');
  await expect(page.getByText(`${importable} documents, newest care first`)).toBeVisible();

  // The page stayed the app's own: no request left it, no window opened, no navigation happened.
  // about:blank, blob: and data: never touch the network; everything else must be the app's own files.
  const foreign = app.requests.filter((url) => !url.startsWith(app.origin) && !/^(blob|data|about):/.test(url));
  expect(foreign).toEqual([]);
  expect(app.popups).toEqual([]);
  expect(new URL(page.url()).origin).toBe(app.origin);
});

test('a photo opens fitted to the window, and a two-page PDF has page thumbnails', async ({ app }, testInfo) => {
  const { page } = app;
  const { dir } = await recordsFolder(testInfo);
  await firstRun(app);
  await importFolder(app, dir);
  await page.getByRole('button', { name: 'Done' }).click();

  await page.locator('.doc-row').filter({ hasText: 'scan of letter' }).click();
  const image = page.getByRole('img', { name: 'scan of letter' });
  await expect(image).toBeVisible();
  const fitted = await image.evaluate((img) => {
    const frame = img.parentElement!.getBoundingClientRect();
    const box = img.getBoundingClientRect();
    return box.width <= frame.width + 1 && box.height <= frame.height + 1 && (img as HTMLImageElement).naturalWidth > box.width;
  });
  expect(fitted).toBe(true);
  await app.screenshot('image');
  await noViolations(app, 'the image view');

  await page.getByRole('link', { name: '← Library' }).click();
  await page.locator('.doc-row').filter({ hasText: 'two pages' }).click();
  await expect(page.getByRole('list', { name: 'Pages' }).getByRole('button')).toHaveCount(2);
  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page.getByLabel('Page number')).toHaveValue('2');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByLabel('Find in this document').fill('landscape');
  await expect(page.locator('.find-count')).toHaveText('1 of 1');
  await app.screenshot('pdf-page-2');
});

test('import by dropping a folder on the window', async ({ app }, testInfo) => {
  const { page } = app;
  const { dir, importable } = await recordsFolder(testInfo);
  await firstRun(app);
  // Dropping a folder: the harness's pathForFile stands in for Electron's webUtils.
  await page.evaluate((folder) => ((window as unknown as { __dropPaths: Record<string, string> }).__dropPaths = { records: folder }), dir);
  const drag = (type: string) =>
    page.evaluate((eventType) => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'records'));
      window.dispatchEvent(new DragEvent(eventType, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, type);
  await drag('dragenter');
  await drag('dragover');
  await expect(page.getByText(/Drop to import for/)).toBeVisible();
  await app.screenshot('drop');
  await drag('drop');
  await expect(page.getByRole('heading', { name: 'Import finished for Robert Chen' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: /Import finished/ })).toContainText(`${importable} documents imported`);
  expect(app.backend.library.documents.count()).toBe(importable);
});

test('a long import shows its progress and can be cancelled; importing again finishes it without doubling', async ({ app }, testInfo) => {
  const { page } = app;
  const dir = testInfo.outputPath('many');
  const all = [...FOLDERS, ...HOLDOUT, ...BLIND];
  await writeCorpus(dir, all);
  await firstRun(app);

  app.dialogs.willChoose(dir);
  await page.getByRole('button', { name: 'Import a folder…' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await app.screenshot('import-running');
  await page.getByRole('button', { name: 'Cancel import' }).click();
  const panel = page.getByRole('region', { name: /Import/ });
  await expect(panel.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 60_000 });
  await expect(panel).toContainText('not reached before you cancelled');
  await app.screenshot('import-cancelled');
  const kept = app.backend.library.documents.count();
  expect(kept).toBeLessThan(all.length);
  expect((await app.backend.library.check()).ok).toBe(true);

  app.dialogs.willChoose(dir);
  await panel.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Import a folder…' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished for Robert Chen' })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('region', { name: /Import finished/ })).toContainText(`${all.length - kept} documents imported, ${kept} already in the library`);
  expect(app.backend.library.documents.count()).toBe(all.length);
});

test('an advocate switches between patients, and filters narrow the list', async ({ app }, testInfo) => {
  const { page } = app;
  const { dir } = await recordsFolder(testInfo);
  await firstRun(app);
  await importFolder(app, dir);
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('group', { name: 'Kind of document' }).getByLabel('Lab report').check();
  await expect(page.getByText('3 documents match the filters, newest care first')).toBeVisible();
  await page.getByRole('group', { name: 'Date of service' }).getByLabel('From').fill('2025-01-01');
  await expect(page.getByText('1 document matches the filters, newest care first')).toBeVisible();
  await app.screenshot('filters');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('combobox', { name: 'Patient' }).click();
  await page.getByRole('option', { name: 'Add a patient…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a patient' });
  await dialog.getByLabel('Full name').fill('Dolores Ramírez');
  await dialog.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByRole('heading', { name: 'No records yet for Dolores Ramírez' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Patient' }).fill('chen');
  await page.getByRole('option', { name: 'Robert Chen (born 30 Sep 1966)' }).click();
  await expect(page.getByText(/documents, newest care first/)).toBeVisible();
});

test('the list works from the keyboard, in dark mode, and reads well at 200% zoom', async ({ app }, testInfo) => {
  const { page } = app;
  const { dir } = await recordsFolder(testInfo);
  await firstRun(app);
  await importFolder(app, dir);
  await page.getByRole('button', { name: 'Done' }).click();

  // Keyboard: Tab reaches the list; arrows move through it; Enter opens.
  await page.locator('.doc-row').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // Focus moves on the next frame, after the list scrolled the row into view.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).toBe('2');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Details' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Dark theme follows the system.
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(21, 25, 28)');
  await app.screenshot('library-dark');
  await noViolations(app, 'the library in dark mode');

  // 200% zoom: half the CSS pixels. Nothing may run off the side of the window.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 640, height: 400 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await app.screenshot('library-200-percent');
  await page.locator('.doc-row').first().click();
  await expect(page.getByRole('form', { name: 'Details' })).toBeAttached();
  await expect(page.locator('.pdfViewer .page canvas').first()).toBeVisible({ timeout: 20_000 });
  const docOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(docOverflow).toBeLessThanOrEqual(0);
  await app.screenshot('document-200-percent');
});

test('the window cache is disposable: unsaved notes survive a reload, and clearing it loses nothing saved', async ({ app }, testInfo) => {
  const { page } = app;
  const { dir } = await recordsFolder(testInfo);
  await firstRun(app);
  await importFolder(app, dir);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('.doc-row').first().click();
  const details = page.getByRole('form', { name: 'Details' });
  await details.getByLabel('Notes').fill('Saved note.');
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(details.getByText('Saved.')).toBeVisible();
  await details.getByLabel('Notes').fill('Saved note. And a thought still being typed');
  await page.waitForTimeout(600); // the draft is written 400 ms after the last keystroke
  await page.reload();
  await expect(page.getByRole('form', { name: 'Details' }).getByLabel('Notes')).toHaveValue('Saved note. And a thought still being typed');
  await expect(page.getByText('Notes you had typed but not saved were restored.')).toBeVisible();

  // Clear the window's cache entirely: the saved note is still the library's.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('casebinder-cache');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await expect(page.getByRole('form', { name: 'Details' }).getByLabel('Notes')).toHaveValue('Saved note.');
  await expect(page.locator('.pdfViewer .page canvas, .image-frame img').first()).toBeVisible({ timeout: 20_000 });
});

test('light or dark by choice, beside following the system, kept across a reload', async ({ app }) => {
  const { page } = app;
  await firstRun(app);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('radio', { name: /Follow the system \(now light\)/ })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  // Dark at once, while the system stays light.
  expect(await background()).not.toBe(light);
  await app.screenshot('settings-dark-chosen');
  await noViolations(app, 'the settings in a chosen dark theme');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No records yet for Robert Chen' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const dark = await background();
  expect(dark).not.toBe(light);
  // Light chosen on a dark system; then following the system again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await dialog.getByRole('radio', { name: 'Light' }).check();
  expect(await background()).toBe(light);
  await dialog.getByRole('radio', { name: /Follow the system \(now dark\)/ }).check();
  expect(await background()).toBe(dark);
});
