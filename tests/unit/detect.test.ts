import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../electron/import/detect.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

describe('detecting what a file is, by its content', () => {
  it('recognises PDFs and photos', async () => {
    expect(await detect(fixture('pdf/pdfjs/rotation.pdf'))).toEqual({ kind: 'pdf', mediaType: 'application/pdf' });
    expect(await detect(fixture('images/MWG.jpg'))).toEqual({ kind: 'image', mediaType: 'image/jpeg' });
    expect(await detect(fixture('images/linn.png'))).toEqual({ kind: 'image', mediaType: 'image/png' });
  });

  it('imports a PNG named .pdf as the image it is, and says so', async () => {
    const found = await detect(fixture('bad/actually_png.pdf'));
    expect(found).toMatchObject({ kind: 'image', mediaType: 'image/png' });
    expect(found).toHaveProperty('note', expect.stringContaining('named ".pdf" but it is a PNG image'));
  });

  it('gives each bad input its own reason', async () => {
    expect(await detect(fixture('bad/empty.pdf'))).toMatchObject({ code: 'empty', reason: expect.stringContaining('empty (0 bytes)') });
    expect(await detect(fixture('bad/random_64k.bin'))).toMatchObject({ code: 'unsupported', reason: expect.stringContaining('cannot tell what kind of file') });
    expect(await detect(fixture('bad/flat_ratio_20MiB.zip'))).toMatchObject({ code: 'unsupported', reason: expect.stringContaining('compressed archive') });
    expect(await detect(fixture('images/QuickTime.heic'))).toMatchObject({ code: 'unsupported', reason: expect.stringContaining('HEIC') });
    expect(await detect(fixture('dicom/single/CT_small.dcm'))).toMatchObject({ code: 'unsupported', reason: expect.stringContaining('DICOM') });
    expect(await detect('/no/such/file.pdf')).toMatchObject({ code: 'not-found' });
  });

  it('calls a web page saved as .pdf a failed download', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lab results.pdf');
    fs.writeFileSync(file, '<!DOCTYPE html><html><body>Session expired. Please log in.</body></html>');
    expect(await detect(file)).toMatchObject({ code: 'mislabeled', reason: expect.stringMatching(/named like a PDF.*web page.*failed download/) });
  });

  it('names unknown data that claims to be a photo as mislabeled', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'photo.jpg');
    fs.copyFileSync(fixture('bad/random_64k.bin'), file);
    expect(await detect(file)).toMatchObject({ code: 'mislabeled' });
  });
});
