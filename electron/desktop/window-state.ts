import fs from 'node:fs';
import path from 'node:path';

/** Where and how big the window was, so it opens there again. */
export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 840, maximized: false };

interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Reads the saved state; anything missing, damaged or off every screen falls back to the default. */
export function loadWindowState(file: string, screens: readonly Area[]): WindowState {
  let saved: Partial<WindowState>;
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WindowState>;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const width = Number(saved.width);
  const height = Number(saved.height);
  if (!Number.isFinite(width) || !Number.isFinite(height) || width < 400 || height < 300) return DEFAULT_WINDOW_STATE;
  const state: WindowState = { width: Math.round(width), height: Math.round(height), maximized: saved.maximized === true };
  const { x, y } = saved;
  if (typeof x !== 'number' || typeof y !== 'number') return state;
  // Keep a position only if the window's title bar would be on a screen (a monitor may be gone).
  const visible = screens.some((s) => x + 100 > s.x && x < s.x + s.width - 100 && y >= s.y && y < s.y + s.height - 50);
  return visible ? { ...state, x: Math.round(x), y: Math.round(y) } : state;
}

export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state));
  fs.renameSync(temp, file);
}
