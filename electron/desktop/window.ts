import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY } from './policy.ts';
import { loadWindowState, saveWindowState } from './window-state.ts';

/**
 * The one window: sandboxed, context-isolated, no Node in the page, only the preload's small bridge.
 * It opens where it was last closed.
 */
export function createMainWindow(options: { preload: string; stateFile: string; icon?: string }): BrowserWindow {
  const state = loadWindowState(options.stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Casebinder',
    ...(options.icon ? { icon: options.icon } : {}),
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15191c' : '#f6f5f2',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // A middle click on a link would open it in a new window; the app opens links only in the browser, when asked.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed() || window.isMinimized()) return;
      const bounds = window.getNormalBounds();
      saveWindowState(options.stateFile, { ...bounds, maximized: window.isMaximized() });
    }, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.on('close', () => {
    clearTimeout(timer);
    saveWindowState(options.stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(APP_ENTRY);
  return window;
}
