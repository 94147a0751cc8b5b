import { execFileSync } from 'node:child_process';
import { expect, test } from './harness.ts';
import { fixture } from '../helpers/paths.ts';

/** Where poppler (pdftotext -bbox) says a word is on a page, in points from the page's top-left. */
function wordBox(file: string, page: number, word: string): { x: number; y: number; w: number; h: number; pageWidth: number } {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']).toString();
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(xml)![1]);
  const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`).exec(xml)!;
  const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number];
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0, pageWidth };
}

test('find in a document marks the very words it found, where the page draws them', async ({ app }) => {
  const { page, backend } = app;
  const file = fixture('pdf/pdfjs/rotation.pdf');
  const patient = backend.library.patients.add({ name: 'Ann Test' });
  await backend.importer.start({ paths: [file], patientId: patient.id }).result;
  await app.open();
  await page.locator('.doc-row').first().click();
  const canvas = page.locator('.pdfViewer .page canvas').first();
  await expect(canvas).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Find in this document').fill('normal');
  await expect(page.locator('.find-count')).toHaveText('1 of 1');
  const mark = (await page.locator('.textLayer .highlight.selected').boundingBox())!;
  const drawn = (await canvas.boundingBox())!;
  const word = wordBox(file, 1, 'normal');
  const scale = drawn.width / word.pageWidth;
  const expected = { x: drawn.x + word.x * scale, y: drawn.y + word.y * scale, w: word.w * scale, h: word.h * scale };
  // The mark covers the word poppler finds on the page, within a pixel or two (it had drifted by the
  // page's 9 px border: a letter to the right).
  expect(Math.abs(mark.x + mark.width / 2 - (expected.x + expected.w / 2))).toBeLessThan(2.5);
  expect(Math.abs(mark.y + mark.height / 2 - (expected.y + expected.h / 2))).toBeLessThan(3);
  expect(Math.abs(mark.width - expected.w)).toBeLessThan(4);
  await app.screenshot('find-marks-the-word');
});
