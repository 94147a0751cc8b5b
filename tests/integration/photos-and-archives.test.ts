import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { Importer } from '../../electron/import/importer.ts';
import { ZIP_LIMITS } from '../../electron/import/zip.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { closeAfterTest, importingLibrary, newLibrary } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const setup = () => importingLibrary();

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('photos and scans', () => {
  it('imports JPEG, PNG, HEIC and multi-page TIFF, with upright previews where the window needs them, originals untouched', async () => {
    const { library, run } = setup();
    const files = ['images/derived/phone_photo_orientation6.jpg', 'images/linn.png', 'images/derived/phone_photo.heic', 'images/derived/two_page_scan.tif'];
    const result = await run(...files.map((f) => fixture(f)));
    expect(result.refused).toEqual([]);
    const byName = new Map(result.imported.map((i) => [path.basename(i.path), library.documents.get(i.id)]));
    expect(byName.get('phone_photo_orientation6.jpg')).toMatchObject({ mediaType: 'image/jpeg', pages: 1, ocr: { pages: 1, pending: 1 } });
    expect(byName.get('linn.png')).toMatchObject({ mediaType: 'image/png', pages: 1 });
    expect(byName.get('phone_photo.heic')).toMatchObject({ mediaType: 'image/heic', pages: 1 });
    expect(byName.get('two_page_scan.tif')).toMatchObject({ mediaType: 'image/tiff', pages: 2, ocr: { pages: 2, pending: 2 } });

    // The window draws JPEG and PNG itself (upright, by their EXIF orientation); HEIC and TIFF get previews.
    expect(library.documents.pageInfo(byName.get('phone_photo_orientation6.jpg')!.id)[0]!.preview).toBeNull();
    const heic = byName.get('phone_photo.heic')!.id;
    expect(library.documents.pageInfo(heic).map((p) => p.preview)).toEqual([{ width: 1275, height: 1650 }]);
    const heicPreview = await sharp(library.documents.preview(heic, 1).data).metadata();
    expect([heicPreview.format, heicPreview.width, heicPreview.height]).toEqual(['jpeg', 1275, 1650]);
    const tiff = byName.get('two_page_scan.tif')!.id;
    expect(library.documents.pageInfo(tiff).map((p) => p.preview)).toEqual([
      { width: 1855, height: 2400 },
      { width: 2000, height: 1432 },
    ]);

    for (const file of files) expect(library.vault.has(sha256(fixture(file))), file).toBe(true);
    expect(await library.check()).toMatchObject({ ok: true, filesVerified: 4 });
  });

  it('refuses a damaged photo and an empty HEIC with reasons, and imports the rest', async () => {
    const { library, run } = setup();
    const result = await run(fixture('bad/truncated_photo.jpg'), fixture('images/QuickTime.heic'), fixture('images/MWG.jpg'));
    expect(result.imported).toHaveLength(1);
    expect(result.refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: fixture('bad/truncated_photo.jpg'), code: 'damaged', reason: expect.stringContaining('Take the photo or scan again') }),
        expect.objectContaining({ path: fixture('images/QuickTime.heic'), code: 'damaged', reason: expect.stringContaining('Most Compatible') }),
      ]),
    );
    expect([...library.vault.storedNames()]).toEqual([sha256(fixture('images/MWG.jpg'))]);
  });
});

describe('ZIP archives', () => {
  it('refuses archives that expand too far, before unpacking anything, and goes on with the rest', async () => {
    const { library, run } = setup();
    const result = await run(fixture('bad/flat_ratio_20MiB.zip'), fixture('bad/nested_bomb_100MiB.zip'), fixture('pdf/pdfjs/rotation.pdf'));
    expect(result.imported.map((i) => path.basename(i.path))).toEqual(['rotation.pdf']);
    const reasons = new Map(result.refused.map((r) => [r.path.slice(fixture('bad').length + 1), r]));
    expect(reasons.get('flat_ratio_20MiB.zip')).toMatchObject({ code: 'too-large', reason: expect.stringContaining('1,022 times its size') });
    // The outer archive is small and opens; each archive inside it would expand 1,000 times.
    for (let i = 0; i < 10; i++) {
      expect(reasons.get(`nested_bomb_100MiB.zip/part0${i}.zip`)).toMatchObject({ code: 'too-large', reason: expect.stringContaining('zip bombs') });
    }
    expect(library.documents.count()).toBe(1);
    expect(await library.check()).toMatchObject({ ok: true });
  });

  it('refuses an archive past the total Casebinder unpacks in one import', async () => {
    const { library, patient } = newLibrary();
    const pool = new WorkerPool({ threads: 1 });
    closeAfterTest(() => library.close(), () => pool.close());
    const importer = new Importer(library, pool, { zipLimits: { ...ZIP_LIMITS, maxTotalBytes: 50_000 } });
    const result = await importer.start({ paths: [fixture('dicom/derived/hospital_cd.zip')], patientId: patient.id }).result;
    expect(result.refused).toEqual([
      expect.objectContaining({ code: 'too-large', reason: expect.stringMatching(/would expand to 60 KB, more than Casebinder unpacks in one import \(49 KB in all\)/) }),
    ]);
    expect(library.documents.count()).toBe(0);
  });

  it('refuses entries whose names climb out of the archive, and those locked with a password, one by one', async () => {
    const { library, run } = setup();
    const result = await run(fixture('bad/path_traversal.zip'), fixture('bad/password_entry.zip'));
    const zipDir = fixture('bad');
    expect(new Map(result.refused.map((r) => [r.path.slice(zipDir.length + 1), r.code]))).toEqual(
      new Map([
        ['password_entry.zip/locked.pdf', 'password-protected'],
        ['path_traversal.zip//etc/absolute.pdf', 'unsafe'],
        ['path_traversal.zip/../../outside.pdf', 'unsafe'],
      ]),
    );
    expect(result.imported.map((i) => i.path.slice(zipDir.length + 1)).sort()).toEqual(['password_entry.zip/open.pdf', 'path_traversal.zip/records/report.pdf']);
    // Nothing was written anywhere but the vault.
    expect(fs.existsSync(path.join(zipDir, '..', '..', 'outside.pdf'))).toBe(false);
    expect(library.documents.count()).toBe(2);
  });

  it('opens an archive inside an archive, within the same limits', async () => {
    const { library, run } = setup();
    const outer = path.join(tempDir(), 'portal-download.zip');
    const zip = new yazl.ZipFile();
    zip.addFile(fixture('dicom/derived/hospital_cd.zip'), 'imaging/cd.zip');
    zip.addFile(fixture('pdf/pdfjs/rotation.pdf'), 'letters/letter.pdf');
    zip.end();
    await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(outer)).on('close', resolve).on('error', reject));
    const result = await run(outer);
    expect(result.refused).toEqual([]);
    expect(result.imported.filter((i) => i.type === 'imaging-study')).toHaveLength(3);
    expect(result.imported.find((i) => i.path.endsWith('letters/letter.pdf'))).toBeDefined();
    expect(library.documents.count()).toBe(4);
    // The inner archive was staged in the vault's temp folder only while it was read.
    expect(fs.readdirSync(path.join(library.vault.root, 'tmp')).flatMap((d) => fs.readdirSync(path.join(library.vault.root, 'tmp', d)))).toEqual([]);
  });
});
