import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';
import { timeline, undatedDocuments } from '../../electron/library/timeline.ts';
import { importerFor, newLibrary } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('a case on the library', () => {
  it('warns when a portal download in it names someone else, leaves its facts out of the checklist and the timeline, and the timeline holds the case\'s dated things', async () => {
    const { library, patient } = newLibrary();
    const { importer, close } = importerFor(library);
    cleanup.push(() => library.close(), close);
    const result = await importer.start({ paths: [fixture('ccda/HL7_Consultation_Note.xml')], patientId: patient.id }).result;
    const doc = result.imported[0]!.id;
    const c = library.cases.create(patient.id, { title: 'Diabetic foot ulcer surgery', specialty: 'general-surgery' }, new Date());
    library.cases.addDocuments(c.id, [doc]);
    library.cases.addRecommendation(c.id, { clinician: 'Henry Seven', procedure: 'Debridement', date: '2013-08-01', documentIds: [doc] });
    library.cases.addOpinion(c.id, {
      specialistId: null,
      by: 'Ana Ruiz, MD',
      date: '2013-09-01',
      summary: 'Wound care first',
      stand: 'differs',
      procedure: 'Wound care',
      urgency: null,
      risks: null,
      alternatives: null,
      documentId: null,
    });
    const checklist = library.cases.checklist(c.id, '2013-10-01');
    expect(checklist.filter((i) => i.rule === 'patient-mismatch').map((i) => i.message)).toEqual([
      "“Community Health Consult Note”: It names Eve Betterhalf and gives the date of birth 1 May 1975; Margaret O'Neill was born 12 Apr 1958.",
    ]);
    // Eve's labs, allergies and medications are not Margaret's: the checklist does not count them.
    expect(library.records.labs({ patientId: patient.id, withHeldBack: true }).length).toBe(5);
    expect(['labs', 'allergies', 'medication-list'].map((rule) => checklist.find((i) => i.rule === rule)?.message)).toEqual([
      'No lab results are included.',
      expect.stringMatching(/^Allergies are not listed/),
      expect.stringMatching(/^There is no current medication list/),
    ]);
    const entries = timeline(library, patient.id, c.id);
    expect(entries.map((e) => [e.date, e.kind])).toEqual([
      ['2013-07-31', 'document'],
      ['2013-08-01', 'recommendation'],
      ['2013-09-01', 'opinion'],
    ]);
    expect(entries.find((e) => e.kind === 'opinion')).toMatchObject({ title: 'Opinion: differs (Wound care)', flagged: true });
    // A document with no date has no place in the timeline: it is counted, so the timeline can say so.
    expect(undatedDocuments(library, patient.id, c.id)).toBe(0);
    const undated = (await importer.start({ paths: [fixture('pdf/pdfjs/rotation.pdf')], patientId: patient.id }).result).imported[0]!.id;
    expect(undatedDocuments(library, patient.id, c.id)).toBe(0);
    library.cases.addDocuments(c.id, [undated]);
    expect(undatedDocuments(library, patient.id, c.id)).toBe(1);
    expect(timeline(library, patient.id, c.id)).toHaveLength(3);
    library.documents.edit(undated, { dateOfService: '2013-07-01' });
    expect(undatedDocuments(library, patient.id, c.id)).toBe(0);
  });

  it('counts only the facts of the case\'s own documents (and those typed in): a case with no documents has no allergies listed', async () => {
    const { library } = newLibrary();
    const buster = library.patients.add({ name: 'Buster Hoeger', dateOfBirth: '1988-03-16' });
    const { importer, close } = importerFor(library);
    cleanup.push(() => library.close(), close);
    const result = await importer.start({ paths: [fixture('fhir/Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json')], patientId: buster.id }).result;
    expect(library.records.counts(buster.id)).toMatchObject({ labs: 15, medication: 1 });
    const c = library.cases.create(buster.id, { title: 'Sinus surgery', specialty: 'general-surgery' }, new Date());
    const message = (rule: string) => library.cases.checklist(c.id, '2020-01-01').find((i) => i.rule === rule)?.message;
    expect([message('medication-list'), message('labs'), message('allergies')]).toEqual([
      expect.stringMatching(/^There is no current medication list/),
      'No lab results are included.',
      expect.stringMatching(/^Allergies are not listed/),
    ]);
    library.cases.addDocuments(c.id, [result.imported[0]!.id]);
    expect(message('medication-list')).not.toMatch(/no current medication list/);
    expect(message('labs')).toBe('Recent lab results are included.');
    library.cases.setIncluded(c.id, result.imported[0]!.id, false);
    expect(message('medication-list')).toMatch(/no current medication list/);
    // What the person typed in is theirs, case or no case.
    library.records.addRecord(buster.id, { kind: 'allergy', name: 'Penicillin', codes: [] }, new Date());
    expect(library.cases.checklist(c.id, '2020-01-01').find((i) => i.rule === 'allergies')?.status).toBe('met');
  });

  it('corrects a recommendation and an opinion as recorded, and removes an opinion', () => {
    const { library, patient } = newLibrary();
    cleanup.push(() => library.close());
    const c = library.cases.create(patient.id, { title: 'Knee replacement', specialty: 'spine-orthopedic' }, new Date());
    const rec = library.cases.addRecommendation(c.id, { clinician: 'Dr A', procedure: 'Total knee replacement', urgency: 'soon' });
    library.cases.updateRecommendation(rec.id, { urgency: 'within 3 months', risks: 'Infection' });
    expect(library.cases.details(c.id).recommendations[0]).toMatchObject({ clinician: 'Dr A', procedure: 'Total knee replacement', urgency: 'within 3 months', risks: 'Infection' });
    expect(() => library.cases.updateRecommendation(rec.id, { procedure: ' ' })).toThrow(/Say what was recommended/);
    const opinion = library.cases.addOpinion(c.id, { specialistId: null, by: 'Dr B', date: null, summary: '', stand: 'agrees', procedure: null, urgency: null, risks: null, alternatives: null, documentId: null });
    library.cases.updateOpinion(opinion.id, { stand: 'partly', procedure: 'Partial knee replacement' });
    expect(library.cases.details(c.id).opinions[0]).toMatchObject({ by: 'Dr B', stand: 'partly', procedure: 'Partial knee replacement' });
    library.cases.removeOpinion(opinion.id);
    expect(library.cases.details(c.id).opinions).toEqual([]);
    expect(() => library.cases.removeOpinion(opinion.id)).toThrow(/no opinion/);
  });

  it('corrects a specialist as recorded, and takes them off the case keeping their opinion under the name it was recorded by', () => {
    const { library, patient } = newLibrary();
    cleanup.push(() => library.close());
    const c = library.cases.create(patient.id, { title: 'Knee replacement', specialty: 'spine-orthopedic' }, new Date());
    const other = library.cases.create(patient.id, { title: 'Shoulder', specialty: 'spine-orthopedic' }, new Date());
    const sp = library.cases.addSpecialist(c.id, { name: 'Dr. Lena Brandt', institution: 'University Spine Center' });
    expect(sp.reads).toEqual(['en']);
    const fixed = library.cases.updateSpecialist(sp.id, { reads: ['de', 'en', 'de'], sizeLimitMb: 20, accepts: 'portal' });
    // Only what was said changes; a language given twice is kept once, in the order first given.
    expect(fixed).toMatchObject({ name: 'Dr. Lena Brandt', institution: 'University Spine Center', reads: ['de', 'en'], sizeLimitMb: 20, accepts: 'portal' });
    expect(library.cases.updateSpecialist(sp.id, { institution: '  ', reads: [] })).toMatchObject({ institution: null, reads: ['en'] });
    expect(() => library.cases.updateSpecialist(sp.id, { name: ' ' })).toThrow('Say the specialist’s name.');
    expect(() => library.cases.addSpecialist(c.id, { name: '  ' })).toThrow('Say the specialist’s name.');
    const opinion = library.cases.addOpinion(c.id, { specialistId: sp.id, by: 'Dr. Lena Brandt', date: null, summary: 'Therapy first', stand: 'differs', procedure: null, urgency: null, risks: null, alternatives: null, documentId: null });
    library.cases.rememberExportChoices(c.id, sp.id, { ...DEFAULT_EXPORT_CHOICES, language: 'es' });
    library.cases.rememberExportChoices(c.id, null, { ...DEFAULT_EXPORT_CHOICES, language: 'es' });
    library.cases.removeSpecialist(sp.id);
    expect(library.cases.details(c.id).specialists).toEqual([]);
    expect(library.cases.details(c.id).opinions).toEqual([expect.objectContaining({ id: opinion.id, by: 'Dr. Lena Brandt', summary: 'Therapy first', specialistId: null })]);
    // What was remembered for them goes; what was remembered for no one in particular stays.
    expect(Object.keys(library.cases.exportChoices(c.id))).toEqual(['0']);
    expect(() => library.cases.removeSpecialist(sp.id)).toThrow(`There is no specialist #${sp.id}.`);
    expect(() => library.cases.updateSpecialist(sp.id, { name: 'X' })).toThrow(`There is no specialist #${sp.id}.`);
    expect(library.cases.details(other.id).specialists).toEqual([]);
  });
});
