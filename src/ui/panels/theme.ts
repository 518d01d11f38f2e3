/**
 * Light or dark: an explicit choice is stored and set as data-theme on <html>; with no choice
 * the page follows the system setting (see app.css).
 */
export type Theme = 'light' | 'dark';
const KEY = 'statecraft-theme';

function stored(): Theme | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage can be blocked (sandboxed iframe, privacy settings)
  }
}

/** The theme in effect now. */
export function currentTheme(): Theme {
  const attr = document.documentElement.dataset.theme;
  if (attr === 'light' || attr === 'dark') return attr;
  const s = stored();
  if (s) return s;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  if (!remember) return;
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
}
