import { afterEach, describe, expect, it } from 'vitest';
import type { NewDocument } from '../../electron/library/documents.ts';
import type { Library } from '../../electron/library/library.ts';
import { MATCH_END, MATCH_START } from '../../shared/snippet.ts';
import { newLibrary } from '../helpers/library.ts';

const libraries: Library[] = [];
afterEach(() => {
  for (const l of libraries.splice(0)) l.close();
});

let counter = 0;
function add(library: Library, patientId: number, doc: Partial<NewDocument> & { pageTexts: string[] }): number {
  counter++;
  return library.documents.insert(
    {
      patientId,
      sha256: counter.toString(16).padStart(64, '0'),
      originalName: `doc${counter}.pdf`,
      sourcePath: `/records/doc${counter}.pdf`,
      size: 1000,
      mediaType: 'application/pdf',
      title: `Document ${counter}`,
      suggested: { type: null, dateOfService: null, facility: null, clinician: null },
      ...doc,
    },
    new Date('2025-01-01T00:00:00Z'),
  );
}

function setup() {
  const { library, patient } = newLibrary();
  libraries.push(library);
  const robert = library.patients.add({ name: 'Robert Chen', dateOfBirth: '1966-09-30' });
  const psa1 = add(library, robert.id, {
    title: 'PSA August',
    suggested: { type: 'lab-report', dateOfService: '2024-08-12', facility: 'LabCorp', clinician: 'K Patel' },
    pageTexts: ['Prostate Specific Ag, Serum 6.8 High ng/mL 0.0-4.0. PSA, total was rising.'],
  });
  const path = add(library, robert.id, {
    title: 'Surgical Pathology Report',
    suggested: { type: 'pathology-report', dateOfService: '2025-01-08', facility: 'Pacific Pathology Associates', clinician: null },
    pageTexts: ['Accession #: S24-1187', 'FINAL DIAGNOSIS: adenocarcinoma, Gleason 3+4=7', 'Comment: PSA correlation advised. PSA PSA PSA.'],
  });
  const mri = add(library, patient.id, {
    title: 'MRI Lumbar Spine',
    suggested: { type: 'imaging-report', dateOfService: '2025-02-06', facility: 'Lakeshore Imaging Center', clinician: 'Priya Nair, MD' },
    pageTexts: ['Moderate to severe central canal stenosis at L4-L5. Mejía was the technologist.'],
  });
  return { library, margaret: patient, robert, ids: { psa1, path, mri } };
}

describe('search', () => {
  it('finds words on any page and points to that page, with the matched words marked', () => {
    const { library, ids } = setup();
    const [hit] = library.search.search('gleason');
    expect(hit).toMatchObject({ id: ids.path, page: 2, title: 'Surgical Pathology Report', type: 'pathology-report' });
    expect(hit!.snippet).toContain(`${MATCH_START}Gleason${MATCH_END}`);
  });

  it('finds what people type: punctuation, case numbers, accents, partial words', () => {
    const { library, ids } = setup();
    expect(library.search.search('PSA, total').map((h) => h.id)).toEqual([ids.psa1]);
    expect(library.search.search('S24-1187')).toEqual([expect.objectContaining({ id: ids.path, page: 1 })]);
    expect(library.search.search('mejia').map((h) => h.id)).toEqual([ids.mri]);
    expect(library.search.search('adenocarc').map((h) => h.id)).toEqual([ids.path]);
    expect(library.search.search('"NEAR( AND -')).toEqual([]);
  });

  it('ranks page matches by relevance (bm25), one result per document with its other matching pages', () => {
    const { library, robert } = setup();
    const once = add(library, robert.id, { pageTexts: ['The biopsy showed carcinoma in one core of twelve taken today by the urologist.'] });
    const often = add(library, robert.id, { pageTexts: ['Intro page', 'carcinoma carcinoma', 'carcinoma again on page three'] });
    const hits = library.search.search('carcinoma');
    expect(hits.map((h) => h.id)).toEqual([often, once]);
    expect(hits[0]).toMatchObject({ page: 2, otherPages: [3] });
  });

  it('puts documents whose title or details match first: that is usually what a name means', () => {
    const { library, ids } = setup();
    // "PSA August" is a title match; the pathology report only mentions PSA on page 3 (four times).
    expect(library.search.search('PSA').map((h) => h.id)).toEqual([ids.psa1, ids.path]);
    expect(library.search.search('PSA')[1]).toMatchObject({ page: 3 });
  });

  it("searches within one client through the index's owner column, which follows a document moved to another patient", () => {
    const { library, margaret, robert, ids } = setup();
    expect(library.search.search('PSA', { patientId: robert.id }).map((h) => h.id)).toContain(ids.psa1);
    library.corrections.move(ids.psa1, margaret.id);
    expect(library.search.search('PSA', { patientId: robert.id }).map((h) => h.id)).not.toContain(ids.psa1);
    expect(library.search.search('PSA', { patientId: margaret.id }).map((h) => h.id)).toContain(ids.psa1);
    // Its details too (the facility the library suggested, as typed letter by letter), with the client it is under now.
    for (const typed of ['La', 'Lab', 'LabCorp']) {
      expect(library.search.search(typed, { patientId: margaret.id }).map((h) => h.id)).toContain(ids.psa1);
      expect(library.search.search(typed, { patientId: robert.id }).map((h) => h.id)).not.toContain(ids.psa1);
    }
    library.corrections.undo();
    expect(library.search.search('LabCorp', { patientId: robert.id }).map((h) => h.id)).toEqual([ids.psa1]);
    expect(library.search.search('PSA', { patientId: robert.id }).map((h) => h.id)).toContain(ids.psa1);
    // The owner token is never a word of the records: typing it finds nothing.
    expect(library.search.search(`c${robert.id}`)).toEqual([]);
    expect(library.search.search(`c${robert.id}`, { patientId: robert.id })).toEqual([]);
  });

  it("lists one client's documents newest care first while the word is only begun, and by relevance once it says more", () => {
    const { library } = setup();
    const ann = library.patients.add({ name: 'Ann Okafor' });
    const older = add(library, ann.id, {
      suggested: { type: 'imaging-report', dateOfService: '2023-05-01', facility: null, clinician: null },
      pageTexts: ['Stenosis at L3-L4. Stenosis at L4-L5, severe stenosis. Foraminal stenosis.'],
    });
    const newer = add(library, ann.id, {
      suggested: { type: 'consult-note', dateOfService: '2025-02-01', facility: null, clinician: null },
      pageTexts: ['Follow-up visit. Walking tolerance is better with therapy; the stenosis is known. Plan: review in six months, sooner if leg pain returns.'],
    });
    const found = (typed: string) => library.search.search(typed, { patientId: ann.id }).map((h) => h.id);
    expect(found('st')).toEqual([newer, older]);
    expect(found('ste')).toEqual([newer, older]);
    // Four letters and more: ranked (bm25), the report about stenosis first.
    expect(found('sten')).toEqual([older, newer]);
    expect(found('stenosis')).toEqual([older, newer]);
    // Across every client, ranked from the first letters on.
    expect(library.search.search('ste').map((h) => h.id).filter((id) => id === older || id === newer)).toEqual([older, newer]);
  });

  it('combines with filters: patient, type, date range, facility', () => {
    const { library, margaret, robert, ids } = setup();
    expect(library.search.search('PSA', { patientId: margaret.id })).toEqual([]);
    expect(library.search.search('PSA', { patientId: robert.id, types: ['lab-report'] }).map((h) => h.id)).toEqual([ids.psa1]);
    expect(library.search.search('PSA', { from: '2025-01-01' }).map((h) => h.id)).toEqual([ids.path]);
    expect(library.search.search('PSA', { to: '2024-12-31' }).map((h) => h.id)).toEqual([ids.psa1]);
    expect(library.search.search('PSA', { facility: 'labcorp' }).map((h) => h.id)).toEqual([ids.psa1]);
  });

  it('filters by what the person confirmed over what the library suggested', () => {
    const { library, ids } = setup();
    library.documents.edit(ids.psa1, { type: 'correspondence', dateOfService: '2023-01-01' });
    expect(library.search.search('PSA', { types: ['lab-report'] })).toEqual([]);
    expect(library.search.search('PSA', { types: ['correspondence'], to: '2023-12-31' }).map((h) => h.id)).toEqual([ids.psa1]);
  });

  it('finds documents by their details: facility, title, tags and notes', () => {
    const { library, ids } = setup();
    expect(library.search.search('lakeshore')).toEqual([expect.objectContaining({ id: ids.mri, page: 1, snippet: `Facility: ${MATCH_START}Lakeshore${MATCH_END} Imaging Center` })]);
    library.documents.edit(ids.psa1, { tags: ['for Dr Varga'], notes: 'bring to appointment' });
    expect(library.search.search('varga').map((h) => h.id)).toEqual([ids.psa1]);
    expect(library.search.search('appointment').map((h) => h.id)).toEqual([ids.psa1]);
  });

  it('lists documents newest care first, filtered by tag', () => {
    const { library, ids } = setup();
    expect(library.documents.list().map((d) => d.id)).toEqual([ids.mri, ids.path, ids.psa1]);
    library.documents.edit(ids.path, { tags: ['second opinion'] });
    expect(library.documents.list({ tag: 'Second Opinion' }).map((d) => d.id)).toEqual([ids.path]);
  });
});
