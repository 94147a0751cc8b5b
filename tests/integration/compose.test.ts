import { PDFDocument } from '@cantoo/pdf-lib';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { composeDocument } from '../../electron/compose/compose.ts';
import type { WorkerPool } from '../../electron/workers/pool.ts';
import type { Library } from '../../electron/library/library.ts';
import { importerFor, newLibrary } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { say } from '../../shared/said.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function photos(): Promise<{ library: Library; pool: WorkerPool; jpg: number; heic: number; tif: number; pdf: number }> {
  const { library, patient } = newLibrary();
  const { importer, pool, close } = importerFor(library);
  cleanup.push(() => library.close(), close);
  const result = await importer.start({
    paths: ['images/derived/phone_photo_orientation6.jpg', 'images/derived/phone_photo.heic', 'images/derived/two_page_scan.tif', 'pdf/pdfjs/rotation.pdf'].map((f) => fixture(f)),
    patientId: patient.id,
  }).result;
  const id = (end: string) => result.imported.find((i) => i.path.endsWith(end))!.id;
  return { library, pool, jpg: id('.jpg'), heic: id('.heic'), tif: id('.tif'), pdf: id('.pdf') };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a document made from photos', () => {
  it('puts the photos, turned and cropped as chosen, into one PDF in the chosen order, and keeps them as they were', async () => {
    const { library, pool, jpg, heic, tif } = await photos();
    const before = [jpg, heic, tif].map((id) => library.documents.get(id).sha256!);
    const doc = await composeDocument(library, pool, {
      title: 'Recipe and brochure',
      pages: [
        { documentId: heic, page: 1, rotation: 90 },
        // Page 2 of the TIFF, its left half only.
        { documentId: tif, page: 2, rotation: 0, crop: { left: 0, top: 0, width: 0.5, height: 1 } },
        { documentId: jpg, page: 1, rotation: 0 },
      ],
    });
    expect(doc).toMatchObject({ title: 'Recipe and brochure', mediaType: 'application/pdf', pages: 3, madeFrom: [heic, tif, jpg], partOf: null });
    expect(doc.ocr).toMatchObject({ pages: 3, pending: 3 });

    const pdf = await PDFDocument.load(fs.readFileSync(library.vault.pathFor(doc.sha256!)));
    const sizes = pdf.getPages().map((p) => p.getSize()).map(({ width, height }) => [Math.round(width), Math.round(height)]);
    // The HEIC (1275 x 1650, upright) turned a quarter: landscape. The TIFF page (2000 x 1432) halved: 1000 x 1432.
    // The JPEG is stored on its side with EXIF orientation 6; upright it is 1600 x 1146: landscape.
    expect(sizes).toEqual([
      [792, 612],
      [Math.round((1000 * 792) / 1432), 792],
      [792, Math.round((1146 * 792) / 1600)],
    ]);

    // The photos are still in the library, byte for byte, listed under the new document.
    expect([jpg, heic, tif].map((id) => library.documents.get(id).sha256)).toEqual(before);
    for (const hash of before) expect(sha256(library.vault.pathFor(hash))).toBe(hash);
    expect([jpg, heic, tif].map((id) => library.documents.get(id).partOf)).toEqual([doc.id, doc.id, doc.id]);
    expect(library.documents.list().map((d) => d.id)).not.toContain(jpg);
    expect(await library.check()).toMatchObject({ ok: true });
  });

  it('names each photo once when several of its pages are used, in the order they first appear', async () => {
    const { library, pool, jpg, tif } = await photos();
    const doc = await composeDocument(library, pool, {
      title: 'Scan with a photo between its pages',
      pages: [
        { documentId: tif, page: 1, rotation: 0 },
        { documentId: jpg, page: 1, rotation: 0 },
        { documentId: tif, page: 2, rotation: 0 },
      ],
    });
    expect(doc).toMatchObject({ pages: 3, madeFrom: [tif, jpg] });
  });

  it('refuses what cannot be made, and changes nothing', async () => {
    const { library, pool, jpg, heic, pdf } = await photos();
    const count = library.documents.count();
    await expect(composeDocument(library, pool, { title: ' ', pages: [{ documentId: jpg, page: 1, rotation: 0 }] })).rejects.toThrow(/Give the new document a title/);
    await expect(composeDocument(library, pool, { title: 'x', pages: [{ documentId: pdf, page: 1, rotation: 0 }] })).rejects.toThrow(/not a photo or scan/);
    await expect(composeDocument(library, pool, { title: 'x', pages: [{ documentId: jpg, page: 2, rotation: 0 }] })).rejects.toThrow(/has no page 2/);
    await expect(
      composeDocument(library, pool, { title: 'x', pages: [{ documentId: jpg, page: 1, rotation: 0, crop: { left: 0.6, top: 0, width: 0.6, height: 1 } }] }),
    ).rejects.toThrow(/goes outside its photo/);
    expect(library.documents.count()).toBe(count);
    await composeDocument(library, pool, { title: 'Letter', pages: [{ documentId: heic, page: 1, rotation: 0 }] });
    const again = await composeDocument(library, pool, { title: 'Again', pages: [{ documentId: heic, page: 1, rotation: 0 }] }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(CasebinderError);
    expect((again as CasebinderError).message).toMatch(/^Photo \d+ \(".*"\) is already part of document \d+\.$/);
    // Said in the window's language too.
    expect(say((again as CasebinderError).words!, 'es')).toMatch(/^La foto \d+ \(«.*»\) ya forma parte del documento \d+\.$/);
  });
});
