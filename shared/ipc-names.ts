/** The IPC names the preload and the main process share; kept apart so the preload stays tiny. */
export const IPC_INVOKE = 'casebinder:invoke';
export const IPC_EVENT = 'casebinder:event';
export const APP_EVENTS = ['job:progress', 'job:finished', 'library:changed', 'menu:command'] as const;
