import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { labReports, writeLabReport } from '../corpus/lab-reports.ts';
import { renderPdf } from '../corpus/render.ts';
import { scoreLabReports } from '../corpus/lab-score.ts';
import { importerFor, newLibrary } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('lab results read from lab report PDFs', () => {
  it('reads every value of four layouts exactly, and nothing that is not on the page', async () => {
    const scores = await scoreLabReports(labReports(3), tempDir());
    expect(scores.map((s) => s.layout)).toEqual(['flag-column', 'in-out-of-range', 'two-column', 'multi-page']);
    for (const score of scores) {
      expect(score.misses, score.layout).toEqual([]);
      expect(score.invented, score.layout).toBe(0);
    }
  });

  it('keeps them with their page, waiting to be confirmed, and finds no results in documents that are not lab reports', async () => {
    const { library } = newLibrary();
    // The generated reports are Jane Doe's (for anyone else their values would be held back).
    const patient = library.patients.add({ name: 'Jane Doe', dateOfBirth: '1970-02-03' });
    const { importer, close } = importerFor(library);
    cleanup.push(() => library.close(), close);
    const dir = tempDir();
    const [multi] = labReports(1).filter((r) => r.layout === 'multi-page');
    const file = path.join(dir, 'long report.pdf');
    await writeLabReport(multi!, file);
    const result = await importer.start({ paths: [file, fixture('pdf/pdfjs/rotation.pdf'), fixture('pdf/ocrmypdf/multipage.pdf')], patientId: patient.id }).result;
    const report = result.imported.find((i) => i.path === file)!;
    expect(report.note).toMatch(/70 lab results were read from its tables; check them against the page to confirm them/);
    const labs = library.records.labs({ patientId: patient.id });
    // A test drawn twice on the same day with the same value is one fact.
    expect(labs.length).toBeGreaterThan(60);
    expect(labs.every((l) => l.source.documentId === report.id && !l.confirmed && l.origin === 'pdf' && l.date === multi!.collected)).toBe(true);
    // Read on every page of the report, its table going on from one page to the next.
    const pages = library.documents.get(report.id).pages;
    expect(pages).toBeGreaterThan(1);
    expect(new Set(labs.map((l) => l.source.page))).toEqual(new Set(Array.from({ length: pages }, (_, i) => i + 1)));
    const confirmed = library.records.confirmLabs([labs[0]!.id]);
    expect(confirmed[0]!.confirmed).toBe(true);
    expect(library.records.labs({ patientId: patient.id, confirmed: false })).toHaveLength(labs.length - 1);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('says so when a lab report has no table it can read, and imports it with its text', async () => {
    const { library, patient } = newLibrary();
    const { importer, close } = importerFor(library);
    cleanup.push(() => library.close(), close);
    const file = path.join(tempDir(), 'odd layout.pdf');
    await renderPdf(
      [
        { kind: 'letterhead', lines: ['Harbor Reference Laboratory', 'Lab Report'] },
        { kind: 'fields', pairs: [['Collected', '03/14/2024'], ['Ordering physician', 'Dana Kim, MD']] },
        { kind: 'table', header: ['Analysis', 'Reading', 'Dimension'], rows: [['Glucose', '92', 'mg/dL'], ['Sodium', '140', 'mmol/L']] },
      ],
      { font: 'Helvetica' },
      file,
    );
    const result = await importer.start({ paths: [file], patientId: patient.id }).result;
    expect(result.imported[0]).toMatchObject({ type: 'lab-report', note: expect.stringMatching(/No results table Casebinder reads was found/) });
    expect(library.records.labs({ patientId: patient.id })).toEqual([]);
    expect(library.search.search('glucose', { patientId: patient.id })).toHaveLength(1);
  });
});
