/**
 * Files built to exhaust memory, imported through the real command line in a child process whose peak
 * resident memory (worker threads included) is measured: each is refused with its reason, the files
 * beside it import, and the process stays far below 1 GB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/library.ts';
import { say } from '../../shared/said.ts';
import { casebinder } from '../helpers/cli.ts';
import { fixture, ROOT, tempDir } from '../helpers/paths.ts';

const GIB_IN_KIB = 1024 * 1024;

/** Runs the command line with its peak memory recorded; returns the run and the peak in KiB. */
function measured(library: string, args: string[]) {
  const peakFile = path.join(tempDir(), 'peak.txt');
  const run = casebinder(library, args, {
    NODE_OPTIONS: `--import=${pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'peak-memory.ts')).href}`,
    CASEBINDER_PEAK_FILE: peakFile,
  });
  const peaks = fs.readFileSync(peakFile, 'utf8').trim().split('\n').map(Number);
  return { run, peakKiB: Math.max(...peaks) };
}

describe('hostile files', () => {
  it('refuses a 2.9 MB deflated DICOM file that unpacks to 3 GB, and imports the file beside it', () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'CT0001.dcm');
    fs.writeFileSync(bomb, zlib.gunzipSync(fs.readFileSync(fixture('bad/deflated_bomb_3GB.dcm.gz'))));
    expect(fs.statSync(bomb).size).toBeGreaterThan(2_500_000);
    fs.copyFileSync(fixture('dicom/single/MR_small.dcm'), path.join(dir, 'MR0001.dcm'));
    const library = path.join(tempDir(), 'library');
    expect(casebinder(library, ['init']).code).toBe(0);
    expect(casebinder(library, ['patient', 'add', 'Ana Hostile']).code).toBe(0);

    const { run, peakKiB } = measured(library, ['import', dir, '--json']);
    expect(run.code, run.stderr).toBe(2);
    const result = run.json as { imported: unknown[]; refused: { path: string; reason: string }[] };
    expect(result.imported).toHaveLength(1);
    expect(result.refused).toEqual([{ path: bomb, code: expect.any(String), reason: expect.stringContaining('unpacks to more than 128 MB') }]);
    console.log(`deflated DICOM bomb: peak ${(peakKiB / 1024).toFixed(0)} MiB`);
    expect(peakKiB).toBeLessThan(GIB_IN_KIB);
  }, 120_000);

  it('reads a PDF page holding a 30,000 x 30,000 image without drawing the image, and says why its text is missing', () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'scan.pdf');
    fs.writeFileSync(pdf, zlib.gunzipSync(fs.readFileSync(fixture('bad/huge_image_30000px.pdf.gz'))));
    const library = path.join(tempDir(), 'library');
    expect(casebinder(library, ['init']).code).toBe(0);
    expect(casebinder(library, ['patient', 'add', 'Ana Hostile']).code).toBe(0);

    const { run, peakKiB } = measured(library, ['import', pdf, '--ocr', '--json']);
    console.log(`30,000-pixel image in a PDF, imported and read by OCR: peak ${(peakKiB / 1024).toFixed(0)} MiB`);
    expect(run.code, run.stderr).toBe(0);
    const [document] = (run.json as { imported: { id: number }[] }).imported;
    const shown = casebinder(library, ['show', String(document!.id), '--json']).json as { ocrPages: unknown[] };
    expect(shown.ocrPages).toEqual([expect.objectContaining({ page: 1, state: 'failed', problem: expect.stringContaining('more than 80 million pixels') })]);
    // The library keeps what was said, so the window says it in its language.
    const opened = Library.open(library);
    try {
      const [page] = opened.documents.pageInfo(document!.id);
      expect(say(page!.problem!, 'es')).toMatch(/^Esta página contiene una imagen de más de 80 millones de píxeles/);
    } finally {
      opened.close();
    }
    expect(peakKiB).toBeLessThan(GIB_IN_KIB);
  }, 300_000);
});
