/**
 * The first-run journey the release workflow runs against every installed app (tests/release), here on
 * the built window with the real back end: what the installers are checked with is itself checked.
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstRunJourney } from '../release/journey.ts';
import { devToolsEndpoint, openOverDevTools, stop } from '../release/smoke.ts';
import { expect, test } from './harness.ts';

test("an installer's first-run journey: import a PDF, a photo and a CD, read them, make a packet", async ({ app }) => {
  test.setTimeout(6 * 60_000);
  await app.open();
  const steps = await firstRunJourney(app.page);
  expect(steps).toEqual([
    'the welcome screen opens on an empty library',
    expect.stringMatching(/^a PDF, a phone photo and a hospital CD \(\d+ stud(y|ies)\) dropped on the window import$/),
    "the PDF's text is read (worker thread, pdf.js)",
    expect.stringMatching(/^the CD's key image is drawn \(\d+ series, DICOM codecs\)$/),
    'the photo is read by OCR (tesseract, language data, sharp)',
    expect.stringMatching(/^a packet is made \(\d+ pages, \d+ KiB\)$/),
  ]);
  expect(app.errors).toEqual([]);
});

test('the smoke test reaches a Chromium-based program over DevTools, as it reaches the installed app', async ({ browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  const program = testInfo.project.use.launchOptions?.executablePath ?? chromium.executablePath();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-devtools-'));
  const { browser, child } = await openOverDevTools(program, ['--headless', '--no-sandbox', `--user-data-dir=${profile}`, 'data:text/html,<h1>Welcome</h1>'], process.env);
  try {
    const page = browser.contexts()[0]!.pages()[0]!;
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  } finally {
    await browser.close();
    await stop(child);
    // Chromium's helper processes can still be writing into the profile after the browser process
    // exits (a CI run failed on ENOTEMPTY here). Removing the temporary profile is tidying, not what this
    // test checks: it is retried, and a folder left in the temp folder does not fail the test.
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      testInfo.annotations.push({ type: 'cleanup', description: `temporary profile ${profile} left behind: ${(error as Error).message}` });
    }
  }
  expect(devToolsEndpoint('[1:2:INFO] noise\nDevTools listening on ws://127.0.0.1:40123/devtools/browser/ab-cd\n')).toBe('ws://127.0.0.1:40123/devtools/browser/ab-cd');
  expect(devToolsEndpoint('nothing yet')).toBeNull();
});
