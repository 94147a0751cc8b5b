import type { Dialogs, ExternalShell } from '../../electron/app/context.ts';

/** A desktop where every dialog is cancelled and nothing opens outside the app: for back ends no person drives. */
export const NO_DESKTOP: { readonly dialogs: Dialogs; readonly shell: ExternalShell } = {
  dialogs: { chooseImport: async () => [], confirmExternalLink: async () => false, chooseExportFolder: async () => null, chooseBackupFolder: async () => null },
  shell: { openExternal: async () => undefined, showItemInFolder: () => undefined, openPath: async () => 'nothing opens here', printWindow: async () => 'nothing prints here', windowLanguage: () => undefined },
};
