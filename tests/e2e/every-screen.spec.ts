/**
 * Every screen of the window in Spanish and in Arabic, on a library holding one of each kind of record:
 * each screen is shown, screenshotted, passes axe, keeps no English of the window's own words, and at
 * 200% zoom (half the CSS pixels) nothing runs off the side of the window. The Arabic screens are laid
 * out right to left.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CATALOGUES } from '../../renderer/src/i18n/index.ts';
import { IMPORT_AR, IMPORT_EN, IMPORT_ES } from '../../shared/import-words.ts';
import type { ImportKey } from '../../shared/import-words.ts';
import { ERROR_AR, ERROR_EN, ERROR_ES } from '../../shared/error-words.ts';
import type { ErrorKey } from '../../shared/error-words.ts';
import { REDACTION_AR, REDACTION_EN, REDACTION_ES } from '../../shared/redaction-words.ts';
import { EXPORT_AR, EXPORT_EN, EXPORT_ES } from '../../shared/export-words.ts';
import type { ExportKey } from '../../shared/export-words.ts';
import { SUGGESTION_AR, SUGGESTION_EN, SUGGESTION_ES } from '../../shared/suggestion-words.ts';
import type { SuggestionKey } from '../../shared/suggestion-words.ts';
import type { RedactionKey } from '../../shared/redaction-words.ts';
import { said, say } from '../../shared/said.ts';
import { STUDY_AR, STUDY_EN, STUDY_ES } from '../../shared/study-words.ts';
import type { StudyKey } from '../../shared/study-words.ts';
import type { MessageKey, WindowLanguage } from '../../renderer/src/i18n/index.ts';
import { labReports, writeLabReport } from '../corpus/lab-reports.ts';
import { fixture } from '../helpers/paths.ts';
import { expect, noViolations, test } from './harness.ts';
import type { App } from './harness.ts';

const IMPORT_LANGUAGES = { en: IMPORT_EN, es: IMPORT_ES, ar: IMPORT_AR } as const;
const STUDY_LANGUAGES = { en: STUDY_EN, es: STUDY_ES, ar: STUDY_AR } as const;
const ERROR_LANGUAGES = { en: ERROR_EN, es: ERROR_ES, ar: ERROR_AR } as const;
const REDACTION_LANGUAGES = { en: REDACTION_EN, es: REDACTION_ES, ar: REDACTION_AR } as const;
const EXPORT_LANGUAGES = { en: EXPORT_EN, es: EXPORT_ES, ar: EXPORT_AR } as const;
const SUGGESTION_LANGUAGES = { en: SUGGESTION_EN, es: SUGGESTION_ES, ar: SUGGESTION_AR } as const;

/**
 * The English sentences of the catalogue, whole, that another language says otherwise: one of them on a
 * screen in Spanish or Arabic is a string the window forgot to translate. Messages with values or
 * elements in them, and short ones (a name like "PET" or "ECG" that every language writes alike), are left
 * to the unit test of the catalogues.
 */
function englishSentences(language: WindowLanguage): string[] {
  const en = CATALOGUES.en;
  const imports = IMPORT_LANGUAGES[language];
  return [
    ...(Object.keys(en) as MessageKey[]).filter((k) => !/^(type|specialty|modality)\./.test(k)).map((k) => [en[k], CATALOGUES[language][k]] as const),
    // What the back end says about imported files (shared/import-words.ts).
    ...(Object.keys(IMPORT_EN) as ImportKey[]).map((k) => [IMPORT_EN[k], imports[k]] as const),
    ...(Object.keys(STUDY_EN) as StudyKey[]).map((k) => [STUDY_EN[k], STUDY_LANGUAGES[language][k]] as const),
    ...(Object.keys(ERROR_EN) as ErrorKey[]).map((k) => [ERROR_EN[k], ERROR_LANGUAGES[language][k]] as const),
    ...(Object.keys(REDACTION_EN) as RedactionKey[]).map((k) => [REDACTION_EN[k], REDACTION_LANGUAGES[language][k]] as const),
    ...(Object.keys(EXPORT_EN) as ExportKey[]).map((k) => [EXPORT_EN[k], EXPORT_LANGUAGES[language][k]] as const),
    ...(Object.keys(SUGGESTION_EN) as SuggestionKey[]).map((k) => [SUGGESTION_EN[k], SUGGESTION_LANGUAGES[language][k]] as const),
  ]
    .filter(([english, theirs]) => english !== theirs && english.length >= 16 && !/[{<]/.test(english))
    .map(([english]) => english);
}

/**
 * The window's own English words left on the screen shown: its text (options of lists too) and the
 * attributes a person reads or hears (the checklist's items included: the back end words them in the
 * window's language).
 */
async function englishLeft(page: Page, sentences: readonly string[]): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const e of body.querySelectorAll('script, style')) e.remove();
    const attributes = [...body.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((e) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => e.getAttribute(a) ?? ''));
    return `${body.textContent}\n${attributes.join('\n')}`;
  });
  return sentences.filter((s) => shown.includes(s));
}

/** At 200% zoom: one column, nothing off the side of the window. Back to 1280 x 800 after. */
async function atTwoHundredPercent(app: App, name: string): Promise<void> {
  const { page } = app;
  await page.setViewportSize({ width: 640, height: 400 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `${name} at 200%` }).toBeLessThanOrEqual(0);
  await app.screenshot(`${name}-200-percent`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('every screen in Spanish and in Arabic: shown, read in the language, passing axe, fitting at 200% zoom', async ({ app }, testInfo) => {
  test.setTimeout(600_000);
  const { page, backend } = app;
  const { library, jobs } = backend;

  // One of each kind of record: a PDF, a lab report, a photo, a CD's imaging study, a C-CDA and a FHIR download.
  const report = labReports(1).find((r) => r.layout === 'flag-column')!;
  const labPdf = testInfo.outputPath('Northside labs.pdf');
  await writeLabReport(report, labPdf);
  const cd = testInfo.outputPath('cd');
  fs.cpSync(fixture('dicom/hospital_cd'), cd, { recursive: true });
  // Synthea's record, made hers (the lab report names her), so its facts are in her record; the C-CDA names
  // someone else, so its page shows the question of whose it is.
  const bundle = JSON.parse(fs.readFileSync(fixture('fhir', 'Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json'), 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
  const person = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
  person.name = [{ use: 'official', family: 'Doe', given: ['Jane'] }];
  person.birthDate = '1970-02-03';
  const record = testInfo.outputPath('portal download.json');
  fs.writeFileSync(record, JSON.stringify(bundle));
  const patient = library.patients.add({ name: 'Jane Doe', dateOfBirth: '1970-02-03' });
  const imported = await jobs.result(
    jobs.startImport({
      paths: [fixture('pdf/pdfjs/rotation.pdf'), labPdf, fixture('images/MWG.jpg'), fixture('images/typewriter.png'), fixture('images/linn.png'), cd, fixture('ccda/HL7_Consultation_Note.xml'), record],
      patientId: patient.id,
    }),
  );
  expect(imported.refused).toEqual([]);
  const docs = library.documents.list({ patientId: patient.id });
  const byName = (name: string) => docs.find((d) => d.originalName === name)!;
  const pdf = byName('rotation.pdf');
  const photo = byName('MWG.jpg');
  const study = docs.find((d) => d.kind === 'study')!;
  const ccda = byName('HL7_Consultation_Note.xml');
  const download = byName('portal download.json');
  const analyte = library.records.labs({ patientId: patient.id }).find((l) => l.source.documentId === byName('Northside labs.pdf').id)!.analyte;
  // Another client, and a document in the trash, so the practice view and the trash have something to show.
  library.patients.add({ name: 'Karim Haddad', dateOfBirth: '1979-01-23' });

  // A case with all its parts.
  const c = library.cases.create(patient.id, { title: 'Knee replacement', specialty: 'spine-orthopedic' }, new Date());
  library.cases.addDocuments(c.id, docs.filter((d) => d.originalName !== 'linn.png').map((d) => d.id));
  library.cases.addRecommendation(c.id, { clinician: 'Dr. Helen Park', facility: 'Riverside Orthopedics', date: '2026-10-02', procedure: 'Total knee replacement', urgency: 'within 6 weeks', reasons: null, risks: 'infection', alternatives: 'physical therapy', documentIds: [pdf.id] });
  library.cases.addQuestion(c.id, '¿Es necesaria la cirugía ahora?');
  const specialist = library.cases.addSpecialist(c.id, { name: 'Dr. Lena Brandt', institution: 'University Knee Center', accepts: 'portal', sizeLimitMb: 25, reads: ['en'] });
  library.cases.addOpinion(c.id, { specialistId: specialist.id, by: 'Dr. Lena Brandt', date: '2026-11-20', summary: 'Try therapy first.', stand: 'differs', procedure: 'Physical therapy for 12 weeks', urgency: null, risks: null, alternatives: null, documentId: null });
  library.cases.addRequest(c.id, { facility: 'Riverside Imaging', what: 'Knee MRI images', askedOn: '2026-09-01', method: 'portal' });
  // A surgeon's letter printed by Chromium (tests/fixtures/document-corpus), outside the case: its suggested
  // date of service comes with why, which the details say in the window's language.
  const letterImport = await jobs.result(jobs.startImport({ paths: [fixture('document-corpus/tuning/spine surgeon letter.pdf')], patientId: patient.id }));
  const letter = letterImport.imported[0]!;

  const screens: { name: string; hash: string; ready: string; also?: string }[] = [
    { name: 'library', hash: '#/', ready: '.doc-row' },
    { name: 'pdf', hash: `#/document/${pdf.id}`, ready: '.pdf-view .page canvas' },
    { name: 'letter', hash: `#/document/${letter.id}`, ready: '.pdf-view .page canvas', also: '.suggestion-reason' },
    { name: 'lab-report', hash: `#/document/${byName('Northside labs.pdf').id}`, ready: '.pdf-view .page canvas', also: '.page-labs' },
    { name: 'photo', hash: `#/document/${photo.id}`, ready: '.image-frame img' },
    { name: 'study', hash: `#/document/${study.id}`, ready: '.series-card' },
    { name: 'viewer', hash: `#/study/${study.id}/viewer`, ready: '.scan-overlay' },
    { name: 'ccda', hash: `#/document/${ccda.id}`, ready: '.narrative-section' },
    { name: 'download', hash: `#/document/${download.id}`, ready: '.narrative-section' },
    { name: 'redact', hash: `#/document/${pdf.id}/redact`, ready: '.redact-page img' },
    { name: 'labs', hash: '#/record?tab=labs', ready: '.labs-table' },
    { name: 'trend', hash: `#/record?tab=labs&analyte=${encodeURIComponent(analyte)}`, ready: '.trend-chart' },
    { name: 'medications', hash: '#/record?tab=medications', ready: '.record-list' },
    { name: 'timeline', hash: '#/record?tab=timeline', ready: '.timeline-month' },
    { name: 'cases', hash: '#/cases', ready: 'h1' },
    { name: 'case', hash: `#/case/${c.id}`, ready: '.compare, #recommendation-title' },
    { name: 'export', hash: `#/case/${c.id}/export`, ready: '#for-whom' },
    { name: 'practice', hash: '#/practice', ready: '.practice-table' },
    { name: 'trash', hash: '#/trash', ready: '.trash-item' },
  ];

  await app.open();
  library.corrections.trash([byName('linn.png').id]);
  for (const language of ['es', 'ar'] as const) {
    const T = CATALOGUES[language];
    const sentences = englishSentences(language);
    await page.evaluate((l) => localStorage.setItem('casebinder:language', l), language);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    for (const screen of screens) {
      const name = `${screen.name}-${language}`;
      await page.goto(`${app.origin}/index.html${screen.hash}`);
      await expect(page.locator(screen.ready).first(), name).toBeVisible({ timeout: 30_000 });
      if (screen.also) await expect(page.locator(screen.also).first(), name).toBeVisible();
      if (screen.name === 'letter') {
        await expect(page.locator('.suggestion-reason').filter({ hasText: language === 'es' ? /29 may 2025 \(«.*»\) es cuando se prestó la atención/ : /هو وقت تقديم الرعاية/ })).toBeVisible();
      }
      await expect(page.locator('.screen-loading')).toHaveCount(0);
      if (screen.name === 'case') {
        // Every part of the case open, the opinions compared with the recommendation.
        for (const link of await page.getByRole('navigation', { name: T['case.parts'] }).getByRole('link').all()) await link.click();
        await expect(page.locator('.compare')).toBeVisible();
        // A specialist being corrected: the languages their centre reads, each with its button to take it away.
        await page.getByRole('button', { name: `${T['record.edit']} Dr. Lena Brandt` }).click();
        await page.locator('.requests form').getByRole('combobox', { name: T['specialists.reads'] }).selectOption('es');
        await expect(page.locator('.requests form .languages-picker li')).toHaveCount(2);
        await page.locator('#specialists-title').scrollIntoViewIfNeeded();
        await app.screenshot(`${name}-specialist`);
      }
      await app.screenshot(name);
      expect(await englishLeft(page, sentences), `English left on ${name}`).toEqual([]);
      await noViolations(app, name);
      await atTwoHundredPercent(app, name);
    }

    // The dialogs of the library: the patient's details, settings, privacy and backups, making a document from photos.
    await page.goto(`${app.origin}/index.html#/`);
    const dialogs: { name: string; open: () => Promise<void> }[] = [
      { name: 'patient', open: () => page.getByRole('button', { name: T['library.patientDetails'] }).click() },
      { name: 'settings', open: () => page.getByRole('button', { name: T['library.settings'] }).click() },
      { name: 'privacy', open: () => page.getByRole('button', { name: T['library.privacy'] }).click() },
      { name: 'compose', open: () => page.getByRole('button', { name: T['library.compose'] }).click() },
    ];
    for (const dialog of dialogs) {
      const name = `${dialog.name}-dialog-${language}`;
      await dialog.open();
      await expect(page.getByRole('dialog')).toBeVisible();
      await app.screenshot(name);
      expect(await englishLeft(page, sentences), `English left on ${name}`).toEqual([]);
      await noViolations(app, name);
      await atTwoHundredPercent(app, name);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }

    // An error the back end says (a backup folder that holds something else), said in the language.
    const taken = testInfo.outputPath(`taken-${language}`);
    fs.mkdirSync(taken, { recursive: true });
    fs.writeFileSync(path.join(taken, 'notes.txt'), 'not a backup');
    await page.getByRole('button', { name: T['library.privacy'] }).click();
    const privacy = page.getByRole('dialog');
    app.dialogs.willChoose(taken);
    await privacy.getByRole('button', { name: T['lock.backUpNow'] }).click();
    await expect(privacy.getByRole('alert')).toHaveText(say(said('err.backup-not-empty', { folder: taken }), language));
    await app.screenshot(`backup-refused-${language}`);
    expect(await englishLeft(page, sentences), `English left on backup-refused-${language}`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // An import, as it ends: every file's outcome, in the language.
    app.dialogs.willChoose(fixture('pdf/pdfjs/rotation.pdf'), fixture('bad/empty.pdf'), fixture('bad/truncated_rotation.pdf'), fixture('bad/random_64k.bin'));
    await page.getByRole('button', { name: T['library.importFiles'] }).click();
    await expect(page.locator('.import-panel .panel-actions.done')).toBeVisible({ timeout: 60_000 });
    const name = `import-${language}`;
    await app.screenshot(name);
    expect(await englishLeft(page, sentences), `English left on ${name}`).toEqual([]);
    await noViolations(app, name);
    await atTwoHundredPercent(app, name);
    await page.locator('.import-panel .panel-actions.done button').click();
  }
  expect(app.errors).toEqual([]);
});
