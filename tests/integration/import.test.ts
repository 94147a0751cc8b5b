import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Importer } from '../../electron/import/importer.ts';
import type { Library } from '../../electron/library/library.ts';
import type { ImportOutcome, ImportResult } from '../../shared/import-types.ts';
import { FOLDERS } from '../corpus/folders.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { importingLibrary } from '../helpers/library.ts';
import { fixture, ROOT, tempDir } from '../helpers/paths.ts';

const setup = () => importingLibrary();

async function importPaths(importer: Importer, patientId: number, paths: string[]): Promise<ImportResult> {
  return importer.start({ paths, patientId }).result;
}

function byName(result: ImportResult): Map<string, ImportOutcome> {
  const all: ImportOutcome[] = [...result.imported, ...result.merged, ...result.duplicates, ...result.refused, ...result.skipped];
  // By the path under tests/fixtures, as written (an archive entry named "../x" stays so).
  const prefix = `${path.join(ROOT, 'tests/fixtures')}${path.sep}`;
  return new Map(all.map((o) => [o.path.startsWith(prefix) ? o.path.slice(prefix.length) : o.path, o]));
}

function vaultFiles(library: Library): string[] {
  return [...library.vault.storedNames()].sort();
}

describe('importing the real fixture files', () => {
  it('imports what it can read and refuses each bad file with its own reason, without stopping', async () => {
    const { library, patient, importer } = setup();
    const dirs = ['pdf', 'images', 'bad'].map((d) => fixture(d));
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
    imported('images/derived/phone_photo.heic', 1);
    imported('images/derived/phone_photo_orientation6.jpg', 1);
    imported('images/derived/two_page_scan.tif', 2);
    expect(outcomes.get('bad/actually_png.pdf')).toMatchObject({ status: 'imported', note: expect.stringContaining('PNG image') });
    // A ZIP's files are imported like any others, named after the archive (this one holds a copy of vertical.pdf).
    expect(['imported', 'duplicate']).toContain(outcomes.get('bad/path_traversal.zip/records/report.pdf')?.status);

    refused('pdf/pdfjs/issue6010_1.pdf', 'password-protected', /password-protected.*unlocked copy/);
    refused('pdf/ocrmypdf/invalid.pdf', 'damaged', /damaged/);
    refused('bad/empty.pdf', 'empty', /empty \(0 bytes\)/);
    refused('bad/truncated_rotation.pdf', 'truncated', /incomplete/);
    refused('bad/random_64k.bin', 'unsupported', /cannot tell what kind of file/);
    refused('bad/truncated_photo.jpg', 'damaged', /image is damaged.*premature end/);
    refused('images/QuickTime.heic', 'damaged', /HEIC.*holds no picture.*JPEG/);
    refused('bad/flat_ratio_20MiB.zip', 'too-large', /20 KB to 20\.0 MB, 1,022 times its size.*zip bombs/);
    refused('bad/path_traversal.zip/../../outside.pdf', 'unsafe', /leads out of the archive's folder.*other files were looked at/);
    // An entry locked with a password is refused on its own; the archive's other file comes in.
    refused('bad/password_entry.zip/locked.pdf', 'password-protected', /password/);
    expect(['imported', 'duplicate']).toContain(outcomes.get('bad/password_entry.zip/open.pdf')?.status);

    // Every file on disk has its outcome; an archive that opened is told through its files.
    const inputs = [...fs.globSync('{pdf,images,bad}/**/*', { cwd: path.join(ROOT, 'tests/fixtures') })].filter(
      (f) => fs.statSync(path.join(ROOT, 'tests/fixtures', f)).isFile() && !['bad/path_traversal.zip', 'bad/password_entry.zip', 'bad/nested_bomb_100MiB.zip'].includes(f),
    );
    for (const input of inputs) expect(outcomes.has(input), input).toBe(true);
    // The three archives, the one entry each of path_traversal.zip and password_entry.zip that is read
    // (the others are refused from the archive's listing), the ten archives inside the nested one.
    expect(progress.at(-1)).toBe(inputs.length + 3 + 1 + 1 + 10);
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

describe("an import's profile", () => {
  it('says where the time went by kind of work: every kind the files needed, and none they did not', async () => {
    const { run } = setup();
    const result = await run(fixture('pdf/ocrmypdf/trivial.pdf'), fixture('images/typewriter.png'), fixture('ccda/HL7_CCD_2.xml'));
    expect(result.imported).toHaveLength(3);
    const profile = result.profile!;
    for (const stage of ['pdf-text', 'photos', 'suggestions', 'records', 'vault', 'database'] as const) expect(profile[stage], stage).toBeGreaterThan(0);
    // No DICOM, no archive, no series to draw.
    expect(profile.dicom).toBe(0);
    expect(profile.archives).toBe(0);
    expect(profile.thumbnails).toBe(0);
  });
});
