/**
 * The real window (the Vite build, served locally with the app's Content-Security-Policy) in Chromium,
 * wired to the real back end (the same handler map and dispatch Electron's IPC uses, a real SQLite
 * library and vault in a temporary folder). The harness stands in only for Electron's transport
 * (exposeBinding in place of ipcRenderer), its event channel and its native dialogs.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Page, Request, TestInfo } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import type { PreviewServer } from 'vite';
import { Backend } from '../../electron/app/backend.ts';
import type { Dialogs } from '../../electron/app/context.ts';
import { connect, emitTo } from './bridge.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Native dialogs, scripted by the test: what the person "chooses" and whether they agree to a link. */
export class ScriptedDialogs implements Dialogs {
  private readonly choices: string[][] = [];
  readonly linksAsked: string[] = [];
  agreeToLinks = false;

  /** The next open dialog returns these paths. */
  willChoose(...paths: string[]): void {
    this.choices.push(paths);
  }

  async chooseImport(): Promise<string[]> {
    return this.choices.shift() ?? [];
  }

  async confirmExternalLink(url: string): Promise<boolean> {
    this.linksAsked.push(url);
    return this.agreeToLinks;
  }

  /** The folder dialog for bundles returns the next scripted choice (its first path), or null: cancelled. */
  async chooseExportFolder(): Promise<string | null> {
    return this.choices.shift()?.[0] ?? null;
  }

  /** The folder dialog for backups: the next scripted choice, or null. */
  async chooseBackupFolder(): Promise<string | null> {
    return this.choices.shift()?.[0] ?? null;
  }
}

export interface App {
  readonly page: Page;
  readonly backend: Backend;
  readonly dialogs: ScriptedDialogs;
  readonly libraryDir: string;
  readonly origin: string;
  /** Every request the page made. */
  readonly requests: string[];
  /** Links the back end opened in the person's browser. */
  readonly opened: string[];
  /** Files the back end showed in the file manager or opened in their program. */
  readonly shown: string[];
  /** Windows the page tried to open. */
  readonly popups: string[];
  /** What was printed: each time, the page as it laid out for paper, as a PDF file. */
  readonly printed: string[];
  /** The languages the window told the desktop it speaks, in order (for the native menu and the next start). */
  readonly windowLanguages: string[];
  /** Uncaught errors and console errors in the page. */
  readonly errors: string[];
  open(): Promise<void>;
  screenshot(name: string): Promise<void>;
  /** Serious or critical accessibility violations on the current screen (axe-core). */
  accessibilityViolations(): Promise<string[]>;
}

export const test = base.extend<{ app: App }, { server: PreviewServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      const renderer = path.join(ROOT, 'out', 'renderer', 'index.html');
      if (!fs.existsSync(renderer)) throw new Error('e2e: build the window first (npm run build, or npm test does it)');
      const server = await preview({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
      await use(server);
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
    { scope: 'worker' },
  ],

  app: async ({ page, server }, use, testInfo) => {
    const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-e2e-'));
    const dialogs = new ScriptedDialogs();
    const opened: string[] = [];
    const shown: string[] = [];
    const printed: string[] = [];
    const windowLanguages: string[] = [];
    const requests: string[] = [];
    const popups: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}${error.stack ? `\n${error.stack}` : ''}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const shell = {
      openExternal: async (url: string) => void opened.push(url),
      showItemInFolder: (file: string) => void shown.push(`show ${file}`),
      openPath: async (file: string) => (shown.push(`open ${file}`), ''),
      // As the system's dialog would print it: the page as it lays out for paper, as a PDF.
      printWindow: async () => {
        const file = testInfo.outputPath(`printed-${printed.length + 1}.pdf`);
        await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
        printed.push(file);
        return '';
      },
      windowLanguage: (language: string, chosen: boolean) => void windowLanguages.push(`${language}${chosen ? '' : ' (the system’s)'}`),
    };
    const backend = new Backend({ libraryDir, dialogs, shell, emit: emitTo(() => page), version: 'test', importThreads: 2 });

    page.on('request', (request: Request) => requests.push(request.url()));
    // Windows this page opens (axe-core opens a blank page of its own per analysis; those do not count).
    page.on('popup', (popup) => popups.push(popup.url()));
    await connect(page, () => backend, origin);
    // As the desktop app does when it starts.
    await backend.resume();

    let shot = 0;
    const app: App = {
      page,
      backend,
      dialogs,
      libraryDir,
      origin,
      requests,
      opened,
      shown,
      printed,
      windowLanguages,
      popups,
      errors,
      open: async () => {
        await page.goto(`${origin}/index.html`);
      },
      screenshot: async (name: string) => {
        const file = testInfo.outputPath(`${String(++shot).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      },
      accessibilityViolations: async () => {
        const results = await new AxeBuilder({ page }).analyze();
        return results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      },
    };
    await use(app);
    if (errors.length) await testInfo.attach('page errors', { body: errors.join('\n'), contentType: 'text/plain' });
    await backend.close();
    fs.rmSync(libraryDir, { recursive: true, force: true });
  },
});

export { expect };

/** No serious or critical accessibility violations on the screen shown (axe-core). */
export async function noViolations(app: App, screen: string): Promise<void> {
  expect(await app.accessibilityViolations(), `accessibility of ${screen}`).toEqual([]);
}

/**
 * The screen shown, in dark mode (screenshot, axe) and at 200% zoom (half the CSS pixels: one column,
 * nothing off the side of the window; screenshot). Leaves the page light and 640 x 400.
 */
export async function darkAndNarrow(app: App, name: string, screen: string): Promise<void> {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot(`${name}-dark`);
  await noViolations(app, `${screen} in dark mode`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 640, height: 400 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await app.screenshot(`${name}-200-percent`);
}

/** Copies files into a fresh folder, as a person's download folder would hold them. */
export function folderOf(files: Record<string, string>, testInfo: TestInfo): string {
  const dir = testInfo.outputPath('records');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.copyFileSync(source, path.join(dir, name));
  }
  return dir;
}
