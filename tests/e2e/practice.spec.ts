import { darkAndNarrow, expect, noViolations, test } from './harness.ts';
import { fixture } from '../helpers/paths.ts';
import { FOLDERS } from '../corpus/folders.ts';
import { writeCorpus } from '../corpus/generate.ts';

/** Days before today, as an ISO date. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('an advocate sees every client’s cases, finds one by typing, and opens a case from the practice view', async ({ app }) => {
  const { page, backend } = app;
  const { library } = backend;
  const jose = library.patients.add({ name: 'José Müller', dateOfBirth: '1961-02-03' });
  const dolores = library.patients.add({ name: 'Dolores Ramírez', dateOfBirth: '1970-07-21' });
  const ann = library.patients.add({ name: 'Ann Lee' });
  await backend.importer.start({ paths: [fixture('pdf/pdfjs/rotation.pdf')], patientId: ann.id }).result;

  const knee = library.cases.create(jose.id, { title: 'Total knee replacement', specialty: 'spine-orthopedic' }, new Date());
  library.cases.addRequest(knee.id, { facility: 'Lakeshore Imaging', what: 'MRI of the left knee on CD', askedOn: daysAgo(45), method: 'cd' });
  library.cases.addRequest(knee.id, { facility: 'Dr Patel’s office', what: 'Consult notes', askedOn: daysAgo(3), method: 'portal' });
  const thyroid = library.cases.create(dolores.id, { title: 'Thyroidectomy', specialty: 'general-surgery' }, new Date());
  library.cases.update(thyroid.id, { status: 'sent' });
  const old = library.cases.create(dolores.id, { title: 'Gallbladder removal', specialty: 'general-surgery' }, new Date());
  library.cases.update(old.id, { status: 'decided' });

  await app.open();
  await page.getByRole('combobox', { name: 'Patient' }).click();
  await page.getByRole('option', { name: 'All clients and their cases…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page.getByText('3 clients · 2 open cases · 1 records request overdue')).toBeVisible();

  const rows = page.locator('.practice-table tbody tr');
  await expect(rows).toHaveCount(3);
  // Sorted by name by default.
  await expect(rows.locator('th .client-name')).toHaveText(['Ann Lee', 'Dolores Ramírez', 'José Müller']);
  const joseRow = rows.filter({ hasText: 'José Müller' });
  await expect(joseRow).toContainText('Waiting for records');
  await expect(joseRow).toContainText('1 request overdue');
  await expect(joseRow).toContainText(/\d+ gaps in the checklist/);
  await joseRow.getByText(/gaps in the checklist/).click();
  await expect(joseRow).toContainText('The patient’s questions for the specialist are not written yet.');
  const doloresRow = rows.filter({ hasText: 'Dolores Ramírez' });
  await expect(doloresRow).toContainText('Sent');
  await expect(doloresRow).toContainText('1 case decided');
  await expect(doloresRow).not.toContainText('Gallbladder removal');
  await expect(rows.filter({ hasText: 'Ann Lee' })).toContainText('1 document');
  await expect(rows.filter({ hasText: 'Ann Lee' })).toContainText('No open case');
  await app.screenshot('practice');
  await noViolations(app, 'the practice view');

  // Found by typing, accents and case ignored; by a case's title too.
  const find = page.getByLabel('Find a client or case');
  await find.fill('muller');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('José Müller');
  await find.fill('thyroid');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Dolores Ramírez');
  await find.fill('nobody');
  await expect(page.getByText('No client matches “nobody”.')).toBeVisible();
  await find.fill('');

  // Sorted by where the case stands: gathering and waiting come before sent; no open case last.
  await page.getByLabel('Sort by').selectOption({ label: 'Where the case stands' });
  await expect(rows.locator('th .client-name')).toHaveText(['José Müller', 'Dolores Ramírez', 'Ann Lee']);
  await page.getByLabel('Stage').selectOption({ label: 'Waiting for records' });
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Stage').selectOption({ label: 'Any open case' });
  await darkAndNarrow(app, 'practice', 'the practice view');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A case opens for its client.
  await page.getByRole('button', { name: 'Thyroidectomy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thyroidectomy' })).toBeVisible();
  await page.goto(`${app.origin}/index.html#/`);

  // The switcher finds a client by typing part of the name, then Enter.
  const switcher = page.getByRole('combobox', { name: 'Patient' });
  await expect(switcher).toHaveValue('Dolores Ramírez (born 21 Jul 1970)');
  await switcher.click();
  await switcher.fill('lee');
  await expect(page.getByRole('option')).toHaveText(['Ann Lee', 'All clients and their cases…', 'Add a patient…']);
  await app.screenshot('switcher-typed');
  await page.keyboard.press('Enter');
  await expect(switcher).toHaveValue('Ann Lee');
  await expect(page.locator('.doc-row')).toHaveCount(1);
  // Arrow keys and Escape: Escape leaves the patient as it was.
  await switcher.click();
  await switcher.fill('jo');
  await page.keyboard.press('Escape');
  await expect(switcher).toHaveValue('Ann Lee');
  expect(app.errors).toEqual([]);
});

test('a practice of sixty clients is drawn whole and in order, though its first rows come first, and its last client is found by typing', async ({ app }) => {
  const { page, backend } = app;
  const names = Array.from({ length: 60 }, (_, i) => `Client ${String(i + 1).padStart(2, '0')} Okafor`);
  for (const name of names) backend.library.patients.add({ name });
  await app.open();
  await page.goto(`${app.origin}/index.html#/practice`);
  await expect(page.getByText('60 clients · 0 open cases')).toBeVisible();
  const rows = page.locator('.practice-table tbody tr');
  // The rest follow the first rows a frame or two later: every client, in order, none twice.
  await expect(rows).toHaveCount(60);
  await expect(rows.locator('th .client-name')).toHaveText(names);
  await rows.last().scrollIntoViewIfNeeded();
  await expect(rows.last()).toBeVisible();
  await page.getByLabel('Find a client or case').fill('client 60');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Client 60 Okafor');
  await page.getByLabel('Find a client or case').fill('');
  await expect(rows).toHaveCount(60);
  expect(app.errors).toEqual([]);
});

test('an advocate acts on many documents at once: choose with Shift and Ctrl, add to a case, tag, accept, move, trash', async ({ app }, testInfo) => {
  const { page, backend } = app;
  const { library } = backend;
  const dir = testInfo.outputPath('records');
  await writeCorpus(dir, FOLDERS.filter((d) => d.folder === 'robert-chen'));
  const robert = library.patients.add({ name: 'Robert Chen', dateOfBirth: '1966-09-30' });
  const other = library.patients.add({ name: 'Rob Chen', dateOfBirth: '1990-01-01' });
  await backend.importer.start({ paths: [dir], patientId: robert.id }).result;
  const knee = library.cases.create(robert.id, { title: 'Knee replacement', specialty: 'spine-orthopedic' }, new Date());
  const total = library.documents.list({ patientId: robert.id }).length;
  expect(total).toBeGreaterThanOrEqual(8);

  await app.open();
  const switcher = page.getByRole('combobox', { name: 'Patient' });
  await switcher.fill('robert');
  await page.getByRole('option', { name: /^Robert Chen/ }).click();
  const rows = page.locator('.doc-line');
  await expect(rows).toHaveCount(total);
  const idAt = async (i: number) => Number(await rows.nth(i).locator('.doc-row').getAttribute('data-document-id'));
  const ids = await Promise.all([0, 1, 2, 3, 4].map(idAt));

  // A checkbox, then Shift on another: the run between; Ctrl on a row chooses it without opening it.
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await rows.nth(4).locator('.doc-row').click({ modifiers: ['Control'] });
  await expect(page.getByText('4 documents chosen')).toBeVisible();
  await expect(page).toHaveURL(/#\/$|index\.html$/);
  const bar = page.getByRole('toolbar', { name: 'Choose documents and act on them together' });
  await app.screenshot('bulk-chosen');
  await noViolations(app, 'the library with documents chosen');

  await bar.getByLabel('Add the 4 documents to a case').selectOption({ label: 'Knee replacement' });
  await expect(bar.getByRole('status')).toHaveText('Added 4 documents to the case “Knee replacement”.');
  expect(library.cases.details(knee.id).documents.map((d) => d.documentId).sort()).toEqual([ids[0], ids[1], ids[2], ids[4]].sort());
  await expect(page.getByText(/documents chosen/)).toHaveCount(0);

  // Everything the filter shows, tagged at once.
  await bar.getByLabel(`Choose all ${total}`).check();
  await expect(page.getByText(`${total} documents chosen`)).toBeVisible();
  await bar.getByLabel(`A tag for the ${total} documents`).fill('for Dr. Brandt');
  await bar.getByRole('button', { name: 'Tag' }).click();
  await expect(bar.getByRole('status')).toHaveText(`Tagged ${total} documents “for Dr. Brandt”.`);
  expect(library.documents.list({ patientId: robert.id, tag: 'for Dr. Brandt' })).toHaveLength(total);

  // Suggestions accepted for the chosen ones only.
  const suggested = library.documents.list({ patientId: robert.id }).filter((d) => d.type === null && d.suggested.type !== null);
  expect(suggested.length).toBeGreaterThanOrEqual(2);
  for (const d of suggested.slice(0, 2)) await page.locator(`.doc-line:has([data-document-id="${d.id}"])`).getByRole('checkbox').click();
  await bar.getByRole('button', { name: 'Accept suggestions' }).click();
  await expect(bar.getByRole('status')).toHaveText('Accepted the suggestions of 2 documents.');
  for (const d of suggested.slice(0, 2)) expect(library.documents.get(d.id).type).toBe(d.suggested.type);
  expect(library.documents.get(suggested[2]?.id ?? suggested[0]!.id).type).toBe(suggested[2] ? null : suggested[0]!.suggested.type);

  // Moved to another patient as one correction, undone at once.
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(1).getByRole('checkbox').click();
  await bar.getByLabel('Move the 2 documents to another patient').selectOption({ label: 'Rob Chen' });
  await expect(page.getByRole('status').filter({ hasText: 'Moved 2 documents from Robert Chen to Rob Chen.' })).toBeVisible();
  await expect(rows).toHaveCount(total - 2);
  expect(library.documents.list({ patientId: other.id })).toHaveLength(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(total);
  expect(library.documents.list({ patientId: other.id })).toHaveLength(0);

  // To the trash, and back.
  await rows.nth(3).getByRole('checkbox').click();
  await bar.getByRole('button', { name: 'Move to trash' }).click();
  await expect(rows).toHaveCount(total - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(total);

  // A document opened and looked at: its suggestions accepted from the library in one go.
  const unopened = library.documents.list({ patientId: robert.id }).find((d) => (d.type === null && d.suggested.type !== null) || (d.facility === null && d.suggested.facility !== null))!;
  await page.locator(`.doc-row[data-document-id="${unopened.id}"]`).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goBack();
  await bar.getByRole('button', { name: 'Accept the suggestions of the 1 document you have opened' }).click();
  await expect(bar.getByRole('status')).toHaveText('Accepted the suggestions of 1 document you had opened.');
  const accepted = library.documents.get(unopened.id);
  expect(accepted.type ?? null).toBe(unopened.type ?? unopened.suggested.type);
  expect(accepted.facility).toBe(unopened.facility ?? unopened.suggested.facility);
  expect(app.errors).toEqual([]);
});
