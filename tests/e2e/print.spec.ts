import { execFileSync } from 'node:child_process';
import { expect, test } from './harness.ts';
import { fixture } from '../helpers/paths.ts';

/** Pages of a printed PDF, and their text as poppler reads it. */
const pagesOf = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
const textOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
/** The pictures on the printed pages (pdfimages -list, header lines left out). */
const picturesOf = (pdf: string) => execFileSync('pdfimages', ['-list', pdf]).toString().trim().split('\n').slice(2);

const QUESTIONS = [
  'Is surgery the best option for a nodule of this size, or could we watch it with CT scans?',
  'Would a biopsy before surgery change the plan?',
  'Is a lobectomy necessary, or would a segmentectomy or wedge resection be enough?',
  'What is the chance this nodule is cancer, given my history?',
  'Should I have a PET-CT before deciding?',
  'How would my lung function be after a lobectomy?',
  'Is robotic or VATS surgery possible, and does it matter who does it?',
  'How long is the recovery, and when could I go back to work?',
  'What are the risks of waiting three months?',
  'Would stereotactic radiation be an alternative if I do not want surgery?',
  'Does my history of depression change anything about anaesthesia or recovery?',
  'Who should I see for follow-up, and how often?',
];

test('printing: a document, the questions on one page for the appointment, and the packet, each through the print dialog', async ({ app }) => {
  const { page, backend } = app;
  const patient = backend.library.patients.add({ name: 'Carlos Mendez', dateOfBirth: '1961-03-14' });
  const imported = await backend.jobs.result(backend.jobs.startImport({ paths: [fixture('pdf/pdfjs/rotation.pdf'), fixture('images/typewriter.png')], patientId: patient.id }));
  expect(imported.refused).toEqual([]);
  const c = backend.library.cases.create(patient.id, { title: 'Lung nodule', specialty: 'oncology', condition: 'Right upper lobe nodule, 14 mm' }, new Date());
  backend.library.cases.addDocuments(c.id, imported.imported.map((i) => i.id));
  backend.library.cases.addRecommendation(c.id, { clinician: 'Dr. Ana Ruiz', facility: 'Bayside Thoracic', procedure: 'Right upper lobectomy', date: '2026-11-02', urgency: null, documentIds: [] });
  backend.library.cases.addSpecialist(c.id, { name: 'Dr. Wei Chen', institution: 'Moffitt Cancer Center', accepts: 'portal', sizeLimitMb: null });
  for (const q of QUESTIONS) backend.library.cases.addQuestion(c.id, q);
  await app.open();

  // A document: its two pages (the second turned, so it is fitted to the sheet's width), each on a sheet
  // of its own, and nothing of the window.
  await page.locator('.doc-row').filter({ hasText: 'rotation' }).click();
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect.poll(() => app.printed.length).toBe(1);
  await expect(page.getByRole('button', { name: 'Print…' })).toBeEnabled();
  const document = app.printed[0]!;
  expect(pagesOf(document)).toBe(2);
  expect(picturesOf(document)).toHaveLength(2);
  expect(textOf(document)).not.toMatch(/Put in the trash|Library|Details/);
  // The window is back as it was.
  await expect(page.locator('#print-root')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Put in the trash' })).toBeVisible();

  // A photo: on one sheet.
  await page.getByRole('link', { name: '← Library' }).click();
  await page.locator('.doc-row').filter({ hasText: 'typewriter' }).click();
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect.poll(() => app.printed.length).toBe(2);
  expect(pagesOf(app.printed[1]!)).toBe(1);
  expect(picturesOf(app.printed[1]!)).toHaveLength(1);

  // The questions for the appointment: twelve of them, each with room to write, on one page.
  await page.goto(`${app.origin}/index.html#/case/${c.id}`);
  await page.getByRole('button', { name: 'Print the questions for the appointment…' }).click();
  await expect.poll(() => app.printed.length).toBe(3);
  const sheet = app.printed[2]!;
  expect(pagesOf(sheet)).toBe(1);
  const sheetText = textOf(sheet).replace(/\s+/g, ' ');
  expect(sheetText).toContain('Questions for my appointment');
  expect(sheetText).toContain('Carlos Mendez · born 14 Mar 1961');
  expect(sheetText).toContain('Lung nodule · with Dr. Wei Chen, Moffitt Cancer Center');
  expect(sheetText).toContain('Recommended: Right upper lobectomy, by Dr. Ana Ruiz on 2 Nov 2026.');
  for (const [i, q] of QUESTIONS.entries()) expect(sheetText).toContain(`${i + 1}. ${q}`);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', sheet, sheet.replace(/\.pdf$/, '')]);
  // Twenty-five questions still fit on one page (smaller type, less room to write).
  for (let i = 13; i <= 25; i++) backend.library.cases.addQuestion(c.id, `Question ${i}: what else should I ask about the plan, the risks and the alternatives?`);
  await page.reload();
  await page.getByRole('button', { name: 'Print the questions for the appointment…' }).click();
  await expect.poll(() => app.printed.length).toBe(4);
  expect(pagesOf(app.printed[3]!)).toBe(1);
  expect(textOf(app.printed[3]!).replace(/\s+/g, ' ')).toContain('25. Question 25:');

  // The packet, from its preview: every page of it.
  await page.goto(`${app.origin}/index.html#/case/${c.id}/export`);
  await page.getByRole('button', { name: 'Preview the packet' }).first().click();
  const note = page.locator('.export-preview-note');
  await expect(note).toContainText(/The packet as it will be written: \d+ pages\./, { timeout: 30_000 });
  const packetPages = Number(/(\d+) pages/.exec((await note.textContent())!)![1]);
  await page.getByRole('button', { name: 'Print the packet…' }).click();
  await expect.poll(() => app.printed.length, { timeout: 30_000 }).toBe(5);
  expect(pagesOf(app.printed[4]!)).toBe(packetPages);
  expect(picturesOf(app.printed[4]!)).toHaveLength(packetPages);
  expect(app.errors).toEqual([]);
});
