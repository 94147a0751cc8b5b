/**
 * Where the app's pages come from and what they may load. The window is served from app://casebinder/
 * (never file://), and its Content-Security-Policy allows nothing but the app's own files: no network,
 * no inline script, no plugins, no frames. The test harness serves the same pages with the same policy.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'casebinder';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
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
].join('; ');
