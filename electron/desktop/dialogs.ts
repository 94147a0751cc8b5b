import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Dialogs } from '../app/context.ts';

/** The native dialogs behind the back end's Dialogs interface. */
export function electronDialogs(window: () => BrowserWindow | undefined): Dialogs {
  /** A folder the person picks (or makes), starting from `current`; null when they cancel. */
  async function chooseFolder(title: string, buttonLabel: string, current: string | null): Promise<string | null> {
    const options: Electron.OpenDialogOptions = { title, buttonLabel, properties: ['openDirectory', 'createDirectory'], ...(current ? { defaultPath: current } : {}) };
    const win = window();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  return {
    async chooseImport(kind) {
      const win = window();
      const options: Electron.OpenDialogOptions = {
        title: kind === 'folder' ? 'Choose a folder of records to import' : 'Choose records to import',
        buttonLabel: 'Import',
        properties: kind === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
        ...(kind === 'files'
          ? { filters: [{ name: 'Records (PDF, JPEG, PNG)', extensions: ['pdf', 'jpg', 'jpeg', 'png'] }, { name: 'All files', extensions: ['*'] }] }
          : {}),
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async confirmExternalLink(url) {
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'Open this link in your web browser?',
        detail: `${url}\n\nThe page opens outside Casebinder. Nothing from your library is sent.`,
      };
      const win = window();
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    chooseExportFolder: (current) => chooseFolder('Choose where to write case bundles', 'Write here', current),
    chooseBackupFolder: (current) => chooseFolder('Choose a folder for backups (on another drive)', 'Back up here', current),
  };
}
