/**
 * What the back end says to a person, in the window's language: every reason and note the importer
 * gives about real bad files (nobody here wrote them), a renamed photo, a portal download naming someone
 * else, a disc and archives; a study's radiology-ready checks; the errors a form or a folder meets. Said
 * in Spanish and Arabic with no English sentence left, and in English exactly as the command line prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/app/backend.ts';
import { dispatch } from '../../electron/app/dispatch.ts';
import { Library } from '../../electron/library/library.ts';
import type { ImportOutcome, ImportResult } from '../../shared/import-types.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';
import { readManifest } from '../../electron/library/backup.ts';
import { gatherCase } from '../../electron/export/gather.ts';
import { planVolumes } from '../../electron/export/zip.ts';
import { ERROR_AR, ERROR_EN, ERROR_ES } from '../../shared/error-words.ts';
import { IMPORT_AR, IMPORT_EN, IMPORT_ES } from '../../shared/import-words.ts';
import { say, sayAll } from '../../shared/said.ts';
import { REDACTION_AR, REDACTION_EN, REDACTION_ES } from '../../shared/redaction-words.ts';
import { EXPORT_AR, EXPORT_EN, EXPORT_ES } from '../../shared/export-words.ts';
import { SUGGESTION_AR, SUGGESTION_EN, SUGGESTION_ES } from '../../shared/suggestion-words.ts';
import { STUDY_AR, STUDY_EN, STUDY_ES } from '../../shared/study-words.ts';
import { catalogueProblems } from '../helpers/icu.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';
import { importingLibrary } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

/** Runs each piece of work, keeping what it threw (each is expected to throw). */
function attempts() {
  const errors: unknown[] = [];
  const attempt = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      errors.push(error);
    }
  };
  return { errors, attempt };
}

const BAD = ['empty.pdf', 'random_64k.bin', 'actually_png.pdf', 'truncated_rotation.pdf', 'truncated_photo.jpg', 'password_entry.zip', 'path_traversal.zip', 'flat_ratio_20MiB.zip'];

/** The English messages with no values: whole sentences that must not be left in another language. */
const FIXED_ENGLISH = [...Object.values(IMPORT_EN), ...Object.values(STUDY_EN), ...Object.values(ERROR_EN), ...Object.values(REDACTION_EN), ...Object.values(EXPORT_EN), ...Object.values(SUGGESTION_EN)].filter((m) => !m.includes('{'));

function told(outcome: ImportOutcome): string {
  return outcome.status === 'refused' || outcome.status === 'skipped' ? outcome.reason : (outcome.note ?? '');
}

describe("what the back end says, in the window's language", () => {
  for (const [language, imports, studies, errors, redactions, exports, suggestions] of [['es', IMPORT_ES, STUDY_ES, ERROR_ES, REDACTION_ES, EXPORT_ES, SUGGESTION_ES], ['ar', IMPORT_AR, STUDY_AR, ERROR_AR, REDACTION_AR, EXPORT_AR, SUGGESTION_AR]] as const) {
    it(`${language}: has every message of the English, each taking the values the English takes`, () => {
      expect(catalogueProblems(IMPORT_EN, imports, language)).toEqual([]);
      expect(catalogueProblems(STUDY_EN, studies, language)).toEqual([]);
      expect(catalogueProblems(ERROR_EN, errors, language)).toEqual([]);
      expect(catalogueProblems(REDACTION_EN, redactions, language)).toEqual([]);
      expect(catalogueProblems(EXPORT_EN, exports, language)).toEqual([]);
      expect(catalogueProblems(SUGGESTION_EN, suggestions, language)).toEqual([]);
    });
  }

  it('says each file’s reason and note in Spanish and Arabic, and in English exactly as before', async () => {
    const { run } = importingLibrary({ patient: { name: 'Gustavo Mejía', dateOfBirth: '1986-01-01' } });
    // Hostile and broken health record files (a billion laughs, a C-CDA cut in half, broken and empty FHIR).
    const dir = tempDir();
    const write = (name: string, content: string) => {
      fs.writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    const consult = fs.readFileSync(fixture('ccda/HL7_Consultation_Note.xml'), 'utf8');
    const records = [
      write('billion-laughs.xml', '<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&b;</title></ClinicalDocument>'),
      write('cut-off.xml', consult.slice(0, Math.floor(consult.length / 2))),
      write('wrong-shape.json', JSON.stringify({ resourceType: 'Claim', id: 'c1', status: 'active' })),
      write('broken.json', '{"resourceType": "Bundle", "entry": [ {"resource": '),
    ];
    const result = await run(
      ...records,
      ...BAD.map((f) => fixture(`bad/${f}`)),
      fixture('dicom/single/MR_truncated.dcm'),
      fixture('images/derived/two_page_scan.tif'),
      fixture('fhir/Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json'),
      fixture('dicom/derived/hospital_cd.zip'),
    );
    const all = [...result.imported, ...result.merged, ...result.duplicates, ...result.skipped, ...result.refused];
    const withWords = all.filter((o) => told(o));
    expect(withWords.length).toBeGreaterThanOrEqual(12);
    for (const outcome of withWords) {
      expect(outcome.words, outcome.path).toBeDefined();
      // English: what the command line prints, unchanged.
      expect(sayAll(outcome.words!, 'en'), outcome.path).toBe(told(outcome));
      for (const language of ['es', 'ar']) {
        const text = sayAll(outcome.words!, language);
        expect(text, `${language} ${outcome.path}`).not.toBe(told(outcome));
        for (const english of FIXED_ENGLISH) expect(text, `${language} ${outcome.path}`).not.toContain(english);
        // Nothing said "as written" but what a record or a program wrote (a name, an error's own text).
        expect(outcome.words!.filter((w) => w.key === 'as-written'), outcome.path).toEqual([]);
      }
    }
    const byFile = (name: string) => withWords.find((o) => o.path.endsWith(name))!;
    expect(sayAll(byFile('empty.pdf').words!, 'es')).toBe('Este archivo está vacío (0 bytes), así que no hay nada que importar. Si vino de una descarga o de un correo, descárguelo de nuevo.');
    expect(sayAll(byFile('truncated_rotation.pdf').words!, 'ar')).toContain('ملف PDF هذا ناقص');
    // Sizes and counts as the language writes them.
    expect(sayAll(byFile('flat_ratio_20MiB.zip').words!, 'es')).toMatch(/pasaría de \d+ kB a 20,0 MB/);
    // The held-back download: its other name and birth date, and the patient's, in Spanish.
    const buster = sayAll(byFile('.json').words!, 'es');
    expect(buster).toContain('Historia clínica:');
    expect(buster).toContain('Nombra a Buster Hoeger y da la fecha de nacimiento 16 mar 1988; Gustavo Mejía nació el 1 ene 1986.');
    expect(told(byFile('.json'))).toContain('It names Buster Hoeger and gives the date of birth 16 Mar 1988; Gustavo Mejía was born 1 Jan 1986.');
    expect(sayAll(byFile('billion-laughs.xml').words!, 'es')).toMatch(/^Este archivo XML declara un DOCTYPE o entidades/);
    expect(sayAll(byFile('cut-off.xml').words!, 'es')).toMatch(/^Este archivo XML está dañado \(.* en la línea \d+\)/);
    // A scan waiting for OCR.
    expect(sayAll(byFile('two_page_scan.tif').words!, 'es')).toBe('Sus 2 páginas son imágenes de texto: el OCR las leerá.');
  });

  it('says a value that is itself something said (a DICOM file’s problem) in the same language', () => {
    const problem = { key: 'dicom-bad-start' } as const;
    expect(say({ key: 'dicom-damaged', values: { problem } }, 'es')).toMatch(/^Este archivo DICOM no se puede leer: no empieza como empiezan los archivos DICOM\./);
    expect(say({ key: 'dicom-damaged', values: { problem } })).toMatch(/^This DICOM file cannot be read: it does not start the way DICOM files do\./);
    // A language the window does not speak says English.
    expect(say({ key: 'folder' }, 'fr')).toBe('This is a folder, not a file.');
  });

  it('Arabic: a number given as a plain value still takes the noun its count needs', () => {
    expect(say({ key: 'err.passphrase-short', values: { min: 8 } }, 'ar')).toMatch(/^عبارة المرور قصيرة جدًا: استخدم 8 أحرف على الأقل /);
    expect(say({ key: 'err.compose-too-many', values: { max: 40 } }, 'ar')).toBe('المستند المُنشأ من الصور لا يتجاوز 40 صفحة.');
    expect(say({ key: 'ready-some-dicomdir', values: { yes: 3, known: 5 } }, 'ar')).toMatch(/^3 فقط من 5 ملفات جاءت /);
    expect(say({ key: 'ready-some-dicomdir', values: { yes: 3, known: 12 } }, 'ar')).toMatch(/^3 فقط من 12 ملفًا جاءت /);
  });

  it('says a study’s radiology-ready checks and its patient warnings in the language, from a real disc', async () => {
    const { library, patient, run } = importingLibrary();
    const result = await run(fixture('dicom/derived/hospital_cd.zip'));
    const ct = result.imported.find((i) => i.study && library.studies.details(i.id, patient).modalities.includes('CT'))!;
    const details = library.studies.details(ct.id, patient);
    expect(details.readiness.length).toBeGreaterThanOrEqual(4);
    for (const check of details.readiness) {
      expect(say(check.words)).toBe(check.message);
      for (const language of ['es', 'ar']) {
        const text = say(check.words, language);
        expect(text).not.toBe(check.message);
        for (const english of FIXED_ENGLISH) expect(text).not.toContain(english);
      }
    }
    expect(details.warnings.map((w) => say(w, 'es'))).toEqual([expect.stringMatching(/^Los archivos del estudio nombran al paciente «CT1 CompressedSamples», no a Margaret O'Neill\./)]);
  });

  it('says why a date of service is suggested in the language, kept in the library as what was said', async () => {
    const { library, run } = importingLibrary({ patient: { name: 'Elena Vasquez-Moreau', dateOfBirth: '1967-05-21' } });
    // A surgeon's letter printed by Chromium (tests/fixtures/document-corpus): its date of service is the visit's.
    const result = await run(fixture('document-corpus/tuning/spine surgeon letter.pdf'));
    const doc = library.documents.get(result.imported[0]!.id);
    expect(doc.suggested.dateOfService).toBe('2025-05-29');
    expect(say(doc.dateReason!)).toMatch(/^29 May 2025 \(“.*”\) is when the care happened/);
    const spanish = say(doc.dateReason!, 'es');
    expect(spanish).toMatch(/^29 may 2025 \(«.*»\) es cuando se prestó la atención/);
    expect(spanish).not.toMatch(/care happened|written on|plan for later/);
    expect(say(doc.dateReason!, 'ar')).toMatch(/هو وقت تقديم الرعاية/);
  });

  it('names the documents it imports in the window’s language', async () => {
    const letter = fixture('document-corpus/tuning/spine surgeon letter.pdf');
    const report = fixture('document-corpus/tuning/pathology.pdf');
    const download = fixture('fhir', 'Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json');
    // As the command line names them: in English.
    const english = importingLibrary({ patient: { name: 'Elena Vasquez-Moreau', dateOfBirth: '1967-05-21' } });
    const titleOf = (documents: { originalName: string; title: string }[], name: string) => documents.find((d) => d.originalName === name)!.title;
    const inEnglish = (await english.run(letter, report)).imported.map((i) => english.library.documents.get(i.id));
    const [letterInEnglish, reportInEnglish] = [titleOf(inEnglish, 'spine surgeon letter.pdf'), titleOf(inEnglish, 'pathology.pdf')];
    expect(letterInEnglish).toBe("Surgeon's recommendation from Cascadia Spine & Orthopaedics");
    for (const [language, expected, downloadTitle] of [
      ['es', 'Recomendación del cirujano de Cascadia Spine & Orthopaedics', 'Descarga de la historia clínica (FHIR) de Buster Hoeger'],
      ['ar', 'توصية الجرّاح من Cascadia Spine & Orthopaedics', 'تنزيل السجل الصحي (FHIR) الخاص بـ Buster Hoeger'],
    ] as const) {
      const dir = path.join(tempDir(), 'library');
      Library.open(dir, { create: true }).close();
      const backend = new Backend({ libraryDir: dir, ...NO_DESKTOP, emit: () => undefined, version: 'test', importThreads: 1, backgroundOcr: false });
      try {
        const call = async (channel: string, ...args: unknown[]) => {
          const answer = await dispatch(backend.handlers, channel, args);
          if (!answer.ok) throw new Error(answer.error.message);
          return answer.value as never;
        };
        const patient: { id: number } = await call('patients:add', { name: 'Elena Vasquez-Moreau', dateOfBirth: '1967-05-21' });
        // The window says its language as it starts; the titles the library makes follow it.
        await call('shell:window-language', language, true);
        backend.chosen.choose(letter, report, download);
        const { jobId }: { jobId: string } = await call('import:start', [letter, report, download], patient.id);
        const result: ImportResult = await call('import:result', jobId);
        const imported = result.imported.map((i) => backend.library.documents.get(i.id));
        expect(titleOf(imported, 'spine surgeon letter.pdf')).toBe(expected);
        // A report with a heading of its own keeps it, as printed.
        expect(titleOf(imported, 'pathology.pdf')).toBe(reportInEnglish);
        // Synthea's download (naming someone else, so held back, but named all the same).
        expect(titleOf(imported, path.basename(download))).toBe(downloadTitle);
      } finally {
        await backend.close();
      }
    }
  });

  it('says the errors a person meets in the window in the language, and crosses to the window with its words', () => {
    const { library, patient } = importingLibrary();
    const { errors, attempt } = attempts();
    attempt(() => library.patients.add({ name: '  ' }));
    attempt(() => library.patients.add({ name: 'Ana Ruiz', dateOfBirth: '2999-01-01' }));
    attempt(() => library.cases.create(patient.id, { title: '', specialty: 'spine-orthopedic' }, new Date()));
    attempt(() => library.settings.setIdleLockMinutes(5000));
    library.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1980-02-03' });
    attempt(() => library.patients.add({ name: 'ana ruiz', dateOfBirth: '1980-02-03' }));
    // A link to what is no longer there (a document emptied from the trash, a case deleted).
    attempt(() => library.documents.get(9999));
    attempt(() => library.cases.get(9999));
    attempt(() => library.studies.details(9999, patient));
    expect(errors).toHaveLength(8);
    for (const error of errors) {
      const info = toErrorInfo(error, 'test');
      expect(info.words, info.message).toBeDefined();
      expect(say(info.words!)).toBe(info.message);
      const es = say(info.words!, 'es');
      expect(es).not.toBe(info.message);
      for (const english of FIXED_ENGLISH) expect(es).not.toContain(english);
    }
    expect(say(toErrorInfo(errors[1], 'test').words!, 'es')).toBe('La fecha de nacimiento 2999-01-01 está en el futuro. Revise el año.');
    expect(say(toErrorInfo(errors[0], 'test').words!, 'ar')).toBe('يحتاج المريض إلى اسم. أدخل اسم المريض.');
    expect(say(toErrorInfo(errors[4], 'test').words!, 'es')).toMatch(/^Ya hay un paciente llamado Ana Ruiz, con fecha de nacimiento 1980-02-03 \(número \d+\)\. Use ese paciente/);
    expect(toErrorInfo(errors[5], 'test').message).toBe('There is no document number 9999 in this library.');
    expect(say(toErrorInfo(errors[5], 'test').words!, 'es')).toBe('No hay ningún documento número 9999 en esta biblioteca.');
  });

  it('says in the language what a case meets when a document, a question, an opinion or an entry is not what the window thought', async () => {
    const { library, patient, importer } = importingLibrary();
    const { errors, attempt } = attempts();
    const c = library.cases.create(patient.id, { title: 'Knee replacement', specialty: 'spine-orthopedic' }, new Date());
    const other = library.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1980-02-03' });
    const [theirs] = (await importer.start({ paths: [fixture('pdf', 'ghostscript', 'std14.pdf')], patientId: other.id }).result).imported;
    attempt(() => library.cases.addDocuments(c.id, [theirs!.id]));
    attempt(() => library.cases.setIncluded(c.id, 4242, false));
    attempt(() => library.cases.updateQuestion(4242, 'Why now?'));
    attempt(() => library.cases.removeOpinion(4242));
    attempt(() => library.records.removeRecord(4242));
    attempt(() => library.patients.get(4242));
    expect(errors).toHaveLength(6);
    for (const error of errors) {
      const info = toErrorInfo(error, 'test');
      expect(info.words, info.message).toBeDefined();
      expect(say(info.words!)).toBe(info.message);
      for (const language of ['es', 'ar']) expect(say(info.words!, language)).not.toBe(info.message);
    }
    const [foreign, notIn, question, opinion] = errors.map((e) => toErrorInfo(e, 'test'));
    expect(foreign!.message).toBe(`Document #${theirs!.id} belongs to another patient; a case holds only its own patient's documents.`);
    expect(say(notIn!.words!, 'es')).toBe(`El documento n.º 4242 no está en el caso n.º ${c.id}.`);
    expect(say(question!.words!, 'es')).toBe('No hay ninguna pregunta n.º 4242.');
    expect(say(opinion!.words!, 'ar')).toBe('لا يوجد رأي رقم \u20684242\u2069.');
  });

  it('says in the language what a backup folder, an export or a correction meets when the library is not as the window thought', () => {
    const { library, patient } = importingLibrary();
    const { errors, attempt } = attempts();
    const c = library.cases.create(patient.id, { title: 'Knee replacement', specialty: 'spine-orthopedic' }, new Date());
    const other = library.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1980-02-03' });
    const same = library.patients.add({ name: 'Ana Ruiz-Soto', dateOfBirth: '1981-02-03' });
    attempt(() => readManifest(tempDir()));
    attempt(() => planVolumes([{ name: 'DICOM/0001.dcm', file: '/nowhere', size: 31_040_000 }], 25_000_000));
    attempt(() => gatherCase(library, c.id, null, { ...DEFAULT_EXPORT_CHOICES, documentIds: [12, 1345] }, new Date()));
    attempt(() => gatherCase(library, c.id, 77, DEFAULT_EXPORT_CHOICES, new Date()));
    attempt(() => library.corrections.merge(other.id, same.id));
    attempt(() => library.cases.addSpecialist(c.id, { name: '  ' }));
    expect(errors).toHaveLength(6);
    for (const error of errors) {
      const info = toErrorInfo(error, 'test');
      expect(info.words, info.message).toBeDefined();
      expect(say(info.words!)).toBe(info.message);
      for (const language of ['es', 'ar']) {
        const said = say(info.words!, language);
        expect(said).not.toBe(info.message);
        for (const english of FIXED_ENGLISH) expect(said).not.toContain(english);
      }
    }
    const [backup, zip, notInCase, specialist, merge, name] = errors.map((e) => toErrorInfo(e, 'test'));
    expect(backup!.message).toMatch(/ is not a Casebinder backup: it has no casebinder-backup\.json\. Choose the folder a backup was made into\.$/);
    expect(zip!.message).toBe('"DICOM/0001.dcm" is 31.0 MB, more than the 25 MB size limit allows in one ZIP. Choose a larger limit, or leave the images out (reports only).');
    expect(say(zip!.words!, 'es')).toBe('«DICOM/0001.dcm» ocupa 31,0 MB, más de lo que permite en un solo ZIP el límite de 25 MB. Elija un límite mayor, o deje fuera las imágenes (solo informes).');
    expect(notInCase!.message).toBe('Documents 12, 1345 are not in this case. Add them to the case first.');
    expect(say(notInCase!.words!, 'es')).toBe('Los documentos 12 y 1345 no están en este caso. Añádalos primero al caso.');
    expect(say(specialist!.words!, 'es')).toBe('El especialista 77 no es uno de los especialistas de este caso. Añádalo primero al caso.');
    expect(merge!.message).toMatch(/^Ana Ruiz was born 1980-02-03 and Ana Ruiz-Soto 1981-02-03: they are not one person\./);
    expect(say(name!.words!, 'ar')).toBe('اذكر اسم الطبيب المختص.');
  });
});
