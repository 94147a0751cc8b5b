/**
 * A link that leaves the app opens in the person's browser, only for http(s), with no name or
 * password in it, and only after they agree. The window's link handler (electron/desktop/security.ts)
 * and the back end's "open this link" channel both ask here.
 */
export function mayOpenExternally(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password && parsed.hostname.length > 0;
}
