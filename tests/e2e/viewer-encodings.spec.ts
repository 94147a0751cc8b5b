/**
 * Every encoding the importer accepts, drawn by the viewer or refused with a reason, on files nobody
 * here wrote: pydicom's test files (uncompressed little and big endian, implicit VR, deflate, RLE, JPEG
 * baseline/extended/lossless, JPEG-LS, JPEG 2000; RGB, YBR, multi-frame) plus a MONOCHROME1 and a
 * PALETTE COLOR image pydicom made (tests/fixtures/dicom/derived/make_mono1_palette.py), and two files
 * whose file meta leaves out the transfer syntax (make_missing_tsyntax.py). Files that
 * claim one image (one SOP Instance UID) sit in different folders, each imported into a library of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, ROOT, test } from './harness.ts';
import type { App } from './harness.ts';

const folder = (name: string) => path.join(ROOT, 'tests', 'fixtures', 'dicom', 'encodings', name);

/** What each file must give in the viewer: drawn (with its number of images), or a reason (a pattern the words must match). */
const EXPECTED: Readonly<Record<string, { readonly images: number; readonly imageFails?: RegExp } | { readonly reason: RegExp }>> = {
  'CT_small.dcm': { images: 1 },
  'MR_small_implicit.dcm': { images: 1 },
  'ExplVR_BigEnd.dcm': { images: 1 },
  // A segmentation (1-bit masks over other images), not an image to scroll through.
  'liver_1frame.dcm': { reason: /is a segmentation/ },
  // 3x3 RGB: 27 bytes of pixels padded to 28, as DICOM requires; Cornerstone3D 5.6 hands all 28 to its
  // renderer, which refuses them. The viewer says so over the canvas, never leaving another image there.
  'SC_rgb_small_odd.dcm': { images: 1, imageFails: /could not be drawn/ },
  // Uncompressed YBR_FULL_422 (two bytes a pixel): Cornerstone3D 5.6 does not expand it and its renderer
  // refuses the pixel count. Said over the canvas.
  'SC_ybr_full_422_uncompressed.dcm': { images: 1, imageFails: /could not be drawn/ },
  'SC_rgb_rle.dcm': { images: 1 },
  'rtdose.dcm': { images: 15 },
  'SC_rgb_dcmtk_+eb+cy+np.dcm': { images: 1 },
  'SC_jpeg_no_color_transform.dcm': { images: 1 },
  'SC_rgb_small_odd_jpeg.dcm': { images: 1 },
  'JPEG-lossy.dcm': { images: 1 },
  'JPEG2000.dcm': { images: 1 },
  '693_J2KI.dcm': { images: 1 },
  'GDCMJ2K_TextGBR.dcm': { images: 1 },
  'SC_rgb_gdcm_KY.dcm': { images: 1 },
  'liver_expb_1frame.dcm': { reason: /is a segmentation/ },
  'SC_rgb_rle_16bit.dcm': { images: 1 },
  'SC_rgb_jpeg_gdcm.dcm': { images: 1 },
  // RLE frames stored with a defined length instead of as fragments: Cornerstone's reader finds no pixel data.
  'rtdose_rle.dcm': { reason: /could not be drawn\. The image data \(RLE lossless\) could not be decoded/ },
  'MR_small_RLE.dcm': { images: 1 },
  'image_dfl.dcm': { images: 1 },
  'SC_rgb_jpeg_dcmtk.dcm': { images: 1 },
  'JPGExtended.dcm': { images: 1 },
  'SC_rgb_rle_2frame.dcm': { images: 2 },
  'MR_small_jp2klossless.dcm': { images: 1 },
  'MR_small_jpeg_ls_lossless.dcm': { images: 1 },
  'MR_small_bigendian.dcm': { images: 1 },
  'mono1_ct.dcm': { images: 1 },
  'palette_ot.dcm': { images: 1 },
  // File meta without its transfer syntax: read in the one the data set is written in.
  'ct_explicit_no_tsyntax.dcm': { images: 1 },
  'mr_implicit_no_tsyntax.dcm': { images: 1 },
};

async function importFolder(app: App, name: string): Promise<void> {
  await app.open();
  await app.page.getByLabel('Full name').fill('Test Person');
  await app.page.getByLabel(/Date of birth/).fill('1950-01-01');
  await app.page.getByRole('button', { name: 'Continue' }).click();
  app.dialogs.willChoose(folder(name));
  await app.page.getByRole('button', { name: /Import a folder of records/ }).first().click();
  await expect(app.page.getByRole('heading', { name: /Import finished for/ })).toBeVisible({ timeout: 60_000 });
  await app.page.getByRole('region', { name: /Import finished/ }).getByRole('button', { name: 'Done' }).click();
}

/**
 * Whether the middle of the stage shows a picture: not the black of an empty canvas (some test images
 * are one flat colour, so brightness counts as well as contrast).
 */
async function somethingDrawn(app: App): Promise<boolean> {
  const box = (await app.page.locator('.scan-stage').boundingBox())!;
  const png = await app.page.screenshot({ clip: { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3, width: box.width * 0.4, height: box.height * 0.4 } });
  const [grey] = (await sharp(png).greyscale().stats()).channels;
  return grey!.stdev > 2 || grey!.mean > 8;
}

for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
  test(`the viewer draws every image of encodings/${name}, or says why not`, async ({ app }) => {
    const { page, backend } = app;
    await importFolder(app, name);
    const library = backend.library;
    const studies = library.documents.list({}).filter((d) => d.kind === 'study');
    const seen: string[] = [];
    for (const study of studies) {
      const files = library.studies.originals(study.id);
      for (const seriesId of new Set(files.map((f) => f.seriesId))) {
        // Several of pydicom's files share one series: the series shows all their images.
        const names = files.filter((f) => f.seriesId === seriesId).map((f) => f.originalName);
        const file = names.join(', ');
        for (const name of names) expect(EXPECTED[name], `${name} has an expected outcome`).toBeDefined();
        seen.push(...names);
        const outcomes = names.map((name) => EXPECTED[name]!);
        const expected = outcomes.every((o) => 'images' in o)
          ? { images: outcomes.reduce((n, o) => n + ('images' in o ? o.images : 0), 0) }
          : outcomes.find((o) => 'reason' in o)!;
        await page.evaluate((hash) => (window.location.hash = hash), `#/study/${study.id}/viewer?series=${seriesId}&image=0`);
        if ('images' in expected) {
          await expect(page.getByRole('img', { name: new RegExp(`image 1 of ${expected.images}$|image 1 of ${expected.images},`) }), file).toBeVisible({ timeout: 20_000 });
          await expect(page.locator('.scan-stage .scan-problem:not(.scan-image-failed)'), file).toHaveCount(0);
          // Every image of the series, drawn (not a blank canvas), or said over the canvas not to be.
          const byHash = new Map(files.map((f) => [f.sha256, f.originalName]));
          const order = library.studies.seriesImages(seriesId).images.flatMap((image) => {
            const name = byHash.get(library.studies.instanceFile(image.instanceId).sha256)!;
            return Array.from({ length: image.frames }, () => name);
          });
          await page.locator('.scan-canvas').focus();
          for (let i = 0; i < expected.images; i++) {
            if (i > 0) await page.keyboard.press('ArrowDown');
            await expect(page.getByRole('img', { name: new RegExp(`image ${i + 1} of ${expected.images}`) }), file).toBeVisible();
            const outcome = EXPECTED[order[i]!]!;
            const failure = page.locator('.scan-image-failed');
            if ('imageFails' in outcome && outcome.imageFails) {
              await expect(failure, `${order[i]} (image ${i + 1})`).toContainText(outcome.imageFails);
            } else {
              await expect(failure, `${order[i]} (image ${i + 1})`).toHaveCount(0);
              expect(await somethingDrawn(app), `${order[i]} (image ${i + 1}) is drawn`).toBe(true);
            }
          }
        } else {
          await expect(page.locator('.scan-stage [role="alert"]'), file).toContainText(expected.reason, { timeout: 20_000 });
        }
        await app.screenshot(`viewer-${file.replace(/\W+/g, '-').slice(0, 60)}`);
      }
    }
    const inFolder = Object.keys(EXPECTED).filter((f) => fs.existsSync(path.join(folder(name), f)));
    expect(seen.sort()).toEqual(inFolder.sort());
    // Cornerstone3D logs the images it cannot build (the viewer shows why), and dicom-parser the odd value
    // representations some of pydicom's files carry on purpose ("Invalid vr type xs"); nothing else may go wrong.
    const failing = seen.some((f) => {
      const outcome = EXPECTED[f]!;
      return 'imageFails' in outcome && !!outcome.imageFails;
    });
    const expectedNoise = (e: string) => /^console: Invalid vr type [^\n]{0,4} - using \w+$/.test(e) || (failing && e.includes('model.size is not a multiple of model.numberOfComponents'));
    expect(app.errors.filter((e) => !expectedNoise(e))).toEqual([]);
  });
}
