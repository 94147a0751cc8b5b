import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { casebinder } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

interface StudyJson {
  studyInstanceUid: string;
  studyDate: string | null;
  modalities: string[];
  description: string | null;
  series: { seriesInstanceUid: string; modality: string | null; description: string | null; instances: number }[];
  warnings: string[];
}

/** A patient advocate's session: a radiology CD, phone photos of a letter, OCR, one document from the photos. */
describe('imaging studies, photos and OCR on the command line', () => {
  const library = path.join(tempDir(), 'lib');
  let studyId: number;

  beforeAll(() => {
    casebinder(library, ['init']);
    casebinder(library, ['patient', 'add', 'Jane Roe', '--dob', '1970-02-03']);
  });

  it('imports a CD folder, one record per study', () => {
    const run = casebinder(library, ['import', fixture('dicom/pydicom_dicomdirtests/77654033'), '--json']);
    expect(run.code).toBe(0);
    const result = run.json as { imported: { id: number; type: string; study: { files: number; series: number }; note: string }[] };
    expect(result.imported.map((i) => [i.type, i.study.files, i.study.series])).toEqual(
      expect.arrayContaining([
        ['imaging-study', 3, 3],
        ['imaging-study', 4, 1],
      ]),
    );
    expect(result.imported[0]!.note).toContain('not Jane Roe');
  });

  it('lists studies with list --type imaging-study', () => {
    const run = casebinder(library, ['list', '--type', 'imaging-study', '--json']);
    expect(run.code).toBe(0);
    const studies = run.json as { id: number; kind: string; title: string; imaging: { modalities: string[]; series: number; instances: number } }[];
    expect(studies.map((s) => [s.kind, s.title, s.imaging])).toEqual(
      expect.arrayContaining([
        ['study', 'CT, HEAD/BRAIN WO CONTRAST', { modalities: ['CT'], series: 1, instances: 4 }],
        ['study', 'XR C Spine Comp Min 4 Views', { modalities: ['CR'], series: 3, instances: 3 }],
      ]),
    );
    studyId = studies.find((s) => s.title.startsWith('CT'))!.id;
  });

  it('shows a study with its series', () => {
    const run = casebinder(library, ['show', String(studyId), '--json']);
    expect(run.code).toBe(0);
    const shown = run.json as { type: string; kind: string; study: StudyJson };
    expect(shown).toMatchObject({ kind: 'study', type: 'imaging-study' });
    expect(shown.study).toMatchObject({
      studyInstanceUid: expect.stringMatching(/^[\d.]+$/),
      studyDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      modalities: ['CT'],
      description: 'CT, HEAD/BRAIN WO CONTRAST',
      series: [{ seriesInstanceUid: expect.stringMatching(/^[\d.]+$/), modality: 'CT', description: expect.any(String), instances: 4 }],
    });
    expect(shown.study.warnings).toEqual([expect.stringContaining('not Jane Roe')]);
    const text = casebinder(library, ['show', String(studyId)]).stdout;
    expect(text).toContain('Imaging study: CT, HEAD/BRAIN WO CONTRAST');
    expect(text).toMatch(/Series \(1, 4 file\(s\)\):\n\s+\d+\s+CT\s+4 file\(s\)/);
    expect(text).toContain('warning: The study');
  });

  it('imports a phone photo, waits for OCR with --ocr, and finds its words with search', () => {
    const run = casebinder(library, ['import', fixture('images/derived/phone_photo_orientation6.jpg'), '--ocr', '--json']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ imported: [{ pages: 1 }], ocr: { pagesRead: 1, pagesFailed: 0, cancelled: false }, pagesWaitingForOcr: 0 });
    const search = casebinder(library, ['search', 'Linzensoep', '--json']);
    expect(search.json).toEqual([expect.objectContaining({ title: 'phone photo orientation6', page: 1, snippet: expect.stringContaining('*Linzensoep*'), ocrConfidence: expect.any(Number) })]);
  });

  it('leaves photos for OCR without --ocr, says so, and reads them with casebinder ocr', () => {
    const run = casebinder(library, ['import', fixture('images/derived/phone_photo.heic'), fixture('images/derived/two_page_scan.tif')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 scanned page(s) wait for OCR; read them with: casebinder ocr');
    const ocr = casebinder(library, ['ocr', '--json']);
    expect(ocr).toMatchObject({ code: 0, json: { pagesRead: 3, pagesFailed: 0, languages: ['eng'] } });
    expect(casebinder(library, ['ocr']).stdout).toContain('OCR read 0 page(s)');
  });

  it('sets the OCR languages, and reads again in them', () => {
    expect(casebinder(library, ['ocr-languages', 'eng', 'fra', '--json']).json).toMatchObject({ languages: ['eng', 'fra'] });
    const wrong = casebinder(library, ['ocr-languages', 'xx']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('"xx" is not a language Casebinder can read');
    const heic = (casebinder(library, ['list', '--json']).json as { id: number; mediaType: string }[]).find((d) => d.mediaType === 'image/heic')!.id;
    const again = casebinder(library, ['ocr', '--again', '--document', String(heic), '--json']);
    expect(again.json).toMatchObject({ pagesRead: 1, languages: ['eng', 'fra'] });
    expect(casebinder(library, ['show', String(heic), '--json']).json).toMatchObject({ ocrPages: [{ page: 1, state: 'done', languages: 'eng+fra' }] });
  });

  it('makes one document from photos, turned and cropped, and lists it instead of them', () => {
    const docs = casebinder(library, ['list', '--json']).json as { id: number; mediaType: string }[];
    const jpg = docs.find((d) => d.mediaType === 'image/jpeg')!.id;
    const tif = docs.find((d) => d.mediaType === 'image/tiff')!.id;
    const run = casebinder(library, ['compose', `${tif}:2`, String(jpg), '--title', 'Soup recipe', '--rotate', `${jpg}=90`, '--crop', `${tif}:2=0,0,0.5,1`, '--json']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ title: 'Soup recipe', pages: 2, madeFrom: [tif, jpg], mediaType: 'application/pdf' });
    const listed = (casebinder(library, ['list', '--json']).json as { id: number }[]).map((d) => d.id);
    expect(listed).not.toContain(jpg);
    expect(casebinder(library, ['show', String(jpg), '--json']).json).toMatchObject({ partOf: (run.json as { id: number }).id });
    const bad = casebinder(library, ['compose', String(jpg), '--title', 'x', '--rotate', `${jpg}=45`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Turn a page by 90, 180 or 270 degrees');
  });

  it('checks the library with its studies, files and photos', () => {
    const run = casebinder(library, ['check', '--json']);
    expect(run).toMatchObject({ code: 0, json: { ok: true } });
    expect(fs.existsSync(path.join(library, 'vault'))).toBe(true);
  });
});

describe('radiology-ready checks on a hospital CD (show --json)', () => {
  it('judges each study from its files and matches the radiologist’s report by date and modality', () => {
    const library = path.join(tempDir(), 'ready');
    casebinder(library, ['init']);
    casebinder(library, ['patient', 'add', 'Jane Roe', '--dob', '1970-02-03']);
    const imported = JSON.parse(casebinder(library, ['import', fixture('dicom/hospital_cd'), fixture('pdf/ocrmypdf/multipage.pdf'), '--json']).stdout) as { imported: { id: number; type: string }[] };
    const pdf = imported.imported.find((i) => i.type !== 'imaging-study')!;
    // A report of the CT's day (19 Jan 2004) that names a CT: the person files the PDF as that report.
    casebinder(library, ['edit', String(pdf.id), '--type', 'imaging-report', '--date', '2004-01-19', '--title', 'CT Head without contrast']);
    const studies = JSON.parse(casebinder(library, ['list', '--type', 'imaging-study', '--json']).stdout) as { id: number; title: string }[];
    const show = (title: string) => JSON.parse(casebinder(library, ['show', String(studies.find((s) => s.title === title)!.id), '--json']).stdout) as { readiness: { check: string; status: string; message: string }[] };
    const checks = (title: string) => Object.fromEntries(show(title).readiness.map((r) => [r.check, r]));

    // CT_small (NEMA WG04): 5 mm slices, uncompressed, from a disc with its DICOMDIR, its report matched.
    const ct = checks('e+1');
    expect(ct['dicomdir']!.status).toBe('ok');
    expect(ct['acquired']!.status).toBe('ok');
    expect(ct['lossy']!.status).toBe('ok');
    expect(ct['thin-slices']).toMatchObject({ status: 'warning', message: expect.stringContaining('thinnest 5 mm') });
    expect(ct['report']).toMatchObject({ status: 'ok', message: expect.stringContaining('“CT Head without contrast” (same date, “CT”)') });
    // The NM image on the disc is a JPEG-compressed secondary capture: not what a radiologist reads.
    const nm = checks('Whole Body Bone');
    expect(nm['acquired']!.status).toBe('missing');
    expect(nm['lossy']).toMatchObject({ status: 'warning', message: expect.stringContaining('JPEG extended') });
    expect(nm['report']!.status).toBe('missing');
    // The same, in words.
    expect(casebinder(library, ['show', String(studies.find((s) => s.title === 'e+1')!.id)]).stdout).toMatch(/Ready for a radiologist\?\n {2}ok {6}dicomdir/);
  });
});
