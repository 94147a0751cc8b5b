import path from 'node:path';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/security-policy.ts';

/**
 * The window's security decisions as plain functions (after Actual's trusted-url.ts): what it may
 * navigate to, which links may leave the app, which permissions it gets, who may call the back end,
 * and which file an app:// URL serves. security.ts applies them to Electron; tests check them as tables.
 */

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page of the app itself: app://casebinder/... and nothing else. */
export function isAppUrl(url: string | undefined): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/** The window only ever shows the app's own pages; anything else is refused, not loaded. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Camera, microphone, location, notifications, MIDI, USB...: the app needs none of them, so every
 * request is refused, whoever asks.
 */
export function mayGrantPermission(_permission: string, _requestingUrl: string | undefined): boolean {
  return false;
}

/** Only the app's own top-level page may call the back end. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

/** The file under `root` that an app:// URL names; null for anything outside it. */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const parsed = new URL(url);
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  const base = path.resolve(root);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
