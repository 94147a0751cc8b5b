import { afterEach, describe, expect, it } from 'vitest';
import { timeline } from '../../electron/library/timeline.ts';
import { importerFor, newLibrary } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('a case on the library', () => {
  it('warns when a portal download in it names someone else, and its timeline holds its dated things', async () => {
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
      expect.stringMatching(/^“Community Health Consult Note”: This record names the patient "Eve Betterhalf", not Margaret O'Neill/),
      expect.stringMatching(/It gives the date of birth 1975-05-01; Margaret O'Neill's is 1958-04-12/),
    ]);
    // Labs from the note are in the health record; the checklist counts them.
    expect(checklist.find((i) => i.rule === 'labs')?.status).toBe('warning');
    const entries = timeline(library, patient.id, c.id);
    expect(entries.map((e) => [e.date, e.kind])).toEqual([
      ['2013-03-11', 'lab'],
      ['2013-07-31', 'document'],
      ['2013-08-01', 'recommendation'],
      ['2013-09-01', 'opinion'],
    ]);
    expect(entries.find((e) => e.kind === 'lab')).toMatchObject({ title: 'Lab results: 5 values, 1 out of range', flagged: true, documentId: doc });
    expect(entries.find((e) => e.kind === 'opinion')).toMatchObject({ title: 'Opinion: differs (Wound care)', flagged: true });
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
});
