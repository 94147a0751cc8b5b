/** The IPC names the preload and the main process share; kept apart so the preload stays tiny. */
export const IPC_INVOKE = 'casebinder:invoke';
export const IPC_EVENT = 'casebinder:event';
/** The preload tells the main process the path of a file dropped on the window (the person chose it). */
export const IPC_DROPPED = 'casebinder:dropped';
export const APP_EVENTS = ['job:progress', 'job:finished', 'library:changed', 'menu:command', 'security:locked'] as const;
