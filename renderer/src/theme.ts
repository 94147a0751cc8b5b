/**
 * Light or dark: following the system (the default), or the one the person chose in Settings. Kept in
 * the window's localStorage (read before the first paint, so the window never flashes the other theme);
 * it is a look, not a record, and holds nothing of the library.
 */
export type Theme = 'system' | 'light' | 'dark';

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const KEY = 'casebinder:theme';

export function savedTheme(): Theme {
  const value = globalThis.localStorage?.getItem(KEY);
  return THEMES.find((t) => t === value) ?? 'system';
}

/** Shows the theme now (tokens.css reads data-theme) and remembers it. */
export function applyTheme(theme: Theme, remember = true): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  if (remember) globalThis.localStorage?.setItem(KEY, theme);
}
