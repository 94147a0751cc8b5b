/**
 * An advocate's practice after a few years: 100,000 documents and 1,000,000 pages across 100 clients,
 * each with two open cases. Built once (seeded: every build is the same) and kept in the bench cache;
 * then measured: search in the back end, and in Chromium on the real back end (as the end-to-end tests
 * wire it) the library's first render, a case opened and the practice view, from the window's own
 * performance marks.
 */
import type { Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';
import { Backend } from '../../electron/app/backend.ts';
import { Library } from '../../electron/library/library.ts';
import { connect, emitTo } from '../e2e/bridge.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';
import { databaseOf } from '../helpers/library.ts';
import { launchChromium, median, p95 } from './app.ts';
import { realisticClients, realisticDocument, REALISTIC_QUERIES } from './realistic-library.ts';
import { asNewDocument, keystrokes, seeded } from './synthetic-records.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCALE_DOCUMENTS = 100_000;
export const SCALE_PAGES = 1_000_000;
const CLIENTS = 100;
/** Documents written per transaction (and held in memory at once while building). */
const CHUNK = 2_000;

export interface ScaleResult {
  readonly documents: number;
  readonly pages: number;
  readonly firstRenderMs: number;
  /** Search as the window does it: one client's records (their documents among all). */
  readonly searchMedianMs: number;
  readonly searchP95Ms: number;
  readonly caseOpenMs: number;
  readonly practiceViewMs: number;
  readonly databaseBytes: number;
  readonly buildSeconds: number;
  /** Where each figure came from, for the printed table. */
  readonly details: Readonly<Record<string, number>>;
}


/** The library, built once into the cache; its build time is kept beside it. */
function scaleLibrary(cache: string, log: (line: string) => void): { dir: string; buildSeconds: number } {
  const dir = path.join(cache, 'scale-library-v1');
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return { dir, buildSeconds: (JSON.parse(fs.readFileSync(done, 'utf8')) as { buildSeconds: number }).buildSeconds };
  fs.rmSync(dir, { recursive: true, force: true });
  log(`  (building the library of ${SCALE_DOCUMENTS.toLocaleString('en-US')} documents / ${SCALE_PAGES.toLocaleString('en-US')} pages in ${dir} once; minutes)`);
  const started = performance.now();
  const library = Library.open(dir, { create: true });
  try {
    const random = seeded(2026);
    const clients = realisticClients(random, CLIENTS);
    const patients = clients.map((c, i) => library.patients.add({ name: c.name, dateOfBirth: `19${40 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` }).id);
    const pagesPerChunk = (SCALE_PAGES / SCALE_DOCUMENTS) * CHUNK;
    for (let first = 0; first < SCALE_DOCUMENTS; first += CHUNK) {
      const docs = Array.from({ length: CHUNK }, (_, k) => realisticDocument(random, clients[(first + k) % CLIENTS]!, first + k));
      // Long charts grow (or short documents shrink) until each chunk has exactly its share of pages.
      let total = docs.reduce((n, d) => n + d.pages.length, 0);
      const long = docs.filter((d) => d.pages.length >= 40);
      for (let k = 0; total < pagesPerChunk; k++, total++) long[k % long.length]!.pages.push(long[k % long.length]!.pages[0]!);
      for (let k = 0; total > pagesPerChunk; k++) {
        const doc = docs[k % docs.length]!;
        if (doc.pages.length > 1) {
          doc.pages.pop();
          total--;
        }
      }
      library.documents.insertMany(
        docs.map((doc, k) => asNewDocument(doc, patients[(first + k) % CLIENTS]!, first + k)),
        new Date(),
      );
      if ((first / CHUNK) % 10 === 9) log(`  (${(first + CHUNK).toLocaleString('en-US')} documents in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    // Two open cases per client, 25 documents each, with a recommendation, questions and records asked for.
    for (const [i, patientId] of patients.entries()) {
      const own = library.documents.list({ patientId }, { limit: 50 });
      for (let k = 0; k < 2; k++) {
        const c = library.cases.create(patientId, { title: k ? 'Second opinion on the treatment plan' : 'Recommended surgery', specialty: k ? 'oncology' : 'spine-orthopedic' }, new Date());
        library.cases.addDocuments(c.id, own.slice(k * 25, k * 25 + 25).map((d) => d.id));
        library.cases.addRecommendation(c.id, { clinician: 'Dr Example', procedure: 'Surgery', date: '2025-02-01', documentIds: [own[k * 25]!.id] });
        for (let q = 0; q < 5; q++) library.cases.addQuestion(c.id, `Question ${q + 1}?`);
        library.cases.addRequest(c.id, { facility: 'Lakeshore Imaging', what: 'Images on CD', askedOn: i % 3 ? '2026-11-20' : '2026-09-01', method: 'cd' });
      }
    }
  } finally {
    library.close();
  }
  const buildSeconds = (performance.now() - started) / 1000;
  fs.writeFileSync(done, JSON.stringify({ buildSeconds }));
  return { dir, buildSeconds };
}

async function marks(page: Page, name: string): Promise<{ start: number; end: number }[]> {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => ({ start: e.startTime, end: e.startTime + e.duration })), name);
}

export async function benchScale(options: { readonly cache: string; readonly chromiumPath?: string; readonly log: (line: string) => void }): Promise<ScaleResult> {
  const { dir, buildSeconds } = scaleLibrary(options.cache, options.log);
  const databaseBytes = fs.statSync(path.join(dir, 'library.sqlite')).size;

  // Search in the back end, as the window asks it: every query typed, and each keystroke of them.
  const library = Library.open(dir);
  let documents: number;
  let pages: number;
  // As the window searches (one client's records, the one shown), and across every client's.
  const searchMs: number[] = [];
  const wholeMs: number[] = [];
  try {
    documents = library.documents.count();
    const db = databaseOf(library);
    pages = (db.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n;
    db.close();
    const patients = library.patients.list();
    const queries = [...REALISTIC_QUERIES, ...keystrokes(REALISTIC_QUERIES)];
    for (const q of queries) library.search.search(q); // the page cache and the statements, warmed
    for (let round = 0; round < 3; round++) {
      for (const [i, q] of queries.entries()) {
        const patientId = patients[(i * 7 + round) % patients.length]!.id;
        let t = performance.now();
        library.search.search(q, { patientId });
        searchMs.push(performance.now() - t);
        t = performance.now();
        library.search.search(q);
        wholeMs.push(performance.now() - t);
      }
    }
  } finally {
    library.close();
  }

  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });
  const server = await preview({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
  const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  let page: Page | undefined;
  const backend = new Backend({ libraryDir: dir, ...NO_DESKTOP, emit: emitTo(() => page), version: 'bench', backgroundOcr: false });
  const browser = await launchChromium(options.chromiumPath);
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await connect(page, () => backend, origin);
    await backend.resume();
    /** A fresh document at `hash`, timed from asking for it to the window's mark `name`. */
    const timedOpen = async (hash: string, name: string) => {
      await page!.goto('about:blank');
      await page!.goto(`${origin}/index.html#/`);
      await page!.waitForFunction(() => performance.getEntriesByName('casebinder:library-rendered').length > 0, undefined, { timeout: 120_000 });
      if (hash === '#/') {
        const [data] = await marks(page!, 'casebinder:library-data');
        const [rendered] = await marks(page!, 'casebinder:library-rendered');
        return { render: rendered!.start - data!.start, total: rendered!.start };
      }
      const asked = await page!.evaluate((h) => {
        const t = performance.now();
        window.location.hash = h;
        return t;
      }, hash);
      await page!.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 120_000 });
      const [mark] = await marks(page!, name);
      return { render: mark!.end - asked, total: mark!.end - asked };
    };
    const library = backend.library;
    const first = library.patients.list()[0]!; // the window opens on the first client by name
    const libraryRuns = [];
    for (let run = 0; run < 5; run++) libraryRuns.push(await timedOpen('#/', 'casebinder:library-rendered'));
    const cases = library.cases.list(first.id);
    const caseRuns = [];
    for (let run = 0; run < 6; run++) caseRuns.push(await timedOpen(`#/case/${cases[run % cases.length]!.id}`, 'casebinder:case-rendered'));
    const practiceRuns = [];
    for (let run = 0; run < 5; run++) practiceRuns.push(await timedOpen('#/practice', 'casebinder:practice-rendered'));
    const practiceBackend: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      await backend.handlers['practice:overview']();
      practiceBackend.push(performance.now() - t);
    }
    // The harness's own transport (Playwright's exposeBinding in place of Electron's IPC): a request that
    // does nothing, asked from the page twenty times, so the window's figures can be read with it in mind.
    const harnessRoundTrips = await page.evaluate(async () => {
      const bridge = (window as unknown as { casebinder: { invoke: (channel: string, args: readonly unknown[]) => Promise<unknown> } }).casebinder;
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await bridge.invoke('app:info', []);
        times.push(performance.now() - t);
      }
      return times;
    });
    const listBackend: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      await backend.handlers['documents:list']({ patientId: first.id });
      listBackend.push(performance.now() - t);
    }
    return {
      documents,
      pages,
      firstRenderMs: median(libraryRuns.map((r) => r.render)),
      searchMedianMs: median(searchMs),
      searchP95Ms: p95(searchMs),
      caseOpenMs: median(caseRuns.map((r) => r.total)),
      practiceViewMs: median(practiceRuns.map((r) => r.total)),
      databaseBytes,
      buildSeconds,
      details: {
        libraryRows: library.documents.list({ patientId: first.id }).length,
        libraryPageLoadMs: median(libraryRuns.map((r) => r.total)),
        documentsListBackendMs: median(listBackend),
        practiceBackendMs: median(practiceBackend),
        searchQueries: searchMs.length,
        wholeLibrarySearchMedianMs: median(wholeMs),
        wholeLibrarySearchP95Ms: p95(wholeMs),
        caseP95Ms: p95(caseRuns.map((r) => r.total)),
        harnessRoundTripMs: median(harnessRoundTrips),
        practiceP95Ms: p95(practiceRuns.map((r) => r.total)),
      },
    };
  } finally {
    await browser.close();
    await backend.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
