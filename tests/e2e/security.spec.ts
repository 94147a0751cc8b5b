import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY_IN_PAGE } from '../../shared/security-policy.ts';
import { renderPdf } from '../corpus/render.ts';
import { expect, test } from './harness.ts';

/** A server on another origin stands for "the internet": anything that leaves the page arrives here. */
async function theInternet(): Promise<{ hits: string[]; port: number; trap: http.Server }> {
  const hits: string[] = [];
  const trap = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('x');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  return { hits, port: (trap.address() as AddressInfo).port, trap };
}

test('the page cannot reach the network: the Content-Security-Policy stops every kind of request', async ({ app }) => {
  const { page } = app;
  const { hits, port, trap } = await theInternet();
  try {
    await app.open();
    await expect(page.getByRole('heading', { name: 'Welcome to Casebinder' })).toBeVisible();
    const outcome = await page.evaluate(async (outside) => {
      const blocked: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => blocked.push(`${e.violatedDirective} ${e.blockedURI}`));
      const results: Record<string, string> = {};
      try {
        await fetch(`${outside}/collect?patient=x`);
        results.fetch = 'sent';
      } catch {
        results.fetch = 'refused';
      }
      const img = new Image();
      results.image = await new Promise((resolve) => {
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('refused');
        img.src = `${outside}/pixel.gif`;
      });
      // sendBeacon only queues; the policy stops it on its way out, and reports it.
      navigator.sendBeacon(`${outside}/beacon`, 'x');
      results.websocket = await new Promise((resolve) => {
        try {
          const ws = new WebSocket(`${outside.replace('http', 'ws')}/socket`);
          ws.onerror = () => resolve('refused');
          ws.onopen = () => resolve('open');
        } catch {
          resolve('refused');
        }
      });
      const frame = document.createElement('iframe');
      frame.src = `${outside}/frame`;
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 500));
      return { results, blocked };
    }, `http://127.0.0.1:${port}`);
    expect(outcome.results).toEqual({ fetch: 'refused', image: 'refused', websocket: 'refused' });
    const blocked = outcome.blocked.join('\n');
    for (const directive of ['connect-src', 'img-src', 'frame-src']) expect(blocked).toContain(directive);
    expect(hits).toEqual([]);
  } finally {
    trap.close();
  }
});

test('the page carries its policy itself: with the header lost on the way, it still stops every request', async ({ app }) => {
  const { page } = app;
  const { hits, port, trap } = await theInternet();
  // The page arrives without its Content-Security-Policy header.
  const served: (string | undefined)[] = [];
  await page.route('**/index.html', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  page.on('response', (response) => {
    if (response.url().endsWith('/index.html')) served.push(response.headers()['content-security-policy']);
  });
  try {
    await app.open();
    await expect(page.getByRole('heading', { name: 'Welcome to Casebinder' })).toBeVisible();
    expect(served).toEqual([undefined]);
    const outcome = await page.evaluate(async (outside) => {
      const blocked: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => blocked.push(e.violatedDirective));
      const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      const fetched = await fetch(`${outside}/collect`).then(() => 'sent', () => 'refused');
      const image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('refused');
        img.src = `${outside}/pixel.gif`;
      });
      return { policy, fetched, image, blocked };
    }, `http://127.0.0.1:${port}`);
    expect(outcome).toEqual({ policy: CONTENT_SECURITY_POLICY_IN_PAGE, fetched: 'refused', image: 'refused', blocked: expect.arrayContaining(['connect-src', 'img-src']) });
    expect(hits).toEqual([]);
  } finally {
    trap.close();
  }
});

test('a link inside a PDF never opens in the window: the person is asked, and only then the browser', async ({ app }, testInfo) => {
  const { page } = app;
  const file = testInfo.outputPath('portal letter.pdf');
  await renderPdf(
    [
      { kind: 'letterhead', lines: ['Bay Area Urology Group'] },
      { kind: 'paragraph', text: 'Your results are in the patient portal.' },
      { kind: 'link', text: 'Open the patient portal', url: 'https://portal.example.org/results' },
    ],
    { font: 'Helvetica' },
    file,
  );
  await app.open();
  await page.getByLabel('Full name').fill('Robert Chen');
  await page.getByRole('button', { name: 'Continue' }).click();
  app.dialogs.willChoose(file);
  await page.getByRole('button', { name: 'Import files…' }).click();
  await expect(page.getByRole('heading', { name: /Import finished/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('.doc-row').first().click();
  const link = page.locator('.pdfViewer .annotationLayer a[href^="https://portal.example.org"]');
  await expect(link).toBeAttached({ timeout: 20_000 });
  const before = page.url();

  await link.click();
  await expect.poll(() => app.dialogs.linksAsked).toEqual(['https://portal.example.org/results']);
  expect(app.opened).toEqual([]); // the person said no
  app.dialogs.agreeToLinks = true;
  await link.click();
  await expect.poll(() => app.opened).toEqual(['https://portal.example.org/results']);

  expect(page.url()).toBe(before);
  expect(app.popups).toEqual([]);
  expect(app.requests.filter((url) => url.includes('portal.example.org'))).toEqual([]);
});

test('the window has no way into Node or Electron: only the small bridge', async ({ app }) => {
  const { page } = app;
  await app.open();
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    bridge: Object.keys(window.casebinder ?? {}).sort(),
    frozen: Object.isFrozen(window.casebinder),
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', bridge: ['invoke', 'on', 'pathForFile'], frozen: true });
  // A request the contract does not know, or with the wrong arguments, is refused with a reason.
  const refused = await page.evaluate(async () => [
    await window.casebinder.invoke('documents:delete-everything' as never, []),
    await window.casebinder.invoke('documents:get', ['1; DROP TABLE documents']),
  ]);
  expect(refused).toEqual([
    { ok: false, error: { code: 'invalid-input', message: expect.stringContaining('no request called') } },
    { ok: false, error: { code: 'invalid-input', message: expect.stringContaining('wrong arguments') } },
  ]);
  expect(path.isAbsolute(app.libraryDir)).toBe(true);
});
