import { describe, expect, it } from 'vitest';
import { SPECIALTIES } from '../../../shared/case-types.ts';
import { said } from '../../../shared/said.ts';
import { identityWords } from '../../../shared/patient-match.ts';
import type { ChecklistItem } from '../../../shared/case-types.ts';
import { evaluateChecklist, rulesFor } from '../../../shared/checklist.ts';
import type { ChecklistDocument, ChecklistInput } from '../../../shared/checklist.ts';
import { CHECKLIST_AR, CHECKLIST_EN, CHECKLIST_ES } from '../../../shared/checklist-words.ts';
import { STARTER_QUESTIONS, starterQuestions } from '../../../shared/starter-questions.ts';
import { catalogueProblems } from '../../helpers/icu.ts';

let nextId = 1;
function doc(fields: Partial<ChecklistDocument> & Pick<ChecklistDocument, 'type'>): ChecklistDocument {
  return { id: nextId++, kind: 'file', title: 'Document', date: '2026-09-01', facility: null, modalities: [], warnings: [], ...fields };
}
const study = (modalities: string[], fields: Partial<ChecklistDocument> = {}) => doc({ kind: 'study', type: 'imaging-study', modalities, ...fields });

const letter = doc({ type: 'recommendation', title: 'Surgeon’s recommendation', facility: 'Cascade Spine Center' });
const complete = (specialty: ChecklistInput['specialty'], documents: ChecklistDocument[]): ChecklistInput => ({
  specialty,
  today: '2026-11-22',
  documents: [letter, doc({ type: 'medication-list' }), ...documents],
  recommendationDocumentIds: [letter.id],
  questions: 3,
  medications: { count: 0, newest: null },
  allergies: { count: 1 },
  labs: { count: 0, newest: null },
});

const byRule = (items: readonly ChecklistItem[]) => Object.fromEntries(items.map((i) => [i.rule, i]));
const statuses = (items: readonly ChecklistItem[]) => Object.fromEntries(items.map((i) => [i.rule, i.status]));

describe('the completeness check', () => {
  it('has rules for every specialty, and the common ones for all', () => {
    for (const s of SPECIALTIES) {
      const ids = rulesFor(s).map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(['recommendation-in-writing', 'medication-list', 'allergies', 'recent-note', 'questions']));
      expect(STARTER_QUESTIONS[s].length).toBeGreaterThan(1);
    }
  });

  it('passes a complete spine case', () => {
    const items = evaluateChecklist(complete('spine-orthopedic', [study(['MR']), doc({ type: 'imaging-report', title: 'MRI Lumbar Spine' })]));
    expect(items.filter((i) => i.status !== 'met')).toEqual([]);
  });

  it('asks for the images themselves, not only the radiologist’s report, from the imaging center that made them', () => {
    const items = byRule(evaluateChecklist(complete('spine-orthopedic', [doc({ type: 'imaging-report', title: 'MRI Lumbar Spine', facility: 'Evergreen Imaging' })])));
    expect(items['imaging-images']).toEqual({
      rule: 'imaging-images',
      status: 'missing',
      message: expect.stringContaining('not only the report'),
      ask: 'Ask Evergreen Imaging for a CD (or download link) of the images in DICOM format.',
    });
    expect(items['imaging-report']!.status).toBe('met');
    // An X-ray study does not meet a neurosurgery case, which needs MRI or CT.
    expect(statuses(evaluateChecklist(complete('neurosurgery', [study(['CR']), doc({ type: 'imaging-report' })])))['imaging-images']).toBe('missing');
  });

  it('says each common gap in plain words, with whom to ask', () => {
    const input: ChecklistInput = {
      ...complete('other', []),
      documents: [doc({ type: 'consult-note', facility: 'Mercy Clinic', date: '2026-10-01' })],
      recommendationDocumentIds: [],
      questions: 0,
      allergies: { count: 0 },
    };
    const items = byRule(evaluateChecklist(input));
    expect(items['recommendation-in-writing']).toMatchObject({ status: 'missing', ask: expect.stringContaining('Ask Mercy Clinic for the note from the visit') });
    expect(items['medication-list']).toMatchObject({ status: 'missing', ask: 'Ask Mercy Clinic for a current medication list, or write one (Health record → Medications).' });
    expect(items['allergies']!.status).toBe('missing');
    expect(items['questions']).toMatchObject({ status: 'missing', message: expect.stringContaining('questions') });
    expect(items['recent-note']!.status).toBe('met');
    // A medication list from a download counts as much as a document.
    expect(byRule(evaluateChecklist({ ...input, medications: { count: 3, newest: '2026-08-01' } }))['medication-list']!.status).toBe('met');
  });

  it('warns when the newest record of a needed kind is more than a year old', () => {
    const old = evaluateChecklist(complete('spine-orthopedic', [study(['MR'], { date: '2024-06-01' }), doc({ type: 'imaging-report', date: '2024-06-01', facility: 'Lakeshore Imaging' })]));
    expect(byRule(old)['imaging-images']).toMatchObject({ status: 'warning', message: expect.stringMatching(/newest is from 1 Jun 2024, more than a year old/) });
    expect(byRule(old)['imaging-images']!.ask).toBe('Ask Lakeshore Imaging whether there is a newer one.');
    // Asked of whoever made the newest one.
    expect(byRule(old)['imaging-report']!.ask).toBe('Ask Lakeshore Imaging whether there is a newer one.');
  });

  it('wants each cardiac test, the ECG and echo before sending, stress test and catheterization as warnings', () => {
    const none = statuses(evaluateChecklist(complete('cardiology', [])));
    expect(none).toMatchObject({ ecg: 'missing', echo: 'missing', 'stress-test': 'warning', catheterization: 'warning' });
    const all = statuses(
      evaluateChecklist(
        complete('cardiology', [
          doc({ type: 'cardiac-test', title: '12-Lead Electrocardiogram' }),
          doc({ type: 'cardiac-test', title: 'Transthoracic Echocardiogram Report' }),
          doc({ type: 'cardiac-test', title: 'Myocardial Perfusion Imaging - Pharmacologic Stress' }),
          doc({ type: 'cardiac-test', title: 'Cardiac Catheterization Laboratory' }),
        ]),
      ),
    );
    expect(all).toMatchObject({ ecg: 'met', echo: 'met', 'stress-test': 'met', catheterization: 'met' });
  });

  it('wants pathology and staging for cancer, and recent labs', () => {
    const gaps = byRule(evaluateChecklist(complete('oncology', [])));
    expect(gaps['pathology-report']).toMatchObject({ status: 'missing', message: expect.stringContaining('markers') });
    expect(gaps['staging']!.status).toBe('missing');
    expect(gaps['labs']!.status).toBe('warning');
    const petReport = doc({ type: 'imaging-report', title: 'PET/CT Skull Base to Mid-Thigh', facility: 'Valley Imaging' });
    // The report alone is not the staging images (the staging rule says so, once).
    const reportOnly = byRule(evaluateChecklist({ ...complete('oncology', [doc({ type: 'pathology-report' }), petReport]), labs: { count: 12, newest: '2026-11-01' } }));
    expect(reportOnly['staging']!.status).toBe('missing');
    expect(reportOnly['report-images']).toBeUndefined();
    // With an MRI in the case, the PET/CT report's own images are still missing: said for that report.
    const otherImages = byRule(evaluateChecklist({ ...complete('oncology', [doc({ type: 'pathology-report' }), petReport, study(['MR'])]), labs: { count: 12, newest: '2026-11-01' } }));
    expect(otherImages['report-images']).toEqual({
      rule: 'report-images',
      status: 'missing',
      message: '“PET/CT Skull Base to Mid-Thigh” (1 Sept 2026): its images are not in this case. The specialist reads the images themselves, not only the report.',
      ask: 'Ask Valley Imaging for the images of this exam on a disc (DICOM), then add them to the case.',
    });
    const met = statuses(
      evaluateChecklist({ ...complete('oncology', [doc({ type: 'pathology-report' }), petReport, study(['PT', 'CT'], { date: '2026-09-01' })]), labs: { count: 12, newest: '2026-11-01' } }),
    );
    expect(met).toMatchObject({ 'pathology-report': 'met', staging: 'met', labs: 'met' });
    expect(met['report-images']).toBeUndefined();
  });

  it('matches an imaging report to the study the library matched it to, or to a study of its modality within two weeks', () => {
    const ctReport = doc({ type: 'imaging-report', title: 'Chest imaging', date: '2026-09-01' });
    const matched = study(['CT'], { date: '2026-08-01', matchedReportIds: [ctReport.id] });
    expect(statuses(evaluateChecklist(complete('radiology', [ctReport, matched])))['report-images']).toBeUndefined();
    const mri = doc({ type: 'imaging-report', title: 'MRI Lumbar Spine', date: '2026-09-03' });
    expect(statuses(evaluateChecklist(complete('spine-orthopedic', [mri, study(['MR'], { date: '2026-09-01' })])))['report-images']).toBeUndefined();
    // A CT of another month, or an MRI of the same day, is not the CT report's images.
    const ct = doc({ type: 'imaging-report', title: 'CT Abdomen', date: '2026-09-01' });
    expect(statuses(evaluateChecklist(complete('general-surgery', [ct, study(['CT'], { date: '2026-06-01' })])))['report-images']).toBe('missing');
    expect(statuses(evaluateChecklist(complete('general-surgery', [ct, study(['MR'], { date: '2026-09-01' })])))['report-images']).toBe('missing');
    // A pathologist reviews slides, not images: no such item there.
    expect(statuses(evaluateChecklist(complete('pathology', [ct])))['report-images']).toBeUndefined();
  });

  it('lists a study’s radiology-ready gaps, but not its report check (the specialty’s rule says that)', () => {
    const ready = study(['CT'], {
      title: 'CT Chest',
      facility: 'Valley Imaging',
      readiness: [
        { check: 'acquired', status: 'ok', message: 'As acquired.', words: said('ready-acquired') },
        { check: 'thin-slices', status: 'warning', message: 'Only thick CT reconstructions (thinnest 5 mm).', words: said('ready-thick', { mm: 5, thin: 1.5 }) },
        { check: 'report', status: 'missing', message: 'No report.', words: said('ready-no-report') },
      ],
    });
    const items = evaluateChecklist(complete('radiology', [ready, doc({ type: 'imaging-report', title: 'CT Chest', date: '2026-09-01' })])).filter((i) => i.rule === 'radiology-ready');
    expect(items).toEqual([
      {
        rule: 'radiology-ready',
        status: 'warning',
        message: '“CT Chest”: Only thick CT reconstructions (thinnest 5 mm). A radiologist usually wants the thin slices (1.5 mm or less): ask the imaging center for the thin-slice series.',
        ask: 'Ask Valley Imaging for the complete study on a disc: every series, as acquired, without lossy compression.',
      },
    ]);
    // In Spanish, the study's own check is said in Spanish too, not put into the sentence in English.
    const spanish = evaluateChecklist(complete('radiology', [ready, doc({ type: 'imaging-report', title: 'CT Chest', date: '2026-09-01' })]), 'es').filter((i) => i.rule === 'radiology-ready');
    expect(spanish.map((i) => i.message)).toEqual([expect.stringContaining('Solo hay reconstrucciones gruesas de TC (la más fina de 5 mm).')]);
  });

  it('warns when a document names someone else', () => {
    const items = evaluateChecklist(complete('radiology', [study(['CT'], { title: 'CT Chest', facility: 'Valley Imaging', warnings: [identityWords({ names: ['John Doe'], birthDates: [] }, { name: 'Ann Lee', dateOfBirth: null })] }), doc({ type: 'imaging-report' })]));
    expect(items.find((i) => i.rule === 'patient-mismatch')).toEqual({
      rule: 'patient-mismatch',
      status: 'warning',
      message: '“CT Chest”: It names John Doe, not Ann Lee.',
      ask: 'Check with Valley Imaging that it belongs to the patient before sending it.',
    });
    // In Spanish, the reason is said in Spanish too.
    const spanish = evaluateChecklist(complete('radiology', [study(['CT'], { title: 'CT Chest', facility: 'Valley Imaging', warnings: [identityWords({ names: ['John Doe'], birthDates: ['1950-02-03'] }, { name: 'Ann Lee', dateOfBirth: '1961-07-08' })] }), doc({ type: 'imaging-report' })]), 'es');
    expect(spanish.find((i) => i.rule === 'patient-mismatch')!.message).toBe('«CT Chest»: Nombra a John Doe y da la fecha de nacimiento 3 feb 1950; Ann Lee nació el 8 jul 1961.');
  });
});

describe("the checklist in the window's languages", () => {
  for (const [language, catalogue] of [['es', CHECKLIST_ES], ['ar', CHECKLIST_AR]] as const) {
    it(`${language}: has every message of the English, each taking the values the English takes`, () => {
      expect(catalogueProblems(CHECKLIST_EN, catalogue, language)).toEqual([]);
    });
  }

  // A spine case with old medications, no images, a Spanish letter and a specialist whose centre reads English.
  const medications = doc({ type: 'medication-list', date: '2024-03-02', facility: 'Clínica San Rafael' });
  const informe = doc({ type: 'consult-note', title: 'Informe de consulta', facility: 'Clínica San Rafael', languages: ['es'] });
  const input: ChecklistInput = {
    ...complete('spine-orthopedic', [informe]),
    documents: [letter, medications, informe],
    readers: [{ name: 'Dr. Lena Brandt', institution: 'University Spine Center', reads: ['en'] }],
  };

  it('says the same of the same case in Spanish, with the records’ own names and dates as the language writes them', () => {
    const english = evaluateChecklist(input);
    const spanish = evaluateChecklist(input, 'es');
    expect(spanish.map((i) => [i.rule, i.status])).toEqual(english.map((i) => [i.rule, i.status]));
    const es = byRule(spanish);
    expect(es['imaging-images']).toMatchObject({
      message: 'Faltan las propias imágenes (DICOM) de RM, TC o radiografía; un especialista lee las imágenes, no solo el informe.',
      ask: 'Pida al centro de diagnóstico por imagen un CD (o un enlace de descarga) con las imágenes en formato DICOM.',
    });
    expect(es['medication-list']).toMatchObject({
      status: 'warning',
      message: 'Se incluye una lista de medicamentos actual. Pero el más reciente es del 2 mar 2024, de hace más de un año.',
      ask: 'Pregunte a Clínica San Rafael si hay uno más reciente.',
    });
    expect(es['record-language']).toMatchObject({
      message: '«Informe de consulta» está en español; Dr. Lena Brandt (University Spine Center) lee registros en inglés.',
      ask: 'Pida a Clínica San Rafael una copia en inglés, o encargue su traducción a un traductor médico jurado (muchos centros solo aceptan registros en inglés o traducciones juradas).',
    });
    // English, for the command line and the files, is as it was.
    expect(byRule(english)['medication-list']!.message).toBe('A current medication list is included. But the newest is from 2 Mar 2024, more than a year old.');
  });

  it('says it in Arabic, and falls back to English for a language it does not have', () => {
    const ar = byRule(evaluateChecklist(input, 'ar'));
    expect(ar['imaging-images']!.message).toBe('صور الرنين المغناطيسي أو التصوير المقطعي أو الأشعة السينية نفسها (DICOM) ناقصة؛ فالطبيب المختص يقرأ الصور، لا التقرير وحده.');
    expect(ar['record-language']!.message).toBe('«Informe de consulta» مكتوب باللغة الإسبانية؛ وDr. Lena Brandt (University Spine Center) يقرأ السجلات باللغة الإنجليزية.');
    expect(evaluateChecklist(input, 'fr')).toEqual(evaluateChecklist(input));
  });
});

describe('the questions to start from', () => {
  it('are offered in Spanish and Arabic too, the same questions in the same order', () => {
    for (const s of SPECIALTIES) {
      const english = starterQuestions(s, 'en');
      expect(english).toEqual(STARTER_QUESTIONS[s]);
      for (const language of ['es', 'ar'] as const) {
        const theirs = starterQuestions(s, language);
        expect(theirs).toHaveLength(english.length);
        expect(new Set(theirs).size).toBe(theirs.length);
        theirs.forEach((question, i) => {
          expect(question).not.toBe(english[i]);
          expect(question.endsWith(language === 'es' ? '?' : '؟')).toBe(true);
        });
      }
    }
    expect(starterQuestions('pathology', 'es')[0]).toBe('¿Está de acuerdo con el diagnóstico y su grado?');
    expect(starterQuestions('pathology', 'fr')).toEqual(STARTER_QUESTIONS.pathology);
  });
});
