import { app, dialog, Menu, shell } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc-contract.ts';

interface MenuOptions {
  readonly window: () => BrowserWindow | undefined;
  readonly command: (command: MenuCommand) => void;
  readonly libraryDir: string;
  readonly development: boolean;
}

/** The native menu with the usual entries and shortcuts; app actions are forwarded to the window. */
export function buildMenu(options: MenuOptions): Menu {
  const isMac = process.platform === 'darwin';
  const send = (command: MenuCommand) => () => options.command(command);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: 'Import a Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: send('import-folder') },
        { type: 'separator' },
        { label: 'Add Patient…', accelerator: 'CmdOrCtrl+Shift+N', click: send('add-patient') },
        { type: 'separator' },
        { label: 'Privacy and Backups…', click: send('privacy') },
        { label: 'Lock Casebinder', accelerator: 'CmdOrCtrl+L', click: send('lock') },
        { type: 'separator' },
        { label: 'Show Library Folder', click: () => void shell.openPath(options.libraryDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Library', accelerator: 'CmdOrCtrl+Shift+L', click: send('go-library') },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
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
          label: 'About Casebinder',
          click: () => {
            const win = options.window();
            const about = {
              type: 'info' as const,
              message: `Casebinder ${app.getVersion()}`,
              detail: `Your library: ${options.libraryDir}\n\nEverything stays on this computer until you export it.`,
            };
            void (win ? dialog.showMessageBox(win, about) : dialog.showMessageBox(about));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
