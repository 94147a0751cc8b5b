import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pagePictureFrom, startExport } from '../../electron/export/start.ts';
import { Library } from '../../electron/library/library.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { labReports, writeLabReport } from '../corpus/lab-reports.ts';
import type { LabReport } from '../corpus/lab-reports.ts';
import { importerFor } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The packet's text, page by page, as poppler reads it. */
function pagesOf(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 1 << 26 }).toString().split('\f');
}

/** A new library with Jane Doe (born 3 Feb 1970), its importer and a worker pool, closed after the test. */
function janesLibrary() {
  const dir = tempDir();
  const library = Library.open(path.join(dir, 'library'), { create: true, now: () => new Date('2026-11-22T10:00:00Z') });
  const jane = library.patients.add({ name: 'Jane Doe', dateOfBirth: '1970-02-03' });
  const { importer, close } = importerFor(library);
  const pool = new WorkerPool({ threads: 1 });
  cleanup.push(() => library.close(), close, () => pool.close());
  return { dir, library, jane, importer, pool };
}

describe('what the specialist reads in the packet', () => {
  it('prints every lab value of the documents sent, marks those not yet checked, and leaves out another person\'s facts', async () => {
    // The generated reports print "Patient: DOE, JANE  DOB: 02/03/1970".
    const { dir, library, jane, importer, pool } = janesLibrary();
    const reports = labReports(2, 77).filter((r) => r.layout === 'flag-column');
    const files: string[] = [];
    for (const [i, report] of reports.entries()) {
      files.push(path.join(dir, `labs ${i + 1}.pdf`));
      await writeLabReport(report, files[i]!);
    }
    const result = await importer.start({ paths: [...files, fixture('ccda/HL7_Consultation_Note.xml')], patientId: jane.id }).result;
    expect(result.refused).toEqual([]);
    const idOf = (file: string) => result.imported.find((i) => i.path === file)!.id;
    // The person checked the first report's values; the second's wait.
    const first = library.records.labs({ patientId: jane.id, documentId: idOf(files[0]!) });
    library.records.confirmLabs(first.map((l) => l.id));
    const waiting = library.records.labs({ patientId: jane.id, confirmed: false });
    expect(waiting.length).toBe(new Set(reports[1]!.rows.map((r) => `${r.name}|${r.value}`)).size);

    const c = library.cases.create(jane.id, { title: 'Thyroid surgery', specialty: 'general-surgery' }, new Date());
    library.cases.addDocuments(c.id, library.documents.list({ patientId: jane.id }).map((d) => d.id));
    const out = path.join(dir, 'out');
    const written = await startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: false }, outDir: out }).result;
    const pages = pagesOf(written.packet);
    const text = pages.join('\n');
    // From the lab section's heading to the index that follows it.
    const labPages = text.slice(text.search(/^Lab results$/m), text.indexOf('Index of enclosed documents\n'));
    expect(labPages.length).toBeGreaterThan(500);

    // Every value of both reports is on the lab pages, whatever the person checked.
    const rows = (report: LabReport) => report.rows.map((r) => r.value);
    for (const value of [...rows(reports[0]!), ...rows(reports[1]!)]) expect(labPages).toContain(value);
    // Those not yet checked say so, each beside the page it comes from.
    const marked = labPages.match(/· not yet\s+checked/g) ?? [];
    expect(marked.length).toBe(waiting.length);
    expect(labPages).toMatch(/read from the report, not yet checked/);
    expect(labPages).toMatch(/D\d p\. 1 · not yet\s+checked/);

    // Eve Betterhalf's platelets (123, 2013) and her medicines and allergies are not Jane's.
    expect(labPages).not.toMatch(/2013/);
    const records = text.slice(0, text.search(/^Lab results$/m));
    expect(records).not.toMatch(/atenolol|codeine|Penicillin|asthma/i);
    const cover = pages[0]!;
    expect(cover).toContain('Jane Doe');
  });

  it('the timeline wraps long types and titles instead of cutting them, and a study naming another person is told as a fact, not as advice to the patient', async () => {
    const { dir, library, jane, importer, pool } = janesLibrary();
    // CT_small's files name "CompressedSamples^CT1" (pydicom's sample), not Jane.
    const result = await importer.start({ paths: [fixture('pdf/pdfjs/rotation.pdf'), fixture('dicom/single/CT_small.dcm')], patientId: jane.id }).result;
    expect(result.refused).toEqual([]);
    const pdf = result.imported.find((i) => i.path.endsWith('rotation.pdf'))!.id;
    const title = 'Laminectomy and posterior instrumented fusion L4 to S1 with decompression of the right L5 nerve root';
    library.documents.edit(pdf, { type: 'operative-note', title, dateOfService: '2026-10-01' });
    const c = library.cases.create(jane.id, { title: 'Spine surgery', specialty: 'spine-orthopedic' }, new Date());
    library.cases.addDocuments(c.id, library.documents.list({ patientId: jane.id }).map((d) => d.id));
    const written = await startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: false }, outDir: path.join(dir, 'out') }).result;
    const text = pagesOf(written.packet).join('\n');
    const timeline = text.slice(text.search(/^Timeline$/m), text.search(/^Index of enclosed documents$/m));
    // Every word of the type and the title, across as many lines as they take (poppler's layout puts the
    // wrapped lines of the two columns side by side, so the words are counted, not read in one line).
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const timelineWords = words(timeline);
    for (const word of words(`Operative or procedure note ${title}`)) expect(timelineWords, word).toContain(word);
    expect(timeline).not.toContain('…');
    // The study's page says whose name its files carry, and nothing meant for the patient.
    expect(text.replace(/\s+/g, ' ')).toContain('Note: The study\'s files name the patient "CT1 CompressedSamples", not Jane Doe.');
    expect(text).not.toMatch(/before sending/);
  });
});
