/**
 * Electron's main process: one hardened window on the record library. Everything it serves comes from
 * the same back end the command line uses (electron/app), behind the IPC contract in shared/.
 */
import { app, BrowserWindow, dialog, Menu, powerMonitor, safeStorage, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT } from '../shared/ipc-names.ts';
import { CasebinderError } from '../shared/errors.ts';
import { said } from '../shared/said.ts';
import { Backend } from './app/backend.ts';
import { electronDialogs } from './desktop/dialogs.ts';
import { bindIpc } from './desktop/ipc.ts';
import { buildMenu } from './desktop/menu.ts';
import { safeStorageKeychain } from './desktop/keychain.ts';
import { registerAppScheme, serveApp } from './desktop/protocol.ts';
import { hardenContents, hardenSession } from './desktop/security.ts';
import { createMainWindow } from './desktop/window.ts';
import { printWindow } from './desktop/print.ts';
import { resolveLibraryDir } from './library/location.ts';
import { loadWindowLanguage, saveWindowLanguage } from './desktop/language.ts';
import { openFailure, startupLanguage } from './desktop/open-failure.ts';
import type { WindowLanguage } from '../shared/languages.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, '..');

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

// Chromium in the window's language (its date pickers and number fields), as the window last said.
const languageFile = path.join(app.getPath('userData'), 'window-language.json');
const chosenLanguage = loadWindowLanguage(languageFile);
if (chosenLanguage) app.commandLine.appendSwitch('lang', chosenLanguage);
let windowLanguage: WindowLanguage = chosenLanguage ?? 'en';

let window: BrowserWindow | undefined;
let backend: Backend | undefined;

let setMenu: () => void = () => undefined;

/** The window speaks another language: the menu follows now; a language the person chose, Chromium at the next start. */
function setWindowLanguage(language: WindowLanguage, chosen: boolean): void {
  saveWindowLanguage(languageFile, chosen ? language : null);
  if (language === windowLanguage) return;
  windowLanguage = language;
  setMenu();
}

function emit(event: string, payload: unknown): void {
  if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT, event, payload);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveApp(path.join(OUT, 'renderer'), () => {
    if (!backend) throw new CasebinderError('library-locked', said('err.not-open'));
    return backend.library;
  });
  const dialogs = electronDialogs(() => window);
  const libraryDir = resolveLibraryDir(undefined);
  try {
    backend = new Backend({
      libraryDir,
      dialogs,
      shell: { openExternal: (url) => shell.openExternal(url), showItemInFolder: (file) => shell.showItemInFolder(file), openPath: (file) => shell.openPath(file), printWindow: () => printWindow(window), windowLanguage: (language, chosen) => setWindowLanguage(language, chosen) },
      emit,
      version: app.getVersion(),
      keychain: safeStorageKeychain(safeStorage),
      workerFile: path.join(here, 'worker.js'),
    });
  } catch (error) {
    const { title, body } = openFailure(error, libraryDir, startupLanguage(chosenLanguage, app.getLocale()));
    dialog.showErrorBox(title, body);
    app.quit();
    return;
  }
  bindIpc(backend.handlers, backend.chosen);
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, (url) => {
      void dialogs.confirmExternalLink(url).then((yes) => (yes ? shell.openExternal(url) : undefined));
    }),
  );
  setMenu = () =>
    Menu.setApplicationMenu(
      buildMenu({ window: () => window, command: (command) => emit('menu:command', { command }), libraryDir, development: !app.isPackaged, language: windowLanguage }),
    );
  setMenu();
  // An encrypted library locks when the computer does, or sleeps.
  powerMonitor.on('lock-screen', () => void backend?.lock());
  powerMonitor.on('suspend', () => void backend?.lock());
  openWindow();
  // What the last session left: key images of series not drawn yet, pages waiting for OCR.
  backend.resume().catch((error: unknown) => console.error('Casebinder could not finish the work left from last time:', error));
}

/** The window; on macOS it can be closed and opened again from the dock while the app runs. */
function openWindow(): void {
  const icon = path.join(OUT, '..', 'build', 'icon.png');
  window = createMainWindow({
    preload: path.join(OUT, 'preload', 'preload.cjs'),
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    ...(fs.existsSync(icon) ? { icon } : {}),
  });
  window.on('closed', () => {
    window = undefined;
  });
}

app.on('second-instance', () => {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && backend) openWindow();
});
let closing = false;
app.on('before-quit', (event) => {
  if (closing || !backend) return;
  closing = true;
  event.preventDefault();
  void backend.close().finally(() => app.quit());
});
void app.whenReady().then(start);
