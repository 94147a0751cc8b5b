import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from '../../../electron/desktop/window-state.ts';
import { tempDir } from '../../helpers/paths.ts';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('the window opens where it was', () => {
  it('remembers size, position and maximised', () => {
    const file = path.join(tempDir(), 'window-state.json');
    saveWindowState(file, { x: 100, y: 80, width: 1100, height: 700, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({ x: 100, y: 80, width: 1100, height: 700, maximized: true });
  });

  it('forgets a position on a screen that is no longer there', () => {
    const file = path.join(tempDir(), 'window-state.json');
    saveWindowState(file, { x: 2500, y: 80, width: 1100, height: 700, maximized: false });
    expect(loadWindowState(file, screen)).toEqual({ width: 1100, height: 700, maximized: false });
  });

  it('falls back to the default for a missing, damaged or absurd file', () => {
    const dir = tempDir();
    expect(loadWindowState(path.join(dir, 'none.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"width": "wide"');
    expect(loadWindowState(path.join(dir, 'bad.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, 'tiny.json'), '{"width": 10, "height": 10}');
    expect(loadWindowState(path.join(dir, 'tiny.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
