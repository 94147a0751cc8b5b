import { protocol } from 'electron';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { APP_SCHEME, policyFor } from '../../shared/security-policy.ts';
import { dicomInstanceResponse, isDicomRequest } from '../app/dicom-files.ts';
import type { Library } from '../library/library.ts';
import { resolveAppFile } from './policy.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** Must run before the app is ready: app:// behaves like https (secure, fetch, a real origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves the built window from `root`, with the Content-Security-Policy on every response, and the
 * viewer's DICOM reads from the open library (app://casebinder/dicom/instances/<id>).
 */
export function serveApp(root: string, library: () => Library): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (isDicomRequest(request.url)) return dicomInstanceResponse(library, request.url, request.method);
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fsp.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': policyFor(new URL(request.url).pathname),
          'x-content-type-options': 'nosniff',
          'cross-origin-opener-policy': 'same-origin',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
