import os from 'node:os';
import path from 'node:path';

/**
 * Where the library lives when nobody says otherwise: inside the same per-user folder Electron uses
 * for the app's data (`app.getPath('userData')`), computed here without Electron so the command line
 * and the app always agree on it.
 */
export function defaultLibraryDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  let appData: string;
  if (platform === 'win32') appData = env.APPDATA || p.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = p.join(home, 'Library', 'Application Support');
  else appData = env.XDG_CONFIG_HOME || p.join(home, '.config');
  return p.join(appData, 'Casebinder', 'Library');
}

/** `--library DIR` wins, then `CASEBINDER_LIBRARY`, then the per-user default. */
export function resolveLibraryDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.CASEBINDER_LIBRARY;
  return chosen ? path.resolve(chosen) : defaultLibraryDir(env);
}
