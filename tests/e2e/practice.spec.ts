import { darkAndNarrow, expect, noViolations, test } from './harness.ts';
import { fixture } from '../helpers/paths.ts';

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
