import path from 'node:path';
import { expect, noViolations, ROOT, test } from './harness.ts';
import type { App } from './harness.ts';
import { labReports, writeLabReport } from '../corpus/lab-reports.ts';

const fixture = (...parts: string[]) => path.join(ROOT, 'tests', 'fixtures', ...parts);

async function start(app: App) {
  await app.open();
  await app.page.getByLabel('Full name').fill('Eve Betterhalf');
  await app.page.getByLabel(/Date of birth/).fill('1975-05-01');
  await app.page.getByRole('button', { name: 'Continue' }).click();
  await expect(app.page.getByRole('heading', { name: 'No records yet for Eve Betterhalf' })).toBeVisible();
}


test('a portal download and a lab report: the record read, the lab values checked beside the page, trends and lists', async ({ app }, testInfo) => {
  const { page } = app;
  await start(app);
  const report = labReports(1).find((r) => r.layout === 'flag-column')!;
  const pdf = testInfo.outputPath('Northside labs.pdf');
  await writeLabReport(report, pdf);

  app.dialogs.willChoose(fixture('ccda/HL7_Consultation_Note.xml'), pdf);
  await page.getByRole('button', { name: /Choose files/ }).first().click();
  const panel = page.getByRole('region', { name: /Import finished/ });
  await expect(panel).toContainText('2 documents imported', { timeout: 60_000 });
  await expect(panel).toContainText('Health record: 5 lab results, 2 allergies, 1 medication');
  await expect(panel).toContainText(`${report.rows.length} lab results were read from its tables`);
  await app.screenshot('records-imported');
  await panel.getByRole('button', { name: 'Done' }).click();

  // The C-CDA document, readable from its own narrative.
  await page.locator('.doc-row').filter({ hasText: 'Community Health Consult Note' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Community Health Consult Note' })).toBeVisible();
  const narrative = page.getByRole('article', { name: /its text/ });
  await expect(narrative.getByRole('heading', { name: /ALLERGIES/i }).first()).toBeVisible();
  await expect(narrative).toContainText('Penicillin');
  await app.screenshot('ccda-document');
  await noViolations(app, 'a C-CDA document');
  await page.getByRole('link', { name: '← Library' }).click();

  // The lab report: its values beside the page, one corrected, the rest confirmed.
  await page.locator('.doc-row').filter({ hasText: 'Northside' }).click();
  const labs = page.getByRole('region', { name: 'Lab values on page 1' });
  await expect(labs.locator('.page-lab')).toHaveCount(report.rows.length);
  const first = report.rows[0]!;
  await expect(labs.getByLabel(`Value of ${first.name}`)).toHaveValue(first.value);
  await expect(page.locator('.pdfViewer .page .textLayer span').filter({ hasText: first.name }).first()).toBeVisible();
  // Every value, unit and range shows whole in its field, and a unit field holds a long unit such as
  // "Thousand/uL" whole (it used to show "Thousand/").
  const cut = await page.locator('.page-lab-fields input').evaluateAll((inputs) => (inputs as HTMLInputElement[]).filter((i) => i.scrollWidth > i.clientWidth + 1).map((i) => `${i.getAttribute('aria-label')}: ${i.value}`));
  expect(cut).toEqual([]);
  const narrow = await page.locator('.page-lab-fields input[aria-label^="Unit of"]').evaluateAll((inputs) => {
    const context = document.createElement('canvas').getContext('2d')!;
    return (inputs as HTMLInputElement[]).filter((i) => {
      const style = getComputedStyle(i);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText('Thousand/uL').width > i.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }).length;
  });
  expect(narrow).toBe(0);
  await app.screenshot('lab-values-beside-page');
  await noViolations(app, 'lab values beside their page');
  const firstRow = labs.locator('.page-lab').filter({ has: page.getByLabel(`Value of ${first.name}`) });
  await firstRow.getByLabel(`Value of ${first.name}`).fill(`${first.value}0`);
  await firstRow.getByRole('button', { name: 'Save and confirm' }).click();
  await expect(firstRow.getByText('Checked')).toBeVisible();
  await expect(firstRow.getByLabel(`Value of ${first.name}`)).toHaveValue(`${first.value}0`);
  await labs.getByRole('button', { name: /All on this page are right/ }).click();
  await expect(labs.getByRole('button', { name: /Confirm/ })).toHaveCount(0);

  // The health record: every test across dates, out-of-range values marked.
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('link', { name: 'Health record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eve Betterhalf’s health record' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Lab results by date' });
  const platelets = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Platelets', exact: true }) });
  await expect(platelets.locator('.lab-value.out')).toContainText('123 L');
  await expect(page.getByText('(to check)')).toHaveCount(0);
  await app.screenshot('labs-table');
  await noViolations(app, 'the labs table');

  // One test's trend with its reference band.
  await platelets.getByRole('button', { name: 'Platelets' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Platelets' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Trend: 1 value from .* reference range 150 to 350; 1 outside it/ })).toBeVisible();
  await app.screenshot('lab-trend');
  await noViolations(app, 'a lab trend');

  // Problems: from the download, and one added by hand.
  await page.getByRole('link', { name: /Problems/ }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('Mixed asthma');
  await problems.getByRole('button', { name: 'Add a problem' }).click();
  await problems.getByLabel('Name').fill('Lumbar spinal stenosis');
  await problems.getByLabel('Since').fill('2024-02-01');
  await problems.getByRole('button', { name: 'Save' }).click();
  await expect(problems.locator('.record-item').filter({ hasText: 'Lumbar spinal stenosis' })).toContainText('added by you');
  await problems.getByRole('button', { name: 'Edit Lumbar spinal stenosis' }).click();
  await problems.getByLabel('Status').fill('active');
  await problems.getByRole('button', { name: 'Save' }).click();
  await expect(problems.locator('.record-item').filter({ hasText: 'Lumbar spinal stenosis' })).toContainText('active');
  await app.screenshot('problems');
  await noViolations(app, 'the problems list');
  await page.getByRole('link', { name: /Allergies/ }).click();
  await expect(page.getByRole('region', { name: 'Allergies' })).toContainText('Penicillin · Nausea; mild');
  expect(app.errors).toEqual([]);
});
