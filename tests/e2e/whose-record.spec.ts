import path from 'node:path';
import { darkAndNarrow, expect, noViolations, ROOT, test } from './harness.ts';

const fixture = (...parts: string[]) => path.join(ROOT, 'tests', 'fixtures', ...parts);
const corpus = (...parts: string[]) => path.join(ROOT, 'tests', 'fixtures', 'document-corpus', ...parts);

test('whose record: another person\'s download held back and settled, lists checked beside the page, the trash, a patient corrected, each undoable', async ({ app }) => {
  const { page, backend } = app;
  const elena = backend.library.patients.add({ name: 'Elena Vasquez-Moreau', dateOfBirth: '1967-05-21' });
  const imported = await backend.importer
    .start({ paths: [fixture('ccda/HL7_Consultation_Note.xml'), corpus('tuning', 'medication list.pdf'), corpus('tuning', 'spine surgeon letter.pdf')], patientId: elena.id })
    .result;
  expect(imported.refused).toEqual([]);
  await app.open();

  // The library marks the download that names someone else.
  const note = page.locator('.doc-row').filter({ hasText: 'Community Health Consult Note' });
  await expect(note.getByText('Names someone else')).toBeVisible();
  await expect(page.locator('.doc-row').filter({ hasText: 'Medication List' }).getByText('Names someone else')).toHaveCount(0);
  await app.screenshot('library-names-someone-else');

  // The health record leaves its facts out and says so, with the way to the document.
  await page.getByRole('link', { name: 'Health record' }).click();
  const held = page.getByRole('status').filter({ hasText: /Left out: \d+ entries from documents that name someone else/ });
  await expect(held).toContainText('It names Eve Betterhalf and gives the date of birth 1 May 1975');
  await expect(page.getByRole('region', { name: 'Lab results by date' })).toHaveCount(0);
  await page.getByRole('link', { name: /Medications/ }).click();
  const medications = page.getByRole('region', { name: 'Medications' });
  await expect(medications.locator('.record-item')).toHaveCount(3);
  await expect(medications.getByText('Not yet checked against the page')).toHaveCount(3);
  await expect(medications).not.toContainText('atenolol');
  await app.screenshot('record-held-back');
  await noViolations(app, 'the health record with facts held back');

  // The medication list, checked beside its page.
  await medications.getByRole('link', { name: 'check it beside the document' }).first().click();
  const lists = page.getByRole('region', { name: 'Medications and allergies on page 1' });
  await expect(lists.locator('.page-lab')).toHaveCount(5);
  await expect(lists).toContainText('Levothyroxine 75 mcg tablet');
  await expect(lists).toContainText('Latex');
  await app.screenshot('lists-beside-page');
  await noViolations(app, 'medications and allergies beside their page');
  await lists.getByRole('button', { name: /All on this page are right/ }).click();
  await expect(lists.getByText('Checked')).toHaveCount(5);

  // The surgeon's letter: its date of service is the visit, and the page says why.
  await page.getByRole('link', { name: '← Library' }).click();
  await page.locator('.doc-row').filter({ hasText: 'Cascadia Spine' }).click();
  await expect(page.getByText(/Why: 29 May 2025 \(“.*clinic on”\) is when the care happened; not 3 Jun 2025 \(the date the document is written on\).*8 Jul 2025 \(a plan for later\)/)).toBeVisible();
  await app.screenshot('date-reason');

  // The consult note: "It is Elena's" joins its facts to her record, and Undo takes them out again.
  await page.getByRole('link', { name: '← Library' }).click();
  await note.click();
  const banner = page.getByRole('alert').filter({ hasText: 'Is this Elena Vasquez-Moreau’s record?' });
  await expect(banner).toContainText('Its lab values, medications, allergies and problems are held back');
  await app.screenshot('identity-banner');
  await noViolations(app, 'a document naming someone else');
  await banner.getByRole('button', { name: 'It is Elena Vasquez-Moreau’s' }).click();
  const toast = page.locator('.undo-toast');
  await expect(toast).toContainText('is Elena Vasquez-Moreau’s');
  await expect(banner).toHaveCount(0);
  await expect.poll(() => backend.library.records.labs({ patientId: elena.id }).length).toBe(5);
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeFocused();
  await app.screenshot('undo-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toContainText(/^Undone: Said/);
  await expect(page.getByRole('alert').filter({ hasText: 'Is this Elena Vasquez-Moreau’s record?' })).toBeVisible();
  await expect.poll(() => backend.library.records.labs({ patientId: elena.id }).length).toBe(0);

  // It is Eve's: moved to her, out of Elena's library.
  backend.library.patients.add({ name: 'Eve Betterhalf', dateOfBirth: '1975-05-01' });
  await page.reload();
  const again = page.getByRole('alert').filter({ hasText: 'Is this Elena Vasquez-Moreau’s record?' });
  await again.getByRole('button', { name: 'It is another patient’s…' }).click();
  await again.getByLabel('Move to').selectOption({ label: 'Eve Betterhalf (born 1 May 1975)' });
  await again.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.locator('.undo-toast')).toContainText('Moved “Community Health Consult Note” to Eve Betterhalf.');
  await expect(page.getByRole('alert').filter({ hasText: 'Is this' })).toHaveCount(0);
  await page.getByRole('link', { name: '← Library' }).click();
  await expect(page.locator('.doc-row').filter({ hasText: 'Community Health Consult Note' })).toHaveCount(0);
  // Any document can be filed under another patient from its page.
  await page.locator('.doc-row').filter({ hasText: 'Medication List' }).click();
  await page.getByRole('button', { name: 'Move to another patient…' }).click();
  await expect(page.getByLabel('Move to')).toHaveValue(/\d+/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('link', { name: '← Library' }).click();

  // A document to the trash, and back.
  await page.locator('.doc-row').filter({ hasText: 'Cascadia Spine' }).click();
  await page.getByRole('button', { name: 'Put in the trash' }).click();
  await expect(page.locator('.undo-toast')).toContainText(/in the trash/);
  await expect(page.locator('.doc-row').filter({ hasText: 'Cascadia Spine' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Trash' }).click();
  const trash = page.getByRole('list', { name: 'Documents in the trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash).toContainText(/removed for good after \d+ \w+ \d{4}/);
  await app.screenshot('trash');
  await noViolations(app, 'the trash');
  await darkAndNarrow(app, 'trash', 'the trash');
  await page.setViewportSize({ width: 1280, height: 800 });
  await trash.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('link', { name: '← Library' }).click();
  await expect(page.locator('.doc-row').filter({ hasText: 'Cascadia Spine' })).toHaveCount(1);

  // The patient's details corrected (undoable), and the merge offered.
  await page.getByRole('button', { name: 'Patient details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Elena Vasquez-Moreau’s details' });
  await dialog.getByLabel(/How a specialist reaches them/).fill('503-555-0147');
  await expect(dialog.getByLabel('Merge into Elena Vasquez-Moreau')).toBeVisible();
  await app.screenshot('patient-details');
  await noViolations(app, 'the patient details');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.undo-toast')).toContainText('Saved Elena Vasquez-Moreau’s details.');
  await expect.poll(() => backend.library.patients.get(elena.id).contact).toBe('503-555-0147');
  expect(app.errors).toEqual([]);
});
