import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REDACTION_DOC, writeRedactionDocument } from '../corpus/redaction-document.ts';
import { darkAndNarrow, expect, noViolations, ROOT, test } from './harness.ts';

const D = REDACTION_DOC;

test('redacting a note before sending: a suggestion accepted, a word found, a box drawn, the copy made and sent in the packet', async ({ app }, testInfo) => {
  const { page, backend } = app;
  const note = testInfo.outputPath('consultation note.pdf');
  await writeRedactionDocument(note);
  const carlos = backend.library.patients.add({ name: 'Carlos Mendez', dateOfBirth: '1961-03-14' });
  const imported = await backend.jobs.result(backend.jobs.startImport({ paths: [note], patientId: carlos.id }));
  expect(imported.refused).toEqual([]);
  const id = imported.imported[0]!.id;
  const c = backend.library.cases.create(carlos.id, { title: 'Lung nodule', specialty: 'oncology' }, new Date());
  backend.library.cases.addDocuments(c.id, [id]);
  await app.open();

  await page.locator('.doc-row').filter({ hasText: 'Consultation' }).click();
  await page.getByRole('link', { name: 'Redact for sending…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('for sending');
  const panel = page.getByRole('complementary', { name: 'What to remove' });

  // The suggestions: the SSN (twice), insurance numbers, the relative's phone and address; not the clinic's.
  await expect(page.getByTestId('redact-page').locator('img')).toBeVisible();
  const suggested = panel.locator('section').filter({ has: page.getByRole('heading', { name: 'Suggested' }) });
  await expect(suggested.getByRole('checkbox')).toHaveCount(6);
  await expect(suggested).toContainText(`Social Security number ${D.ssn}`);
  await expect(suggested).toContainText(`Insurance member number ${D.memberId}`);
  await expect(suggested).not.toContainText(D.clinicPhone);
  await expect(page.locator('.redact-box.suggested')).toHaveCount(5);
  await app.screenshot('redact-suggestions');
  await noViolations(app, 'the redaction screen');

  // Accepted: the Social Security number (page 1) and the member number; the rest rejected.
  await suggested.getByRole('checkbox', { name: new RegExp(`Social Security number ${D.ssn} · page 1`) }).check();
  await suggested.getByRole('checkbox', { name: new RegExp(`Insurance member number ${D.memberId}`) }).check();

  // A word found wherever it is, and a number.
  await panel.getByLabel('A word, a name or a number').fill(D.word);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByText(`“${D.word}”: 3 places (pages 1 and 2)`)).toBeVisible();
  await panel.getByLabel('A word, a name or a number').fill(D.groupNumber);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByText(`“${D.groupNumber}”: 1 place (page 1)`)).toBeVisible();
  // A word that is not there says so, and adds nothing.
  await panel.getByLabel('A word, a name or a number').fill('Zanzibar');
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByText('“Zanzibar” is not in the text of this document.')).toBeVisible();

  // A box drawn over the picture on page 1, by dragging (in a window tall enough to show all the page).
  await page.setViewportSize({ width: 1280, height: 1500 });
  const surface = page.getByTestId('redact-page');
  await expect(surface.locator('img')).toBeVisible();
  const box = (await surface.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(D.pictureBox.x - 0.01, D.pictureBox.y - 0.01));
  await page.mouse.down();
  await page.mouse.move(...at(D.pictureBox.x + D.pictureBox.width / 2, D.pictureBox.y + D.pictureBox.height / 2), { steps: 4 });
  await page.mouse.move(...at(D.pictureBox.x + D.pictureBox.width + 0.01, D.pictureBox.y + D.pictureBox.height + 0.01), { steps: 4 });
  await page.mouse.up();
  await expect(panel.getByText('Page 1, area 1')).toBeVisible();
  await app.screenshot('redact-marked');
  await page.setViewportSize({ width: 1280, height: 800 });

  // 2 suggestions + 4 matches + 1 box.
  await panel.getByRole('button', { name: 'Make the redacted copy (7 areas)' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Made the redacted copy' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Redacted copy', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(surface.locator('img')).toHaveAttribute('alt', /redacted copy/);
  // What is removed is no longer suggested; what was rejected still is.
  await expect(suggested.getByRole('checkbox')).toHaveCount(3);
  await expect(suggested).not.toContainText(D.memberId);
  await app.screenshot('redact-done');
  await noViolations(app, 'the redaction screen with its copy');
  await darkAndNarrow(app, 'redact', 'the redaction screen');
  await page.setViewportSize({ width: 1280, height: 800 });

  const made = backend.library.redactions.of(id).current!;
  expect(made.boxes).toHaveLength(7);
  const pageOf = (file: string, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).toString();
  const copy = backend.library.vault.pathFor(made.sha256);
  for (const gone of [D.ssn, D.memberId, D.word, D.groupNumber]) expect(pageOf(copy, 1)).not.toContain(gone);
  expect(pageOf(copy, 2)).not.toContain(D.word);
  // Rejected suggestions stay: the relative's phone, and the Social Security number on page 2.
  expect(pageOf(copy, 1)).toContain(D.relativePhone);
  expect(pageOf(copy, 2)).toContain(D.ssn);

  // The document's page says exports send the copy.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exports send a redacted copy of this document' })).toBeVisible();
  await app.screenshot('document-redacted-notice');

  // The export sends it, says so, and offers the original instead.
  await page.goto(`${app.origin}/index.html#/case/${c.id}/export`);
  const documents = page.getByRole('group', { name: 'Documents to send' });
  await expect(documents).toContainText('redacted by you');
  await expect(documents.getByLabel('Send the original instead of the redacted copy')).not.toBeChecked();
  await documents.scrollIntoViewIfNeeded();
  await app.screenshot('export-redacted');
  await noViolations(app, 'the export screen with a redacted document');
  const out = testInfo.outputPath('bundles');
  fs.mkdirSync(out);
  app.dialogs.willChoose(out);
  await page.getByRole('button', { name: 'Write the bundle' }).click();
  await expect(page.getByRole('heading', { name: '✓ The bundle is written' })).toBeVisible({ timeout: 60_000 });
  const bundle = path.join(out, fs.readdirSync(out).find((n) => fs.statSync(path.join(out, n)).isDirectory())!);
  const packet = path.join(bundle, fs.readdirSync(bundle).find((n) => n.endsWith('.pdf'))!);
  const packetText = execFileSync('pdftotext', [packet, '-']).toString().replace(/\s+/g, ' ');
  expect(packetText).toContain('(redacted by the patient)');
  expect(packetText).toContain('Consultation Note');
  for (const gone of [D.memberId, D.word, D.groupNumber]) expect(packetText).not.toContain(gone);
  expect(packetText.split(D.ssn)).toHaveLength(2);
  const original = fs.readdirSync(path.join(bundle, 'Originals'));
  expect(original).toHaveLength(1);
  expect(fs.readFileSync(path.join(bundle, 'Originals', original[0]!))).toEqual(fs.readFileSync(copy));

  // Undone: the document is sent as it came again.
  await page.goto(`${app.origin}/index.html#/document/${id}/redact`);
  await page.getByRole('button', { name: 'Undo the last redaction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed the redaction: exports send the original again.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redacted copy', exact: true })).toHaveCount(0);
  expect(backend.library.redactions.of(id).current).toBeNull();
  expect(fs.existsSync(copy)).toBe(false);

  // A photo of a typed page: its words are OCR's, found as a page's own are.
  const photo = await backend.jobs.result(backend.jobs.startImport({ paths: [path.join(ROOT, 'tests', 'fixtures', 'images', 'typewriter.png')], patientId: carlos.id }));
  await page.goto(`${app.origin}/index.html#/document/${photo.imported[0]!.id}/redact`);
  await expect(page.getByText('This page is a picture: its words were read by OCR')).toBeVisible();
  await panel.getByLabel('A word, a name or a number').fill('linzen');
  await panel.getByRole('button', { name: 'Find' }).click();
  // Every "linzen" of the recipe, and not the "Linzensoep" of its title (whole words).
  await expect(panel.getByText(/^“linzen”: [3-9] places \(page 1\)$/)).toBeVisible({ timeout: 60_000 });
  await app.screenshot('redact-photo-found');
  await expect(panel.getByText(/Nothing here looks like/)).toBeVisible({ timeout: 60_000 });
  expect(app.errors).toEqual([]);
});
