import fs from 'node:fs';
import { darkAndNarrow, expect, noViolations, test } from './harness.ts';
import { fixture } from '../helpers/paths.ts';

const NAME = 'Rosalind Okafor-Lindqvist';
const PASSPHRASE = 'quiet harbour at dawn';

test('turning encryption on from the window, then the lock: Ctrl+L, idle time, wrong passphrase, recovery key', async ({ app }, testInfo) => {
  const { page, backend } = app;
  await page.clock.install();
  const patient = backend.library.patients.add({ name: NAME });
  await backend.importer.start({ paths: [fixture('document-corpus', 'blind', 'urology recommendation.pdf')], patientId: patient.id }).result;
  await app.open();
  const documentRow = page.getByText('Surgeon\'s recommendation from Columbia River Urology');
  await expect(documentRow).toBeVisible();

  // Never backed up, with documents: the window says so, once, and offers it.
  await expect(page.locator('.backup-reminder')).toContainText('never been backed up');

  await page.getByRole('button', { name: 'Privacy and backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Privacy and backups' });
  await expect(dialog.getByText('Encryption: off')).toBeVisible();
  await app.screenshot('privacy-off');
  await noViolations(app, 'the privacy dialog');
  await dialog.getByRole('button', { name: 'Turn on encryption…' }).click();
  await expect(dialog.getByText('There is no reset')).toBeVisible();
  await dialog.getByLabel('Passphrase (at least 8 characters').fill('short');
  await expect(dialog.getByText('Use at least 8 characters.')).toBeVisible();
  await dialog.getByLabel('Passphrase (at least 8 characters').fill(PASSPHRASE);
  await dialog.getByLabel('The same passphrase again').fill(`${PASSPHRASE}!`);
  await expect(dialog.getByText('The two passphrases differ.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Next' })).toBeDisabled();
  await dialog.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Next' }).click();
  const recoveryKey = (await dialog.getByLabel('Recovery key', { exact: true }).textContent())!.trim();
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await app.screenshot('recovery-key');
  await expect(dialog.getByRole('button', { name: 'Encrypt the library' })).toBeDisabled();
  await dialog.getByLabel('I have written down or printed the recovery key').check();
  await dialog.getByRole('button', { name: 'Encrypt the library' }).click();
  await expect(dialog.getByText('The library is encrypted.')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByText('Encryption: on')).toBeVisible();
  expect(fs.existsSync(`${app.libraryDir}/keys.json`)).toBe(true);
  await app.screenshot('privacy-on');
  await noViolations(app, 'the privacy dialog with encryption on');
  await darkAndNarrow(app, 'privacy-on', 'the privacy dialog');
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(documentRow).toBeVisible();

  // Ctrl+L: the window shows the lock alone; nothing of the patient is left on screen.
  await page.keyboard.press('Control+L');
  const lock = page.getByRole('heading', { name: 'Casebinder is locked' });
  await expect(lock).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain(NAME);
  expect(await page.locator('body').innerText()).not.toContain('Urology');
  await app.screenshot('locked');
  await noViolations(app, 'the lock screen');
  await darkAndNarrow(app, 'locked', 'the lock screen');
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(backend.locked).toBe(true);

  // A wrong passphrase says so and lets them try again.
  await page.getByLabel('Passphrase').fill('quiet harbour at dusk');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText("not this library's");
  await app.screenshot('wrong-passphrase');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(documentRow).toBeVisible();

  // Idle: after the chosen minutes without use, it locks by itself.
  await page.getByRole('button', { name: 'Privacy and backups' }).click();
  await dialog.getByLabel('Lock after').selectOption('1');
  await expect(dialog.getByLabel('Lock after')).toHaveValue('1');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.clock.fastForward('00:30');
  await expect(documentRow).toBeVisible();
  await page.clock.fastForward('00:45');
  await expect(lock).toBeVisible();

  // The recovery key opens it when the passphrase is forgotten.
  await page.getByRole('button', { name: 'Forgot the passphrase? Use the recovery key' }).click();
  await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(documentRow).toBeVisible();

  // A backup from the window, into a folder on "another drive", then checked.
  const folder = testInfo.outputPath('backups');
  await page.getByRole('button', { name: 'Back up now…' }).click();
  app.dialogs.willChoose(folder);
  await dialog.getByRole('button', { name: 'Back up now…' }).click();
  await expect(dialog.getByText(/Backed up into/)).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByText(/Last backup:/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Check the backup' }).click();
  await expect(dialog.getByText(/The backup is sound/)).toBeVisible();
  await app.screenshot('backed-up');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.backup-reminder')).toHaveCount(0);
  expect(fs.readdirSync(folder).sort()).toEqual(['casebinder-backup.json', 'snapshots', 'vault']);
  expect(app.errors).toEqual([]);
});
