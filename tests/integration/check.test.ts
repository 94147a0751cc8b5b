import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../electron/library/library.ts';
import { databaseOf, importerFor, newLibrary } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';

const libraries: Library[] = [];
afterEach(() => {
  for (const l of libraries.splice(0)) l.close();
});

async function libraryWithTwoDocuments() {
  const { library, patient } = newLibrary();
  libraries.push(library);
  const { importer, close } = importerFor(library, 1);
  const result = await importer.start({ paths: [fixture('pdf/pdfjs/rotation.pdf'), fixture('images/linn.png')], patientId: patient.id }).result;
  await close();
  // Imported side by side: the results come in the order the files finished, so find each by its name.
  const find = (end: string) => library.documents.get(result.imported.find((i) => i.path.endsWith(end))!.id);
  return { library, pdf: find('.pdf'), png: find('.png') };
}

describe('check', () => {
  it('passes a sound library and re-reads every original', async () => {
    const { library } = await libraryWithTwoDocuments();
    expect(await library.check()).toEqual({ ok: true, problems: [], notes: [], documents: 2, filesVerified: 2 });
  });

  it('finds an original that was altered or deleted', async () => {
    const { library, pdf, png } = await libraryWithTwoDocuments();
    const file = library.vault.pathFor(pdf.sha256!);
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'tampered');
    fs.rmSync(library.vault.pathFor(png.sha256!), { force: true });
    const report = await library.check();
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(2);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^Document ${pdf.id}: .*has 6613 bytes, expected 6605`)),
        expect.stringMatching(new RegExp(`^Document ${png.id}: .*missing`)),
      ]),
    );
  });

  it('finds a document with missing pages and a search index out of step', async () => {
    const { library, pdf } = await libraryWithTwoDocuments();
    const db = databaseOf(library);
    db.prepare('DELETE FROM pages WHERE document_id = ? AND number = 2').run(pdf.id);
    db.prepare("INSERT INTO pages_fts(rowid, text) VALUES (9999, 'ghost')").run();
    db.close();
    const report = await library.check();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        `Document ${pdf.id} should have 2 pages of text but has 1.`,
        expect.stringMatching(/search index of page text does not match/),
      ]),
    );
  });

  it('notes originals no document uses, without calling the library broken', async () => {
    const { library } = await libraryWithTwoDocuments();
    await library.vault.commit(await library.vault.stage(fixture('images/MWG.jpg')));
    const report = await library.check();
    expect(report.ok).toBe(true);
    expect(report.notes).toEqual([expect.stringMatching(/1 original file\(s\) in the vault belong to no document/)]);
  });
});
