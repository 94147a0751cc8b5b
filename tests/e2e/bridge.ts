/**
 * How the test harness and the app bench put the real back end behind the real window without
 * Electron: page.exposeBinding in place of ipcRenderer, page.evaluate in place of webContents.send, and
 * an init script that defines window.casebinder with exactly the preload's shape.
 */
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/app/backend.ts';
import { dicomInstanceResponse } from '../../electron/app/dicom-files.ts';
import { dispatch } from '../../electron/app/dispatch.ts';
import { DICOM_INSTANCE_PATH } from '../../shared/imaging.ts';
import type { AppEvents } from '../../shared/ipc-contract.ts';

export function bridgeInitScript(): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const w = window as unknown as Record<string, unknown>;
  w.__casebinderEmit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const invoke = w.__casebinderInvoke as (channel: string, args: readonly unknown[]) => Promise<unknown>;
  const bridge = {
    invoke: (channel: string, args: readonly unknown[]) => invoke(channel, args),
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    // Electron's webUtils.getPathForFile: the test says which path a dropped file stands for; as the
    // preload does, the back end is told it was chosen.
    pathForFile: (file: { name: string }) => {
      const path = ((w.__dropPaths as Record<string, string> | undefined) ?? {})[file.name] ?? '';
      if (path) void (w.__casebinderDropped as (path: string) => Promise<void>)(path);
      return path;
    },
  };
  Object.defineProperty(window, 'casebinder', { value: Object.freeze(bridge), writable: false });
}

/** Events from the back end to the window, as Electron's webContents.send delivers them. */
export function emitTo(page: () => Page | undefined) {
  return <E extends keyof AppEvents>(event: E, payload: AppEvents[E]) => {
    void page()
      ?.evaluate(([e, p]) => (window as unknown as { __casebinderEmit: (e: string, p: unknown) => void }).__casebinderEmit(e, p), [event, payload] as const)
      .catch(() => undefined);
  };
}

/** Requests from the window to the back end, checked as Electron's IPC binding checks them. */
export async function connect(page: Page, backend: () => Backend, origin: string): Promise<void> {
  await page.exposeBinding('__casebinderInvoke', async (source, channel: unknown, args: unknown) => {
    // As electron/desktop/ipc.ts does: only the app's own top-level page may call the back end.
    if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(origin)) {
      return { ok: false, error: { code: 'internal', message: 'ipc: request refused: it did not come from the app window.' } };
    }
    return dispatch(backend().handlers, channel, args);
  });
  // As electron/desktop/ipc.ts does for the preload: a dropped file's path is recorded as chosen.
  await page.exposeBinding('__casebinderDropped', (source, file: unknown) => {
    if (source.frame === source.page.mainFrame() && typeof file === 'string') backend().chosen.choose(file);
  });
  // As electron/desktop/protocol.ts does on app://casebinder: the viewer's DICOM reads come from the library.
  await page.route(`${origin}${DICOM_INSTANCE_PATH}**`, async (route) => {
    const response = await dicomInstanceResponse(() => backend().library, route.request().url(), route.request().method());
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  await page.addInitScript(bridgeInitScript);
}
