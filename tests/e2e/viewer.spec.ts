/**
 * The scan viewer as a person uses it, on a real CD tree nobody here wrote (pydicom's dicomdirtests,
 * pcir.org studies downsized to 16x16): open a CT series from its study page, scroll to the last
 * slice, change the window, invert, measure a length and an angle, rotate, play it, switch series, come
 * back to it; every change checked on the pixels shown.
 */
import path from 'node:path';
import sharp from 'sharp';
import type { Locator } from '@playwright/test';
import { expect, noViolations, ROOT, test } from './harness.ts';
import type { App } from './harness.ts';

const fixture = (...parts: string[]) => path.join(ROOT, 'tests', 'fixtures', ...parts);

async function start(app: App) {
  await app.open();
  await app.page.getByLabel('Full name').fill('Peter Doe');
  await app.page.getByLabel(/Date of birth/).fill('1950-01-01');
  await app.page.getByRole('button', { name: 'Continue' }).click();
  await expect(app.page.getByRole('heading', { name: /No records yet/ })).toBeVisible();
  app.dialogs.willChoose(fixture('dicom/pydicom_dicomdirtests'));
  await app.page.getByRole('button', { name: /Import a folder of records/ }).first().click();
  await expect(app.page.getByRole('heading', { name: /Import finished for/ })).toBeVisible({ timeout: 60_000 });
  await app.page.getByRole('region', { name: /Import finished/ }).getByRole('button', { name: 'Done' }).click();
}

/**
 * What the image shows, from a screenshot of its middle (the centre fifth of the stage, inside the
 * picture whatever its margins): mean brightness and contrast (standard deviation, 0-255) and the pixels.
 */
async function shot(target: Locator): Promise<{ mean: number; contrast: number; pixels: Buffer }> {
  const box = (await target.boundingBox())!;
  const clip = { x: box.x + box.width * 0.4, y: box.y + box.height * 0.4, width: box.width * 0.2, height: box.height * 0.2 };
  const png = await target.page().screenshot({ clip, animations: 'disabled' });
  const image = sharp(png).removeAlpha().greyscale();
  const [{ channels }, pixels] = await Promise.all([image.clone().stats(), image.raw().toBuffer()]);
  return { mean: channels[0]!.mean, contrast: channels[0]!.stdev, pixels };
}

/** How many pixels differ by more than a little between two screenshots of the same element. */
function changed(a: Buffer, b: Buffer): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (Math.abs(a[i]! - b[i]!) > 8) n++;
  return n / a.length;
}

test('the viewer: open a CT series from a CD, scroll to its last slice, change the window, measure, rotate, play, switch series, open it again', async ({ app }) => {
  const { page } = app;
  await start(app);

  // The study page: each series' middle image at a useful size, a link into the viewer.
  await page.locator('.doc-row').filter({ hasText: /CT/ }).filter({ hasText: '7 images' }).click();
  const cards = page.getByRole('list', { name: 'Series' }).getByRole('listitem');
  const ct = cards.filter({ hasText: '5 images' });
  const key = ct.getByRole('img');
  await expect(key).toHaveJSProperty('naturalWidth', 256);
  expect((await key.boundingBox())!.width).toBeGreaterThanOrEqual(256);
  // Whether it is what a radiologist reads, check by check.
  const ready = page.getByRole('region', { name: 'Ready for a radiologist?' });
  await expect(ready.getByRole('listitem')).not.toHaveCount(0);
  await expect(ready).toContainText('disc index (DICOMDIR)');
  await app.screenshot('study-key-images');
  await key.click();

  const stage = page.locator('.scan-stage');
  const canvas = page.getByRole('img', { name: /CT scan image \d+ of 5/ });
  await expect(canvas).toHaveAccessibleName(/image 3 of 5/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /SmartScore.*5 images/ })).toHaveAttribute('aria-current', 'true');
  await expect(stage).toContainText('Peter Doe');
  await expect(stage).toContainText('Image 3 / 5');
  await app.screenshot('viewer-opened');
  await noViolations(app, 'the scan viewer');

  // Scroll: the keys, the wheel and the slider; the picture changes with the slice.
  const middle = await shot(stage);
  await canvas.focus();
  await page.keyboard.press('End');
  await expect(canvas).toHaveAccessibleName(/image 5 of 5/);
  await expect(page.getByRole('slider', { name: 'Image' })).toHaveValue('5');
  const last = await shot(stage);
  expect(changed(middle.pixels, last.pixels), 'the last slice looks different from the middle one').toBeGreaterThan(0.02);
  await page.keyboard.press('Home');
  await expect(canvas).toHaveAccessibleName(/image 1 of 5/);
  await canvas.hover();
  await page.mouse.wheel(0, 120);
  await expect(canvas).toHaveAccessibleName(/image 2 of 5/);
  await page.keyboard.press('PageDown');
  await expect(canvas).toHaveAccessibleName(/image 3 of 5/);
  await page.getByRole('slider', { name: 'Image' }).fill('5');
  await expect(canvas).toHaveAccessibleName(/image 5 of 5/);

  // The window: a preset, then dragging; the overlay says the values and the pixels follow.
  const before = await shot(stage);
  await page.getByLabel('Window preset').selectOption('bone');
  await expect(stage).toContainText('W 1800 L 400');
  const bone = await shot(stage);
  // 1800 units wide instead of about 400: the same tissue in far fewer shades of grey.
  expect(bone.contrast, 'a bone window flattens soft tissue').toBeLessThan(before.contrast * 0.6);
  // Back to the file's own window, then drag downwards: the level rises, the picture darkens.
  await page.getByLabel('Window preset').selectOption('');
  await expect(stage).toContainText('W 399 L 40');
  const file = await shot(stage);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 40, { steps: 10 });
  await page.mouse.up();
  await expect(stage).not.toContainText('W 399 L 40');
  const dragged = await shot(stage);
  expect(dragged.mean, 'dragging down raises the level: darker').toBeLessThan(file.mean - 10);
  await page.getByRole('button', { name: 'Invert' }).click();
  await expect(page.getByRole('button', { name: 'Invert' })).toHaveAttribute('aria-pressed', 'true');
  const inverted = await shot(stage);
  expect(Math.abs(inverted.mean - (255 - dragged.mean)), 'inverted: dark becomes light').toBeLessThan(12);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: 'Invert' })).toHaveAttribute('aria-pressed', 'false');

  // Measure a length: drawn on the image, in millimetres.
  await page.getByRole('button', { name: 'Length' }).click();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 6 });
  await page.mouse.up();
  await expect(stage.locator('svg text').filter({ hasText: /mm/ })).toBeVisible();
  await app.screenshot('viewer-measured');

  // Measure an angle: two arms from one vertex, three points; drawn in degrees.
  await page.getByRole('button', { name: 'Angle' }).click();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.7);
  await expect(stage.locator('svg text').filter({ hasText: /°/ })).toBeVisible();
  await page.getByRole('button', { name: 'Window' }).click();

  // Rotate a quarter turn: the picture turns and the overlay says so; four quarters bring it back.
  const upright = await shot(stage);
  await page.getByRole('button', { name: 'Rotate' }).click();
  await expect(stage).toContainText('Rotated 90°');
  expect(changed(upright.pixels, (await shot(stage)).pixels), 'a quarter turn moves the picture').toBeGreaterThan(0.02);
  for (const degrees of [180, 270]) {
    await page.getByRole('button', { name: 'Rotate' }).click();
    await expect(stage).toContainText(`Rotated ${degrees}°`);
  }
  await page.getByRole('button', { name: 'Rotate' }).click();
  await expect(stage).not.toContainText('Rotated');
  expect(changed(upright.pixels, (await shot(stage)).pixels), 'four quarter turns: as it was').toBeLessThan(0.01);

  // Cine: played, the slices follow one another by themselves; paused, they stay.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  // Every label the image takes is recorded as it changes: polling would sample a 500 ms loop at
  // intervals that can fall in step with it and see one slice only.
  await canvas.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { cineSeen: string[] }).cineSeen = seen;
    new MutationObserver(() => {
      const n = /image (\d+) of/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? '?';
      if (seen.at(-1) !== n) seen.push(n);
    })
      .observe(el, { attributes: true, attributeFilter: ['aria-label'] });
  });
  await expect.poll(() => page.evaluate(() => new Set((window as unknown as { cineSeen: string[] }).cineSeen).size), { timeout: 10_000 }).toBe(5);
  const played = await page.evaluate(() => (window as unknown as { cineSeen: string[] }).cineSeen.map(Number));
  // Forwards, the last image followed by the first: each label moves on one image (two, where a busy
  // machine drew a frame before the label caught up), never back.
  for (let i = 1; i < played.length; i++) expect([1, 2], `${played.join(' ')}: step ${i}`).toContain((played[i]! - played[i - 1]! + 5) % 5);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = (await canvas.getAttribute('aria-label'))!;
  await page.waitForTimeout(500); // two images' time at the speed chosen
  await expect(canvas).toHaveAttribute('aria-label', paused);

  // The details on the image hide and come back.
  await page.getByLabel('Details on the image').uncheck();
  await expect(stage).not.toContainText('Peter Doe');
  await page.keyboard.press('o');
  await expect(stage).toContainText('Peter Doe');

  // Another series from the strip.
  await page.getByRole('button', { name: /Scout.*2 images/ }).click();
  await expect(page.getByRole('img', { name: /image \d of 2/ })).toBeVisible({ timeout: 30_000 });
  await expect(stage).toContainText('Series 4 Scout');

  // Back to the study and into the viewer again: it draws as it did the first time.
  await page.getByRole('button', { name: 'Back to the study' }).click();
  await page.getByRole('list', { name: 'Series' }).getByRole('listitem').filter({ hasText: '5 images' }).getByRole('img').click();
  await expect(canvas).toHaveAccessibleName(/image 3 of 5/, { timeout: 30_000 });
  expect(changed(middle.pixels, (await shot(stage)).pixels), 'the middle slice, as when first opened').toBeLessThan(0.01);
  expect(app.errors).toEqual([]);
});
