/**
 * node tests/release/smoke.ts <installed program> [-- <extra arguments for it>]
 *
 * Checks an installed Casebinder as its user gets it: its Electron fuses, then the program itself,
 * started on an empty library, driven through its own window over the Chrome DevTools Protocol.
 * (Playwright's _electron.launch needs the Node inspector, which the fuses switch off in a release.)
 * The release workflow runs it on each platform's installed app; it cannot run where Electron cannot.
 *
 *   Linux:   /opt/Casebinder/casebinder (deb), or the AppImage
 *   macOS:   /Applications/Casebinder.app/Contents/MacOS/Casebinder
 *   Windows: %LOCALAPPDATA%\Programs\Casebinder\Casebinder.exe
 */
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fuseProblems } from './fuses.ts';
import { firstRunJourney } from './journey.ts';

const APP_URL = 'app://casebinder/index.html';

/** The DevTools address Chromium prints on stderr when started with --remote-debugging-port. */
export function devToolsEndpoint(stderr: string): string | null {
  return /DevTools listening on (ws:\/\/\S+)/.exec(stderr)?.[1] ?? null;
}

function waitForEndpoint(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`The app printed no DevTools address within ${timeoutMs / 1000} s. It said:\n${stderr}`)), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const endpoint = devToolsEndpoint(stderr);
      if (endpoint) {
        clearTimeout(timer);
        resolve(endpoint);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The app exited (${signal ?? `code ${code}`}) before its window opened. It said:\n${stderr}`));
    });
  });
}

/** The window is the app's own page, hardened: no Node in it, only the preload's bridge, no way off the app. */
async function hardening(page: Page): Promise<string[]> {
  const problems: string[] = [];
  if (page.url() !== APP_URL) problems.push(`the window shows ${page.url()}, not ${APP_URL}`);
  const inside = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    bridge: Object.keys(window.casebinder).sort().join(', '),
  }));
  if (inside.require !== 'undefined' || inside.process !== 'undefined') problems.push(`Node shows inside the window (require: ${inside.require}, process: ${inside.process})`);
  if (inside.bridge !== 'invoke, on, pathForFile') problems.push(`the bridge offers ${inside.bridge}`);
  return problems;
}

/** Starts a Chromium-based program (the app, or any Chromium) with DevTools on a free port, and connects. */
export async function openOverDevTools(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ browser: Browser; child: ChildProcess }> {
  const child = spawn(program, ['--remote-debugging-port=0', ...args], { env, stdio: ['ignore', 'inherit', 'pipe'] });
  try {
    return { browser: await chromium.connectOverCDP(await waitForEndpoint(child, 60_000)), child };
  } catch (e) {
    child.kill();
    throw e;
  }
}

/** Ends the program and waits until it has (it may still be writing to its folder until then). */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

async function smoke(program: string, extraArgs: string[]): Promise<void> {
  const problems = await fuseProblems(program);
  if (problems.length) throw new Error(`Electron fuses:\n  ${problems.join('\n  ')}`);
  console.log('ok: the fuses are set as electron-builder.yml asks');

  const library = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-smoke-'));
  const { browser, child } = await openOverDevTools(program, extraArgs, { ...process.env, CASEBINDER_LIBRARY: library });
  try {
    const context = browser.contexts()[0]!;
    const page = context.pages().find((p) => p.url().startsWith('app://')) ?? (await context.waitForEvent('page', { timeout: 60_000 }));
    await page.waitForLoadState('domcontentloaded');
    const unsafe = await hardening(page);
    if (unsafe.length) throw new Error(`The window:\n  ${unsafe.join('\n  ')}`);
    console.log('ok: one window on the app, no Node inside it, only the bridge');
    await firstRunJourney(page, console.log);
  } finally {
    await browser.close().catch(() => {});
    await stop(child);
    fs.rmSync(library, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  }
}

if (import.meta.main) {
  const [program, ...rest] = process.argv.slice(2);
  if (!program) {
    console.error('Usage: node tests/release/smoke.ts <installed program> [-- <extra arguments for it>]');
    process.exit(2);
  }
  smoke(program, rest[0] === '--' ? rest.slice(1) : rest).then(
    () => console.log(`The installed app at ${program} passed.`),
    (e: unknown) => {
      console.error(`The installed app at ${program} failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
