import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, resolveLibraryDir } from '../../electron/library/location.ts';

describe('library location', () => {
  it('lives in the per-user app-data folder Electron uses, on each system', () => {
    expect(defaultLibraryDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Casebinder/Library');
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/ana')).toBe('/x/cfg/Casebinder/Library');
    expect(defaultLibraryDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Casebinder/Library');
    expect(defaultLibraryDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Casebinder\\Library',
    );
  });

  it('prefers --library, then CASEBINDER_LIBRARY', () => {
    expect(resolveLibraryDir('/a', { CASEBINDER_LIBRARY: '/b' })).toBe('/a');
    expect(resolveLibraryDir(undefined, { CASEBINDER_LIBRARY: '/b' })).toBe('/b');
    expect(resolveLibraryDir('rel/lib', {})).toBe(path.resolve('rel/lib'));
  });
});
