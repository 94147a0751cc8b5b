import type { BrowserWindow } from 'electron';

/**
 * Prints the window through the system's print dialog (webContents.print, which says when the dialog
 * closes and whether it printed; a page's own window.print() tells it nothing). '' when it printed,
 * else the reason ('cancelled', 'failed', or that there is no window).
 */
export function printWindow(window: BrowserWindow | undefined): Promise<string> {
  if (!window || window.isDestroyed()) return Promise.resolve('There is no window to print.');
  return new Promise((resolve) => {
    window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => resolve(success ? '' : failureReason || 'failed'));
  });
}
