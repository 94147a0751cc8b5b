import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../electron/library/timeline.ts';
import { closeAfterTest, importerFor, importingLibrary } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const CONSULT = 'ccda/HL7_Consultation_Note.xml';
const BUSTER = 'fhir/Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json';

/** A library whose clock the test moves. */
function setup() {
  const clock = { now: new Date('2026-11-01T10:00:00Z') };
  const { library, patient: margaret, importer } = importingLibrary({ now: () => clock.now });
  /** Imports files and gives their documents' ids in the order the files were named. */
  const run = async (patientId: number, ...files: string[]) => {
    const paths = files.map((f) => (path.isAbsolute(f) ? f : fixture(f)));
    const { imported } = await importer.start({ paths, patientId }).result;
    return paths.map((p) => imported.find((i) => i.path === p)?.id);
  };
  return { library, margaret, run, clock };
}

describe('putting mistakes right', () => {
  it('"this is mine": a document naming someone else joins the record, its names become the patient\'s other names, and it can be undone', async () => {
    const { library, margaret, run } = setup();
    const [note] = await run(margaret.id, CONSULT);
    expect(library.documents.get(note!).identity).toMatchObject({ match: 'other', names: ['Eve Betterhalf', 'Eve Everywoman'], birthDates: ['1975-05-01'] });
    expect(library.records.labs({ patientId: margaret.id })).toEqual([]);
    expect(library.records.records(margaret.id, 'allergy')).toEqual([]);

    library.corrections.markMine(note!);
    expect(library.documents.get(note!).identity).toMatchObject({ match: 'same', confirmed: true });
    expect(library.records.labs({ patientId: margaret.id }).map((l) => l.analyte).sort()).toEqual(['Hematocrit', 'Hemoglobin', 'Platelets', 'Red blood cells', 'White blood cells']);
    expect(library.records.records(margaret.id, 'allergy').length).toBeGreaterThan(0);
    expect(library.patients.get(margaret.id).otherNames).toEqual(['Eve Betterhalf', 'Eve Everywoman']);
    expect(timeline(library, margaret.id).some((e) => e.kind === 'lab')).toBe(true);

    expect(library.corrections.history().map((c) => c.description)).toEqual(["Said “Community Health Consult Note” is Margaret O'Neill's"]);
    library.corrections.undo();
    expect(library.documents.get(note!).identity.match).toBe('other');
    expect(library.patients.get(margaret.id).otherNames).toEqual([]);
    expect(library.records.labs({ patientId: margaret.id })).toEqual([]);
    expect(() => library.corrections.undo()).toThrow(/nothing to undo/);
  });

  it('moves a document to the patient it names: its facts go with it, it leaves the other patient\'s cases, and undo puts all back', async () => {
    const { library, margaret, run } = setup();
    const [download] = await run(margaret.id, BUSTER);
    const buster = library.patients.add({ name: 'Buster Hoeger', dateOfBirth: '1988-03-16' });
    const c = library.cases.create(margaret.id, { title: 'Knee', specialty: 'spine-orthopedic' }, new Date());
    library.cases.addDocuments(c.id, [download!]);
    const rec = library.cases.addRecommendation(c.id, { clinician: 'Dr A', procedure: 'Knee replacement', documentIds: [download!] });
    const heldBefore = library.records.labs({ patientId: margaret.id, withHeldBack: true }).length;
    expect(heldBefore).toBe(15);

    library.corrections.move(download!, buster.id);
    expect(library.documents.get(download!)).toMatchObject({ patientId: buster.id, identity: { match: 'same' } });
    expect(library.records.labs({ patientId: buster.id })).toHaveLength(15);
    expect(library.records.counts(buster.id)).toMatchObject({ labs: 15, medication: 1, heldBack: 0 });
    expect(library.records.labs({ patientId: margaret.id, withHeldBack: true })).toEqual([]);
    expect(library.cases.details(c.id).documents).toEqual([]);
    expect(library.cases.details(c.id).recommendations[0]!.documentIds).toEqual([]);
    expect(library.documents.list({ patientId: margaret.id })).toEqual([]);

    library.corrections.undo();
    expect(library.documents.get(download!).patientId).toBe(margaret.id);
    expect(library.records.labs({ patientId: margaret.id, withHeldBack: true })).toHaveLength(15);
    expect(library.records.labs({ patientId: buster.id })).toEqual([]);
    expect(library.cases.details(c.id).documents.map((d) => d.documentId)).toEqual([download]);
    expect(library.cases.details(c.id).recommendations.find((r) => r.id === rec.id)!.documentIds).toEqual([download]);
  });

  it('keeps a fact once when the patient it moves to already has it from another download', async () => {
    const { library, margaret, run } = setup();
    const buster = library.patients.add({ name: 'Buster Hoeger', dateOfBirth: '1988-03-16' });
    await run(buster.id, BUSTER);
    // The same download's copy, filed under the wrong patient.
    const copy = path.join(tempDir(), 'copy.json');
    fs.writeFileSync(copy, `${fs.readFileSync(fixture(BUSTER), 'utf8')}\n`);
    const [wrong] = await run(margaret.id, copy);
    expect(library.records.labs({ patientId: margaret.id, withHeldBack: true })).toHaveLength(15);
    library.corrections.move(wrong!, buster.id);
    expect(library.records.labs({ patientId: buster.id })).toHaveLength(15);
    library.corrections.undo();
    expect(library.records.labs({ patientId: margaret.id, withHeldBack: true })).toHaveLength(15);
    expect(library.records.labs({ patientId: buster.id })).toHaveLength(15);
  });

  it('puts a document in the trash: out of the list, search, cases and the record until restored; emptying removes it and its original for good', async () => {
    const { library, margaret, run, clock } = setup();
    const [pdf, photo] = await run(margaret.id, 'pdf/ocrmypdf/multipage.pdf', 'images/MWG.jpg');
    const c = library.cases.create(margaret.id, { title: 'Case', specialty: 'other' }, new Date());
    library.cases.addDocuments(c.id, [pdf!, photo!]);
    const sha = library.documents.get(pdf!).sha256!;
    const found = library.search.search('multipage').length + library.search.search('page').length;
    expect(found).toBeGreaterThan(0);

    library.corrections.trash([pdf!]);
    expect(library.documents.list({ patientId: margaret.id }).map((d) => d.id)).toEqual([photo]);
    expect(library.search.search('page').map((h) => h.id)).not.toContain(pdf);
    expect(library.cases.details(c.id).documents.map((d) => d.documentId)).toEqual([photo]);
    expect(library.patients.get(margaret.id).documentCount).toBe(1);
    expect(library.corrections.inTrash()).toMatchObject([{ id: pdf, removedAfter: '2026-12-01' }]);

    library.corrections.restore(pdf!);
    expect(library.cases.details(c.id).documents.map((d) => d.documentId)).toEqual([pdf, photo]);
    expect(library.corrections.inTrash()).toEqual([]);

    // Thirty days on, what is still in the trash goes for good, original and all.
    library.corrections.trash([pdf!]);
    clock.now = new Date('2026-11-20T10:00:00Z');
    expect(await library.corrections.emptyTrash({ onlyExpired: true })).toEqual({ removed: 0, filesRemoved: 0 });
    clock.now = new Date('2026-12-02T10:00:00Z');
    expect(await library.corrections.emptyTrash({ onlyExpired: true })).toEqual({ removed: 1, filesRemoved: 1 });
    expect(() => library.documents.get(pdf!)).toThrow(/no document number/);
    expect(fs.existsSync(library.vault.pathFor(sha))).toBe(false);
    expect(library.corrections.history()).toEqual([]);
    expect(await library.check()).toMatchObject({ ok: true });
    // Importing it again makes it a new document.
    const [again] = await run(margaret.id, 'pdf/ocrmypdf/multipage.pdf');
    expect(library.documents.get(again!).sha256).toBe(sha);
  });

  it('importing a document that is in the trash brings it back', async () => {
    const { library, margaret, run } = setup();
    const [pdf] = await run(margaret.id, 'pdf/ocrmypdf/multipage.pdf');
    library.corrections.trash([pdf!]);
    const { importer, close } = importerFor(library);
    closeAfterTest(close);
    const result = await importer.start({ paths: [fixture('pdf/ocrmypdf/multipage.pdf')], patientId: margaret.id }).result;
    expect(result.duplicates).toMatchObject([{ of: pdf, note: 'It was in the trash: it is back in the library, as it was.' }]);
    expect(library.documents.get(pdf!).deletedAt).toBeNull();
  });

  it('merges two patients who are one person, and undoes the merge', async () => {
    const { library, margaret, run } = setup();
    const peggy = library.patients.add({ name: "Peggy O'Neill", contact: '555-0100' });
    const [hers] = await run(margaret.id, 'pdf/ocrmypdf/multipage.pdf');
    const [also] = await run(peggy.id, 'images/MWG.jpg');
    const peggyCase = library.cases.create(peggy.id, { title: 'Shoulder', specialty: 'other' }, new Date());
    library.cases.addDocuments(peggyCase.id, [also!]);
    library.records.addRecord(peggy.id, { kind: 'allergy', name: 'Latex', codes: [] }, new Date());

    expect(() => library.corrections.merge(peggy.id, peggy.id)).toThrow(/two different patients/);
    const merged = library.corrections.merge(peggy.id, margaret.id);
    expect(merged).toMatchObject({ name: "Margaret O'Neill", dateOfBirth: '1958-04-12', contact: '555-0100', otherNames: ["Peggy O'Neill"], documentCount: 2 });
    expect(library.patients.list().map((p) => p.name)).toEqual(["Margaret O'Neill"]);
    expect(library.cases.list(margaret.id).map((c) => c.title)).toEqual(['Shoulder']);
    expect(library.cases.details(peggyCase.id).documents.map((d) => d.documentId)).toEqual([also]);
    expect(library.records.records(margaret.id, 'allergy').map((a) => a.name)).toEqual(['Latex']);
    expect(library.documents.list({ patientId: margaret.id }).map((d) => d.id).sort()).toEqual([hers, also].sort());

    library.corrections.undo();
    expect(library.patients.list().map((p) => p.name).sort()).toEqual(["Margaret O'Neill", "Peggy O'Neill"]);
    expect(library.patients.get(peggy.id)).toMatchObject({ contact: '555-0100', documentCount: 1 });
    expect(library.patients.get(margaret.id)).toMatchObject({ contact: '', otherNames: [] });
    expect(library.cases.list(peggy.id).map((c) => c.id)).toEqual([peggyCase.id]);
    expect(library.records.records(peggy.id, 'allergy').map((a) => a.name)).toEqual(['Latex']);
  });

  it('refuses to merge two people born on different days, and corrects a patient\'s details with undo', async () => {
    const { library, margaret } = setup();
    const other = library.patients.add({ name: "Margaret O'Neill", dateOfBirth: '1961-01-01' });
    expect(() => library.corrections.merge(other.id, margaret.id)).toThrow(/born 1961-01-01 .* not one person/);
    expect(() => library.corrections.editPatient(other.id, { dateOfBirth: '1958-04-12' })).toThrow(/already a patient named Margaret O'Neill born 1958-04-12.*merge/);
    library.corrections.editPatient(other.id, { name: 'Margaret Ann Smith', contact: ' 555-0199 ' });
    expect(library.patients.get(other.id)).toMatchObject({ name: 'Margaret Ann Smith', contact: '555-0199' });
    library.corrections.undo();
    expect(library.patients.get(other.id)).toMatchObject({ name: "Margaret O'Neill", contact: '' });
  });

  it('a photo that is a page of another document goes with that document', async () => {
    const { library, margaret, run } = setup();
    const [a, b] = await run(margaret.id, 'images/MWG.jpg', 'images/derived/phone_photo.heic');
    const { composeDocument } = await import('../../electron/compose/compose.ts');
    const { WorkerPool } = await import('../../electron/workers/pool.ts');
    const pool = new WorkerPool({ threads: 1 });
    closeAfterTest(() => pool.close());
    const made = await composeDocument(library, pool, { title: 'Two pages', pages: [{ documentId: a!, page: 1, rotation: 0 }, { documentId: b!, page: 1, rotation: 0 }] });
    expect(() => library.corrections.trash([a!])).toThrow(/photo of a page of document #\d+\. Delete or move that document instead/);
    library.corrections.trash([made.id]);
    expect(library.documents.get(a!).deletedAt).not.toBeNull();
    expect(library.corrections.inTrash().map((d) => d.id)).toEqual([made.id]);
    expect(await library.corrections.emptyTrash()).toMatchObject({ removed: 3 });
    expect(library.documents.list({ patientId: margaret.id })).toEqual([]);
  });
});
