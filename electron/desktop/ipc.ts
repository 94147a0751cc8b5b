import { ipcMain } from 'electron';
import { IPC_DROPPED, IPC_INVOKE } from '../../shared/ipc-names.ts';
import type { IpcResult } from '../../shared/ipc-contract.ts';
import { dispatch } from '../app/dispatch.ts';
import type { ChosenPaths } from '../app/chosen-paths.ts';
import type { Handlers } from '../app/context.ts';
import { isTrustedSender } from './policy.ts';

/**
 * The one IPC entry point (after Signal's sql_channel wrapResult): the sender must be the app's own
 * top-level page, and `dispatch` checks the request against the contract before any handler runs.
 */
export function bindIpc(handlers: Handlers, chosen: ChosenPaths): void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, args: unknown): Promise<IpcResult> => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame)) {
      return { ok: false, error: { code: 'internal', message: 'ipc: request refused: it did not come from the app window.' } };
    }
    return dispatch(handlers, channel, args);
  });
  // A file dropped on the window, from the preload (synchronous: recorded before the window asks to import it).
  ipcMain.on(IPC_DROPPED, (event, file: unknown) => {
    const frame = event.senderFrame;
    if (frame && isTrustedSender(frame.url, frame === event.sender.mainFrame) && typeof file === 'string') chosen.choose(file);
    event.returnValue = null;
  });
}
