import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sentences, writeTextPdf } from '../corpus/language-documents.ts';
import { fixture } from '../helpers/paths.ts';
import { darkAndNarrow, expect, noViolations, test } from './harness.ts';

test('records in other languages: a name in Persian letters read as the patient\'s, the patient\'s language, a specialist who reads English, the packet in Spanish', async ({ app }, testInfo) => {
  const { page, backend } = app;
  const { library, jobs } = backend;
  // Synthea's real record with its patient's name in Persian letters, and a letter in Spanish (real sentences, set by pdfkit).
  const bundle = JSON.parse(fs.readFileSync(fixture('fhir', 'Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json'), 'utf8')) as { entry: { resource: { resourceType: string; name?: unknown } }[] };
  bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource.name = [{ use: 'official', family: 'رضایی', given: ['محمد'] }];
  const record = testInfo.outputPath('record from Tehran.json');
  fs.writeFileSync(record, JSON.stringify(bundle));
  const letter = testInfo.outputPath('informe.pdf');
  await writeTextPdf(letter, 'Informe de consulta', [sentences('es').slice(0, 10)]);
  const patient = library.patients.add({ name: 'Mohammad Rezaei', dateOfBirth: '1988-03-16' });
  const imported = await jobs.result(jobs.startImport({ paths: [record, letter], patientId: patient.id }));
  expect(imported.refused).toEqual([]);
  const docs = library.documents.list({ patientId: patient.id });
  const spanish = docs.find((d) => d.originalName === 'informe.pdf')!;
  expect(spanish.languages).toEqual(['es']);
  await app.open();

  // The record naming him in Persian letters is his, said as a likely match.
  await page.locator('.doc-row').filter({ hasText: /Health record download/ }).click();
  const note = page.getByRole('note').filter({ hasText: 'in another script' });
  await expect(note).toContainText('It names the patient as محمد رضایی, in another script: read as a likely match for Mohammad Rezaei.');
  await expect(page.getByRole('alert').filter({ hasText: 'Is this' })).toHaveCount(0);
  await app.screenshot('likely-name');
  await noViolations(app, 'a document naming the patient in another script');
  await page.getByRole('link', { name: '← Library' }).click();

  // His details: how his documents write his name, and the language he speaks.
  await page.getByRole('button', { name: 'Patient details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mohammad Rezaei’s details' });
  await expect(dialog.getByRole('listitem').filter({ hasText: 'محمد رضایی' })).toContainText('1 document · in another script, read as a likely match');
  await dialog.getByLabel(/Language they prefer to speak/).selectOption('fa');
  await expect(dialog.getByLabel(/Language they prefer to speak/).locator('option:checked')).toHaveText('فارسی (Persian)');
  await dialog.getByLabel('Needs an interpreter at appointments').check();
  await app.screenshot('patient-language');
  await noViolations(app, 'the patient details with the language');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => library.patients.get(patient.id)).toMatchObject({ language: 'fa', interpreter: true });

  // A case for a specialist whose centre reads English: the checklist names the letter in Spanish and whom to ask.
  const c = library.cases.create(patient.id, { title: 'Hernia repair', specialty: 'general-surgery' }, new Date());
  library.cases.addDocuments(c.id, docs.map((d) => d.id));
  await page.goto(`${app.origin}/index.html#/case/${c.id}`);
  await page.getByRole('navigation', { name: 'Parts of the case' }).getByRole('link', { name: 'Specialists and opinions' }).click();
  const form = page.getByRole('form', { name: 'Add a specialist' });
  await form.getByLabel('Name', { exact: true }).fill('Dr. Lena Brandt');
  await form.getByLabel('Institution').fill('University Hernia Center');
  // English unless said otherwise, and never none.
  const reads = form.getByRole('group', { name: 'Their centre reads records in' });
  await expect(reads.locator('li > span')).toHaveText(['English']);
  await expect(reads.getByRole('button', { name: 'Remove English' })).toHaveCount(0);
  await app.screenshot('specialist-reads');
  await form.getByRole('button', { name: 'Add the specialist' }).click();
  await expect(page.locator('.requests strong').filter({ hasText: 'Dr. Lena Brandt' })).toBeVisible();
  const item = page.locator('.check').filter({ hasText: '“informe” is in Spanish; Dr. Lena Brandt (University Hernia Center) reads records in English.' });
  await expect(item).toContainText('for a copy in English, or have it translated by a certified medical translator');
  await item.scrollIntoViewIfNeeded();
  await app.screenshot('checklist-language');
  await noViolations(app, 'the case with a document in another language');

  // Learning later that her centre reads Spanish too: corrected in place, and the checklist stops asking.
  await page.getByRole('button', { name: 'Edit Dr. Lena Brandt' }).click();
  const edit = page.getByRole('form', { name: 'Dr. Lena Brandt’s details' });
  await expect(edit.getByLabel('Institution')).toHaveValue('University Hernia Center');
  await edit.getByRole('combobox', { name: 'Their centre reads records in' }).selectOption({ label: 'Español (Spanish)' });
  const editReads = edit.getByRole('group', { name: 'Their centre reads records in' });
  await expect(editReads.locator('li > span')).toHaveText(['English', 'Español (Spanish)']);
  await app.screenshot('specialist-edit');
  await noViolations(app, 'a specialist being corrected');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.requests li').filter({ hasText: 'Dr. Lena Brandt' })).toContainText('reads records in English and Spanish');
  await expect(item).toHaveCount(0);
  expect(library.cases.details(c.id).specialists).toEqual([expect.objectContaining({ name: 'Dr. Lena Brandt', institution: 'University Hernia Center', reads: ['en', 'es'] })]);

  // The packet in Spanish, for her; remembered.
  await page.getByRole('link', { name: 'Prepare the bundle…' }).click();
  const spanishPacket = page.getByRole('radio', { name: 'Español (Spanish)' });
  await spanishPacket.check();
  await spanishPacket.scrollIntoViewIfNeeded();
  await app.screenshot('packet-language');
  await noViolations(app, 'the export screen with the packet language');
  await darkAndNarrow(app, 'packet-language', 'the export screen with the packet language');
  await page.setViewportSize({ width: 1280, height: 800 });
  const out = testInfo.outputPath('bundles');
  fs.mkdirSync(out);
  app.dialogs.willChoose(out);
  await page.getByRole('button', { name: 'Write the bundle' }).click();
  await expect(page.getByRole('heading', { name: '✓ The bundle is written' })).toBeVisible({ timeout: 60_000 });
  const folder = path.join(out, fs.readdirSync(out).find((n) => !n.endsWith('.zip'))!);
  const packet = path.join(folder, fs.readdirSync(folder).find((n) => n.endsWith('.pdf'))!);
  const cover = execFileSync('pdftotext', ['-l', '1', packet, '-']).toString().replace(/\s+/g, ' ');
  expect(cover).toContain('SEGUNDA OPINIÓN · EXPEDIENTE DEL CASO');
  expect(cover).toContain('El paciente prefiere hablar en persa. Necesita intérprete para las consultas.');
  // The packet is in Spanish: the record in English is the one named.
  expect(cover).toMatch(/Documentos adjuntos en inglés: D\d\./);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Español (Spanish)' })).toBeChecked();
  expect(app.errors).toEqual([]);
});

test("each document's language: shown in the list and on the document, filtered by, corrected by the person and given back to the text", async ({ app }, testInfo) => {
  const { page, backend } = app;
  const { library, jobs } = backend;
  // Real sentences set by pdfkit: a report in Spanish, a letter in English, and one in both.
  const files = { es: testInfo.outputPath('informe.pdf'), en: testInfo.outputPath('letter.pdf'), both: testInfo.outputPath('referral.pdf') };
  await writeTextPdf(files.es, 'Informe de consulta', [sentences('es').slice(0, 10)]);
  await writeTextPdf(files.en, 'Consultation letter', [sentences('en').slice(0, 10)]);
  await writeTextPdf(files.both, 'Referral', [sentences('en').slice(20, 32), sentences('es').slice(20, 32)]);
  const patient = library.patients.add({ name: 'Gustavo Mejía', dateOfBirth: '1986-02-11' });
  const imported = await jobs.result(jobs.startImport({ paths: Object.values(files), patientId: patient.id }));
  expect(imported.refused).toEqual([]);
  await app.open();

  // In an English window, the rows in another language say which; the English one says nothing.
  const row = (name: RegExp) => page.locator('.doc-line').filter({ has: page.locator('.doc-row').filter({ hasText: name }) });
  await expect(row(/Informe de consulta|informe/).locator('.badge')).toHaveText('Spanish');
  await expect(row(/Referral|referral/).locator('.badge')).toHaveText(/English and Spanish|Spanish and English/);
  await expect(row(/Consultation letter|letter/).locator('.badge')).toHaveCount(0);

  // Filtered by language: those written wholly or partly in Spanish.
  await page.getByLabel('Written in').selectOption({ label: 'Español (Spanish)' });
  await expect(page.locator('.doc-row')).toHaveCount(2);
  await app.screenshot('library-filtered-by-language');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.locator('.doc-row')).toHaveCount(3);

  // On the document: read from its text; the person corrects it, and the correction is kept and shown.
  await page.locator('.doc-row').filter({ hasText: /letter/i }).click();
  const written = page.getByRole('group', { name: 'Written in' });
  const chosen = written.locator('li > span');
  await expect(chosen).toHaveText(['English']);
  await expect(page.getByText('Read from its text: English.')).toBeVisible();
  // Two languages: French added beside the English...
  await page.getByRole('combobox', { name: 'Written in' }).selectOption({ label: 'Français (French)' });
  await expect(chosen).toHaveText(['English', 'Français (French)']);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('As you said.')).toBeVisible();
  const letterId = library.documents.list({ patientId: patient.id }).find((d) => d.originalName === 'letter.pdf')!.id;
  expect(library.documents.get(letterId)).toMatchObject({ languages: ['en', 'fr'], languagesByPerson: true });
  // ...then the English taken away: French alone.
  await written.getByRole('button', { name: 'Remove English' }).click();
  await expect(chosen).toHaveText(['Français (French)']);
  // The keyboard stays in the picker, on its choice of a language to add.
  await expect(page.getByRole('combobox', { name: 'Written in' })).toBeFocused();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => library.documents.get(letterId).languages).toEqual(['fr']);
  await app.screenshot('document-language-corrected');
  await noViolations(app, "a document's corrected language");
  await page.getByRole('button', { name: 'Read it from the text again' }).click();
  await expect(page.getByText('Read from its text: English.')).toBeVisible();
  await expect(chosen).toHaveText(['English']);
  expect(library.documents.get(letterId)).toMatchObject({ languages: ['en'], languagesByPerson: false });
  expect(app.errors).toEqual([]);
});

test('the window in Spanish and in Arabic (right to left): chosen in Settings, applied at once, kept; the welcome, the library, Settings, the cases and the trash read, fit and pass axe in both', async ({ app }) => {
  const { page } = app;
  await app.open();
  // First run, in the system's language (English here).
  await expect(page.getByRole('heading', { name: 'Welcome to Casebinder' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Welcome in Spanish, chosen before the window opens (as a system in Spanish would have it).
  await page.evaluate(() => localStorage.setItem('casebinder:language', 'es'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Le damos la bienvenida a Casebinder' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await app.screenshot('welcome-es');
  await noViolations(app, 'the welcome in Spanish');
  await page.getByLabel('Nombre completo').fill('Amaia Etxeberria Ruiz');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect(page.getByRole('heading', { name: 'Todavía no hay registros de Amaia Etxeberria Ruiz' })).toBeVisible();
  await app.screenshot('library-empty-es');
  await noViolations(app, 'the empty library in Spanish');
  await darkAndNarrow(app, 'library-empty-es', 'the empty library in Spanish');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Settings: Arabic, at once, right to left, and kept across a reload.
  await page.getByRole('button', { name: 'Configuración' }).click();
  const settings = page.getByRole('dialog', { name: 'Configuración' });
  await expect(settings.getByRole('radio', { name: /Como el sistema/ })).not.toBeChecked();
  await app.screenshot('settings-es');
  await settings.getByRole('radio', { name: 'العربية (Arabic)' }).check();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('dialog', { name: 'الإعدادات' })).toBeVisible();
  await app.screenshot('settings-ar');
  await noViolations(app, 'the settings in Arabic');
  await page.getByRole('dialog', { name: 'الإعدادات' }).getByRole('button', { name: 'إغلاق' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const heading = page.getByRole('heading', { name: 'لا توجد سجلات بعد لـAmaia Etxeberria Ruiz' });
  await expect(heading).toBeVisible();
  // Right to left: the header starts at the right (the brand is right of the search), the text runs from the right edge.
  const brand = (await page.locator('.brand').boundingBox())!;
  const search = (await page.getByRole('searchbox').boundingBox())!;
  expect(brand.x).toBeGreaterThan(search.x);
  await expect(page.getByRole('searchbox')).toHaveAttribute('placeholder', 'ابحث في سجلات Amaia Etxeberria Ruiz');
  await app.screenshot('library-empty-ar');
  await noViolations(app, 'the empty library in Arabic');
  await darkAndNarrow(app, 'library-empty-ar', 'the empty library in Arabic');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The cases and the trash, in Arabic.
  await page.getByRole('link', { name: 'الحالات' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'حالات Amaia Etxeberria Ruiz' })).toBeVisible();
  await expect(page.getByRole('link', { name: '→ المكتبة' })).toBeVisible();
  await page.getByLabel('ما الذي يجب تقريره').fill('Recommended knee replacement');
  await page.getByLabel('التخصص').selectOption({ label: 'جراحة العمود الفقري والعظام' });
  await app.screenshot('cases-ar');
  await noViolations(app, 'the cases in Arabic');
  await darkAndNarrow(app, 'cases-ar', 'the cases in Arabic');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${app.origin}/index.html#/trash`);
  await expect(page.getByText('سلة المهملات فارغة.')).toBeVisible();
  await app.screenshot('trash-ar');
  await noViolations(app, 'the trash in Arabic');
  await page.getByRole('link', { name: '→ المكتبة' }).click();

  // Back to English through Settings.
  await page.getByRole('button', { name: 'الإعدادات' }).click();
  await page.getByRole('dialog', { name: 'الإعدادات' }).getByRole('radio', { name: 'English', exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  // The desktop was told each time (its menu speaks the window's language; a chosen one starts Chromium in it next time).
  await expect.poll(() => app.windowLanguages.filter((l, i, all) => l !== all[i - 1])).toEqual(['en (the system’s)', 'es', 'ar', 'en']);
  expect(app.errors).toEqual([]);
});
