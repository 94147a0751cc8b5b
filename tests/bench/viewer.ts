/**
 * The scan viewer on the real back end, in Chromium (as the end-to-end tests wire it): a 500-slice CT
 * series of 512 x 512 images (first image on screen, images drawn per second while the wheel turns,
 * memory while it is held), and a study page with 10 series (until every key image is drawn). Numbers
 * come from performance marks the window sets; memory is the resident size of Chromium's processes.
 */
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';
import { Backend } from '../../electron/app/backend.ts';
import { dicomInstanceResponse } from '../../electron/app/dicom-files.ts';
import { connect, emitTo } from '../e2e/bridge.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';
import { writeDicomFolder } from './dicom-folder.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MiB = 1024 * 1024;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Resident memory of the Chromium this bench launched: its processes carry Playwright's profile folder. */
function chromiumResident(): number {
  const out = execSync(`ps -eo rss=,args= | grep -- 'playwright_chromiumdev_profile' | grep -v grep || true`).toString();
  return out.split('\n').reduce((n, line) => n + (Number(line.trim().split(/\s+/)[0]) || 0) * 1024, 0);
}

async function marks(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.startTime), name);
}

export async function benchViewer(options: { readonly cache: string; readonly chromiumPath?: string }): Promise<string[][]> {
  const source = path.join(ROOT, 'tests', 'fixtures', 'dicom', 'single', 'CT_small.dcm');
  const ctDir = path.join(options.cache, 'viewer-ct-500');
  const tenDir = path.join(options.cache, 'viewer-10-series');
  if (!fs.existsSync(path.join(ctDir, '.complete'))) {
    writeDicomFolder(ctDir, source, Infinity, { slicesPerStudy: 500, files: 500 });
    fs.writeFileSync(path.join(ctDir, '.complete'), '');
  }
  if (!fs.existsSync(path.join(tenDir, '.complete'))) {
    writeDicomFolder(tenDir, source, Infinity, { slicesPerStudy: 200, seriesPerStudy: 10, firstUid: 5000, files: 200 });
    fs.writeFileSync(path.join(tenDir, '.complete'), '');
  }
  const libraryDir = path.join(options.cache, 'viewer-library');
  fs.rmSync(libraryDir, { recursive: true, force: true });
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });
  const server = await preview({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
  const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  let page: Page | undefined;
  const backend = new Backend({ libraryDir, ...NO_DESKTOP, emit: emitTo(() => page), version: 'bench' });
  const patient = backend.library.patients.add({ name: 'Bench Patient', dateOfBirth: '1960-01-01' });
  const imported = await backend.importer.start({ paths: [ctDir, tenDir], patientId: patient.id }).result;
  const studies = backend.library.documents.list({ patientId: patient.id }).filter((d) => d.kind === 'study');
  const ct = studies.find((s) => s.imaging?.instances === 500)!;
  const ten = studies.find((s) => backend.library.studies.details(s.id, patient).series.length === 10)!;
  if (!ct || !ten) throw new Error(`bench: the generated studies did not import as expected (${imported.imported.length} imported)`);
  const ctSeries = backend.library.studies.details(ct.id, patient).series[0]!.id;

  const browser = await chromium.launch({
    ...(options.chromiumPath ? { executablePath: options.chromiumPath } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: string[][] = [['measure', 'result', 'target']];
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await connect(page, () => backend, origin);
    const fresh = async (hash: string) => {
      await page!.goto('about:blank');
      await page!.goto(`${origin}/index.html#/`);
      await page!.getByRole('heading', { name: /Bench Patient|records/ }).first().waitFor({ timeout: 60_000 }).catch(() => undefined);
      return page!.evaluate((h) => {
        const t = performance.now();
        window.location.hash = h;
        return t;
      }, hash);
    };

    // First image on screen: on the study page (as a person opens the viewer, by clicking a series' key
    // image), from the press of the mouse button to the middle slice drawn; 5 fresh windows each, the
    // first also a fresh session. A person looks at the page before clicking: the first row clicks once
    // the page has settled (the viewer's code, which the study page loads as it opens, is ready); the
    // second clicks the instant the first key image is drawn, and so also waits for that code.
    const firstImage = async (settled: boolean) => {
      const times: number[] = [];
      const open: number[] = [];
      for (let run = 0; run < 5; run++) {
        await fresh(`#/document/${ct.id}`);
        await page!.waitForFunction((m) => performance.getEntriesByName(m).length > 0, settled ? 'casebinder:viewer-ready' : 'casebinder:key-image', { timeout: 60_000 });
        await page!.evaluate(() => document.addEventListener('pointerdown', () => performance.mark('bench:press'), { capture: true, once: true }));
        await page!.getByRole('link', { name: /Key image of series/ }).first().click();
        await page!.waitForFunction(() => performance.getEntriesByName('casebinder:viewer-first-image').length > 0, undefined, { timeout: 60_000 });
        const [pressed] = await marks(page!, 'bench:press');
        const [first] = await marks(page!, 'casebinder:viewer-first-image');
        const [opened] = await marks(page!, 'casebinder:viewer-open');
        times.push(first! - pressed!);
        open.push(opened! - pressed!);
      }
      return { times, open };
    };
    const settled = await firstImage(true);
    const rushed = await firstImage(false);
    const cpu = await page.evaluate(() => (performance.getEntriesByName('casebinder:viewer-first-image')[0] as PerformanceMark).detail?.cpu === true);
    const ms = (xs: readonly number[]) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
    rows.push(['500-slice CT: first image on screen, clicked once the study page has settled (median of 5; each run)', ms(settled.times), 'under 500 ms']);
    rows.push(['  of which: from the click to the viewer asking for its first image (median)', `${median(settled.open).toFixed(0)} ms`, '']);
    rows.push(['500-slice CT: first image on screen, clicked the instant the first key image is drawn', ms(rushed.times), '']);
    rows.push(['  of which: from the click to the viewer asking for its first image (median)', `${median(rushed.open).toFixed(0)} ms`, '']);

    // Scrolling: the wheel turned 60 times a second through the whole series, twice (the first pass
    // loads and decodes each slice, the second draws from the viewer's cache).
    const canvas = page.locator('.scan-canvas');
    await canvas.hover();
    for (const pass of ['first pass (loading)', 'second pass (cached)']) {
      await canvas.focus();
      await page.keyboard.press('Home');
      await page.getByRole('img', { name: /image 1 of 500/ }).waitFor({ timeout: 60_000 });
      await page.evaluate(() => performance.clearMarks('casebinder:viewer-image'));
      const started = await page.evaluate(() => performance.now());
      // Chromium coalesces wheel events while the window is busy (two notches then move one slice), so
      // the wheel turns on until the last slice is shown.
      const last = page.getByRole('img', { name: /image 500 of 500/ });
      for (let i = 0; i < 2000 && (i < 499 || !(await last.isVisible())); i++) {
        await page.mouse.wheel(0, 100);
        await page.waitForTimeout(1000 / 60);
      }
      await last.waitFor({ timeout: 120_000 });
      const drawn = await marks(page, 'casebinder:viewer-image');
      const seconds = (Math.max(...drawn) - started) / 1000;
      rows.push([`500-slice CT: images drawn per second while the wheel turns, ${pass}`, `${(drawn.length / seconds).toFixed(1)} (${drawn.length} in ${seconds.toFixed(1)} s)`, 'at least 20']);
    }
    // What the test transport adds: each slice crosses Playwright's page.route as base64 over the
    // DevTools protocol, where Electron's app:// handler hands the bytes over in-process.
    const firstSlice = backend.library.studies.seriesImages(ctSeries).images[0]!.instanceId;
    const served: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const response = await dicomInstanceResponse(() => backend.library, `${origin}/dicom/instances/${firstSlice}`);
      await response.arrayBuffer();
      served.push(performance.now() - t);
    }
    const fetched = await page.evaluate(async (url) => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
        times.push(performance.now() - t);
      }
      return times;
    }, `${origin}/dicom/instances/${firstSlice}`);
    rows.push(['One 512 KB slice: the back end reads it from the vault (median of 20)', `${median(served).toFixed(1)} ms`, '']);
    rows.push(['One 512 KB slice: fetched by the window through the test transport (median of 20)', `${median(fetched).toFixed(1)} ms`, 'in-process in Electron']);
    rows.push(['Chromium resident memory (all its processes), the 500-slice series held', `${(chromiumResident() / MiB).toFixed(0)} MiB`, '']);
    rows.push(['Renderer Cornerstone3D chose', cpu ? 'CPU (no WebGL here)' : 'WebGL', '']);

    // The study page with 10 series: from asking for it to every key image drawn.
    const keyMs: number[] = [];
    for (let run = 0; run < 5; run++) {
      const asked = await fresh(`#/document/${ten.id}`);
      await page.waitForFunction(() => performance.getEntriesByName('casebinder:key-image').length >= 10, undefined, { timeout: 60_000 });
      const drawn = await marks(page, 'casebinder:key-image');
      keyMs.push(Math.max(...drawn) - asked);
    }
    rows.push(['Study page with 10 series: every key image drawn (median of 5)', `${median(keyMs).toFixed(0)} ms`, '']);
  } finally {
    await browser.close();
    await backend.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return rows;
}
