/** The light/dark switch in the header. */
import { useEffect, useState } from 'react';
import { applyTheme, currentTheme } from './theme.ts';

export function ThemeToggle() {
  const [theme, setTheme] = useState(currentTheme);
  useEffect(() => applyTheme(theme, false), [theme]);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={dark}
      className="switch theme-toggle"
      onClick={() => {
        const next = dark ? 'light' : 'dark';
        applyTheme(next, true);
        setTheme(next);
      }}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-text">Dark theme</span>
    </button>
  );
}
