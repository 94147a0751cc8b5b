/**
 * The preload: the window's only way to the back end. It exposes one small object that satisfies the
 * shared CasebinderBridge type; ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CasebinderBridge } from '../shared/ipc-contract.ts';
import { APP_EVENTS, IPC_DROPPED, IPC_EVENT, IPC_INVOKE } from '../shared/ipc-names.ts';

const bridge = {
  invoke: (channel, args) => ipcRenderer.invoke(IPC_INVOKE, channel, args),
  on: (event, listener) => {
    if (!(APP_EVENTS as readonly string[]).includes(event)) throw new Error(`preload: no event called "${event}"`);
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
  pathForFile: (file) => {
    // Electron's own answer for a file from a drop or a file input: a page cannot make one up. The
    // main process records it as chosen before the window can ask to import it.
    const path = webUtils.getPathForFile(file as File);
    if (path) ipcRenderer.sendSync(IPC_DROPPED, path);
    return path;
  },
} satisfies CasebinderBridge;

contextBridge.exposeInMainWorld('casebinder', bridge);
