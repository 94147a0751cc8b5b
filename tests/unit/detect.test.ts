import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../electron/media/detect.ts';
import { say } from '../../shared/said.ts';
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
    const note = 'note' in found ? found.note : undefined;
    expect(note && say(note)).toContain('named ".pdf" but it is a PNG image');
    expect(note && say(note, 'es')).toBe('El archivo se llama «.pdf» pero es una imagen PNG; se importó como lo que realmente es.');
  });

  it('gives each bad input its own reason', async () => {
    expect(await detect(fixture('bad/empty.pdf'))).toMatchObject({ code: 'empty', reason: expect.stringContaining('empty (0 bytes)') });
    expect(await detect(fixture('bad/random_64k.bin'))).toMatchObject({ code: 'unsupported', reason: expect.stringContaining('cannot tell what kind of file') });
    // pydicom's no_meta.dcm starts one byte before its data set: neither DICOM's wrapper nor a bare data set.
    expect(await detect(fixture('dicom/single/no_meta.dcm'))).toMatchObject({ code: 'damaged', reason: expect.stringMatching(/looks like a DICOM image file.*probably damaged/) });
    expect(await detect('/no/such/file.pdf')).toMatchObject({ code: 'not-found' });
  });

  it('knows imaging files, disc indexes, archives and newer photo formats by their content', async () => {
    expect(await detect(fixture('dicom/single/CT_small.dcm'))).toEqual({ kind: 'dicom' });
    expect(await detect(fixture('dicom/hospital_cd/DICOM/PAT00001/STU00001/SER00001/IMG00001'))).toEqual({ kind: 'dicom' });
    expect(await detect(fixture('dicom/derived/raw_ct_no_meta.dcm'))).toEqual({ kind: 'dicom' });
    expect(await detect(fixture('dicom/hospital_cd/DICOMDIR'))).toEqual({ kind: 'dicomdir' });
    expect(await detect(fixture('bad/flat_ratio_20MiB.zip'))).toEqual({ kind: 'zip' });
    expect(await detect(fixture('images/derived/phone_photo.heic'))).toEqual({ kind: 'image', mediaType: 'image/heic' });
    expect(await detect(fixture('images/derived/two_page_scan.tif'))).toEqual({ kind: 'image', mediaType: 'image/tiff' });
  });

  it('skips programs anywhere, and on a disc the viewer\'s pages, settings and icons', async () => {
    const dir = tempDir();
    const program = path.join(dir, 'viewer.exe');
    fs.writeFileSync(program, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]));
    const page = path.join(dir, 'index.htm');
    fs.writeFileSync(page, '<html><body>Click to start the viewer</body></html>');
    const autorun = path.join(dir, 'AUTORUN.INF');
    fs.writeFileSync(autorun, '[autorun]\nopen=viewer.exe\n');
    expect(await detect(program)).toMatchObject({ kind: 'skip', reason: expect.stringContaining('never runs programs') });
    expect(await detect(autorun)).toMatchObject({ kind: 'skip', reason: expect.stringContaining('never runs') });
    expect(await detect(page, { onDisc: true })).toMatchObject({ kind: 'skip', reason: expect.stringContaining("disc's viewer") });
    expect(await detect(page)).toMatchObject({ code: 'unsupported', reason: expect.stringContaining('web page') });
    expect(await detect(fixture('images/MWG.jpg'), { onDisc: true })).toMatchObject({ kind: 'skip', reason: expect.stringContaining('icon') });
    expect(await detect(fixture('images/linn.png'), { onDisc: true })).toEqual({ kind: 'image', mediaType: 'image/png' });
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
