/**
 * The preload: the window's only way to the back end. It exposes one small object that satisfies the
 * shared CasebinderBridge type; ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CasebinderBridge } from '../shared/ipc-contract.ts';
import { APP_EVENTS, IPC_EVENT, IPC_INVOKE } from '../shared/ipc-names.ts';

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
  pathForFile: (file) => webUtils.getPathForFile(file as File),
} satisfies CasebinderBridge;

contextBridge.exposeInMainWorld('casebinder', bridge);
