import { app, dialog, Menu, shell } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc-contract.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import { MENU_WORDS } from './menu-words.ts';

interface MenuOptions {
  readonly window: () => BrowserWindow | undefined;
  readonly command: (command: MenuCommand) => void;
  readonly libraryDir: string;
  readonly development: boolean;
  /** The window's language (English until the window says). */
  readonly language?: WindowLanguage;
}

/** The native menu with the usual entries and shortcuts; app actions are forwarded to the window. */
export function buildMenu(options: MenuOptions): Menu {
  const isMac = process.platform === 'darwin';
  const send = (command: MenuCommand) => () => options.command(command);
  const w = MENU_WORDS[options.language ?? 'en'];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: w.file,
      submenu: [
        { label: w.importFiles, accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: w.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: send('import-folder') },
        { type: 'separator' },
        { label: w.addPatient, accelerator: 'CmdOrCtrl+Shift+N', click: send('add-patient') },
        { type: 'separator' },
        { label: w.privacy, click: send('privacy') },
        { label: w.lock, accelerator: 'CmdOrCtrl+L', click: send('lock') },
        { type: 'separator' },
        { label: w.showFolder, click: () => void shell.openPath(options.libraryDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: w.view,
      submenu: [
        { label: w.library, accelerator: 'CmdOrCtrl+Shift+L', click: send('go-library') },
        { label: w.find, accelerator: 'CmdOrCtrl+F', click: send('find') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.development ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: w.about,
          click: () => {
            const win = options.window();
            const about = {
              type: 'info' as const,
              message: `Casebinder ${app.getVersion()}`,
              detail: w.aboutDetail.replace('{folder}', options.libraryDir),
            };
            void (win ? dialog.showMessageBox(win, about) : dialog.showMessageBox(about));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
