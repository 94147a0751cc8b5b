/**
 * Where the app's pages come from and what they may load. The window is served from app://casebinder/
 * (never file://), and its Content-Security-Policy allows nothing but the app's own files: no network,
 * no inline script, no plugins, no frames. The test harness serves the same pages with the same policy.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'casebinder';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const DIRECTIVES = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets WebAssembly compile (the scan viewer's DICOM decoders: JPEG, JPEG-LS,
  // JPEG 2000, HTJ2K); it allows no JavaScript eval and no script from anywhere but the app.
  "script-src 'self' 'wasm-unsafe-eval'",
  // pdf.js sets styles through the CSS object model, which style-src does not restrict.
  "style-src 'self'",
  // Thumbnails and page images are blob: URLs the window makes itself.
  "img-src 'self' blob: data:",
  // pdf.js embeds the PDF's own fonts.
  "font-src 'self' data: blob:",
  // pdf.js fetches its character maps and standard fonts from the app's own files.
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "manifest-src 'none'",
];

/** Sent with every page of the app (app:// in Electron, the preview server in tests). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The scan viewer's DICOM decoders (CharLS, libjpeg-turbo, OpenJPH) are Emscripten builds whose
 * bindings make small functions with `new Function`. They run in their own web worker, which has no
 * DOM, no IPC and no network beyond the app's files, and is handed only compressed pixels; that
 * worker's script alone is served with 'unsafe-eval' added. A worker's policy comes from its own
 * script's response, so the window keeps the strict policy above.
 */
export const DECODER_WORKER_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "connect-src 'self'",
  "worker-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Whether a path of the built window is the decoder worker's script (assets/decodeImageFrameWorker-<hash>.js). */
export function isDecoderWorker(pathname: string): boolean {
  return /(^|\/)assets\/decodeImageFrameWorker-[\w-]+\.js$/.test(pathname);
}

/** The policy a file of the built window is served with. */
export function policyFor(pathname: string): string {
  return isDecoderWorker(pathname) ? DECODER_WORKER_POLICY : CONTENT_SECURITY_POLICY;
}

/**
 * The same policy written into the page's own HTML as well, so it holds even where a response's header
 * were lost (defence in depth). frame-ancestors is left out: a <meta> policy cannot carry it, and the
 * browser says so as an error.
 */
export const CONTENT_SECURITY_POLICY_IN_PAGE = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

const CHARSET = '<meta charset="utf-8" />';

/** The window's HTML with its policy written in, right after its charset, before anything it loads (the build does this). */
export function withPolicyInPage(html: string): string {
  if (!html.includes(CHARSET)) throw new Error(`renderer/index.html: the Content-Security-Policy goes after ${CHARSET}, which is missing`);
  return html.replace(CHARSET, `${CHARSET}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_IN_PAGE}" />`);
}
