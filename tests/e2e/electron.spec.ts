/**
 * The real app in Electron, driven by Playwright's _electron.launch. Electron's program comes from
 * github.com on first start; where it could not be fetched (as on the machines that build Casebinder's
 * CI, which reach only the npm registry), these tests report themselves skipped with that reason.
 */
import { _electron as electron } from '@playwright/test';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, ROOT, test } from './harness.ts';

function electronProgram(): string | undefined {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const program = path.join(ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(program) ? program : undefined;
}

const program = electronProgram();

test.describe('the desktop app in Electron', () => {
  test.skip(!program, "Electron's program is not installed here: it is downloaded from github.com on first start, which this machine cannot reach.");

  test('opens one hardened window on a library, and keeps it on the app', async () => {
    if (!fs.existsSync(path.join(ROOT, 'out', 'main', 'main.js'))) execSync('npm run --silent build', { cwd: ROOT, stdio: 'inherit' });
    const library = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-electron-'));
    const app = await electron.launch({ executablePath: program!, args: [ROOT], env: { ...process.env, CASEBINDER_LIBRARY: library } });
    try {
      const win = await app.firstWindow();
      await expect(win.getByRole('heading', { name: 'Welcome to Casebinder' })).toBeVisible();
      expect(win.url()).toBe('app://casebinder/index.html');
      const page = await win.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.keys(window.casebinder).sort(),
        opened: window.open('https://example.com/') === null,
      }));
      expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on', 'pathForFile'], opened: true });
      await win.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await win.waitForTimeout(500);
      expect(win.url()).toBe('app://casebinder/index.html');
      // Context isolation, sandbox and no Node show from inside the page: no require, no process, only the bridge.
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      fs.rmSync(library, { recursive: true, force: true });
    }
  });
});
