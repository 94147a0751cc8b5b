import type { Session, WebContents } from 'electron';
import { mayOpenExternally } from '../app/links.ts';
import { mayGrantPermission, mayNavigate } from './policy.ts';

/**
 * Electron's security checklist in one place (after VS Code's security region in app.ts and Signal's
 * permissions.ts). The decisions themselves are plain functions in policy.ts, tested as tables.
 */

// Requests the app never makes: anything over the network. The app's own pages come from app://.
const NETWORK = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(mayGrantPermission(permission, details.requestingUrl ?? webContents.getURL()));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => mayGrantPermission(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  // No network request ever leaves the app: even a bug or a PDF's link cannot reach a server.
  session.webRequest.onBeforeRequest({ urls: NETWORK }, (_details, callback) => callback({ cancel: true }));
}

/**
 * Every page the app creates: it cannot navigate away, open windows or embed web views. A link that
 * leaves the app goes to `openExternal`, which asks the person first.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url)) openExternal(url);
    return { action: 'deny' };
  });
}
