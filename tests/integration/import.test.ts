import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Importer } from '../../electron/import/importer.ts';
import type { Library } from '../../electron/library/library.ts';
import type { ImportOutcome, ImportResult } from '../../shared/import-types.ts';
import { FOLDERS } from '../corpus/folders.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { newLibrary } from '../helpers/library.ts';
import { fixture, ROOT, tempDir } from '../helpers/paths.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function setup() {
  const { library, patient } = newLibrary();
  const importer = new Importer(library, { threads: 2 });
  cleanup.push(() => library.close(), () => importer.close());
  return { library, patient, importer };
}

async function importPaths(importer: Importer, patientId: number, paths: string[]): Promise<ImportResult> {
  return importer.start({ paths, patientId }).result;
}

function byName(result: ImportResult): Map<string, ImportOutcome> {
  const all: ImportOutcome[] = [...result.imported, ...result.duplicates, ...result.refused, ...result.skipped];
  return new Map(all.map((o) => [path.relative(path.join(ROOT, 'tests/fixtures'), o.path), o]));
}

function vaultFiles(library: Library): string[] {
  return [...library.vault.storedHashes()].sort();
}

describe('importing the real fixture files', () => {
  it('imports what it can read and refuses each bad file with its own reason, without stopping', async () => {
    const { library, patient, importer } = setup();
    const dirs = ['pdf', 'images', 'bad', 'dicom'].map((d) => fixture(d));
    const progress: number[] = [];
    const job = importer.start({ paths: dirs, patientId: patient.id });
    job.onProgress((p) => progress.push(p.filesDone));
    const result = await job.result;
    const outcomes = byName(result);

    const imported = (name: string, pages: number) => expect(outcomes.get(name), name).toMatchObject({ status: 'imported', pages });
    const refused = (name: string, code: string, words: RegExp) =>
      expect(outcomes.get(name), name).toMatchObject({ status: 'refused', code, reason: expect.stringMatching(words) });

    imported('pdf/pdfjs/rotation.pdf', 2);
    imported('pdf/pdfjs/vertical.pdf', 3);
    imported('pdf/pdfjs/ArabicCIDTrueType.pdf', 1);
    imported('pdf/pdfjs/empty_protected.pdf', 1);
    imported('pdf/pdfjs/issue7665.pdf', 1);
    imported('pdf/pdfjs/xref_command_missing.pdf', 1);
    imported('pdf/pdfjs/scan-bad.pdf', 1);
    imported('pdf/pdfjs/annotation-tx.pdf', 1);
    imported('pdf/ocrmypdf/multipage.pdf', 6);
    imported('pdf/ocrmypdf/cardinal.pdf', 4);
    imported('pdf/ocrmypdf/kcs.pdf', 1);
    imported('pdf/ocrmypdf/trivial.pdf', 1);
    imported('images/linn.png', 1);
    imported('images/MWG.jpg', 1);
    expect(outcomes.get('bad/actually_png.pdf')).toMatchObject({ status: 'imported', note: expect.stringContaining('PNG image') });

    refused('pdf/pdfjs/issue6010_1.pdf', 'password-protected', /password-protected.*unlocked copy/);
    refused('pdf/ocrmypdf/invalid.pdf', 'damaged', /damaged/);
    refused('bad/empty.pdf', 'empty', /empty \(0 bytes\)/);
    refused('bad/truncated_rotation.pdf', 'truncated', /incomplete/);
    refused('bad/random_64k.bin', 'unsupported', /cannot tell what kind of file/);
    refused('bad/flat_ratio_20MiB.zip', 'unsupported', /compressed archive/);
    refused('bad/nested_bomb_100MiB.zip', 'unsupported', /compressed archive/);
    refused('images/QuickTime.heic', 'unsupported', /HEIC/);
    refused('dicom/single/CT_small.dcm', 'unsupported', /DICOM/);

    const inputs = [...fs.globSync('{pdf,images,bad,dicom}/**/*', { cwd: path.join(ROOT, 'tests/fixtures') })].filter((f) =>
      fs.statSync(path.join(ROOT, 'tests/fixtures', f)).isFile(),
    );
    expect(outcomes.size).toBe(inputs.length);
    expect(progress.at(-1)).toBe(inputs.length);
    expect(result.cancelled).toBe(false);

    // Exactly the imported documents are in the library, and their originals in the vault.
    expect(library.documents.count()).toBe(result.imported.length);
    expect(vaultFiles(library)).toHaveLength(result.imported.length);
    expect(await library.check()).toMatchObject({ ok: true, problems: [] });
  });

  it('keeps the text of every page, so search points to the right page', async () => {
    const { library, patient, importer } = setup();
    const result = await importPaths(importer, patient.id, [fixture('pdf/pdfjs/rotation.pdf')]);
    const id = (result.imported[0] as { id: number }).id;
    expect(library.documents.pageTexts(id)).toHaveLength(2);
    const [hit] = library.search.search('landscape layout');
    expect(hit).toMatchObject({ id, page: 2 });
    const doc = library.documents.get(id);
    expect(doc).toMatchObject({ originalName: 'rotation.pdf', mediaType: 'application/pdf', pages: 2, size: 6605 });
    expect(doc.sha256).toBe('5087c2afe763d145537d652bb3bc6c321ace3a267b2679ae2c178add3ba7f1d9');
  });
});

describe('duplicates', () => {
  it('recognises a file the library already holds, and two copies in one import', async () => {
    const { library, patient, importer } = setup();
    const first = await importPaths(importer, patient.id, [fixture('pdf/pdfjs/rotation.pdf')]);
    const firstId = (first.imported[0] as { id: number }).id;

    const dir = tempDir();
    fs.copyFileSync(fixture('pdf/pdfjs/rotation.pdf'), path.join(dir, 'renamed copy.pdf'));
    fs.copyFileSync(fixture('images/linn.png'), path.join(dir, 'a.png'));
    fs.copyFileSync(fixture('images/linn.png'), path.join(dir, 'b.png'));
    const second = await importPaths(importer, patient.id, [dir]);
    expect(second.imported).toHaveLength(1);
    const pngId = (second.imported[0] as { id: number }).id;
    expect(second.duplicates).toEqual(
      expect.arrayContaining([
        { status: 'duplicate', path: path.join(dir, 'renamed copy.pdf'), of: firstId },
        { status: 'duplicate', path: expect.stringMatching(/[ab]\.png$/), of: pngId },
      ]),
    );
    expect(library.documents.count()).toBe(2);
    expect(vaultFiles(library)).toHaveLength(2);
  });
});

describe('suggestions on import', () => {
  it('stores type, date, facility and clinician as suggestions, not as confirmed facts', async () => {
    const { library, patient, importer } = setup();
    const [mri] = await writeCorpus(tempDir(), FOLDERS.filter((d) => d.file === 'Lakeshore MRI L-spine.pdf'));
    const result = await importPaths(importer, patient.id, [mri!.path]);
    expect(result.imported[0]).toMatchObject({ type: 'imaging-report', pages: 1 });
    const doc = library.documents.get((result.imported[0] as { id: number }).id);
    expect(doc).toMatchObject({
      title: 'MRI Lumbar Spine without Contrast',
      type: null,
      dateOfService: null,
      facility: null,
      clinician: null,
      suggested: { type: 'imaging-report', dateOfService: '2025-02-06', facility: 'Lakeshore Imaging Center', clinician: 'Priya Nair, MD' },
    });
    const confirmed = library.documents.confirm(doc.id);
    expect(confirmed).toMatchObject({ type: 'imaging-report', dateOfService: '2025-02-06', facility: 'Lakeshore Imaging Center' });
    const edited = library.documents.edit(doc.id, { facility: 'Lakeshore Imaging (Lincoln Park)', tags: ['spine', ' spine ', 'MRI'] });
    expect(edited.facility).toBe('Lakeshore Imaging (Lincoln Park)');
    expect(edited.tags).toEqual(['MRI', 'spine']);
    // Accepting suggestions again never overwrites the person's own choice.
    expect(library.documents.confirm(doc.id).facility).toBe('Lakeshore Imaging (Lincoln Park)');
  });
});

describe('cancelling an import', () => {
  it('stops, lists what was not imported, and leaves no half-imported document or stray file', async () => {
    const { library, patient, importer } = setup();
    const written = await writeCorpus(tempDir(), FOLDERS);
    const folder = path.dirname(path.dirname(written[0]!.path));
    const job = importer.start({ paths: [folder], patientId: patient.id });
    job.onProgress((p) => {
      if (p.filesDone === 3) job.cancel();
    });
    const result = await job.result;
    expect(result.cancelled).toBe(true);
    const cancelled = result.refused.filter((r) => r.code === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled[0]!.reason).toMatch(/cancelled/);
    expect(result.imported.length + result.refused.length).toBe(written.length);
    expect(library.documents.count()).toBe(result.imported.length);
    expect(vaultFiles(library)).toHaveLength(result.imported.length);
    expect(fs.readdirSync(path.join(library.dir, 'vault', 'tmp')).flatMap((d) => fs.readdirSync(path.join(library.dir, 'vault', 'tmp', d)))).toEqual([]);
    expect(await library.check()).toMatchObject({ ok: true });
  });
});
