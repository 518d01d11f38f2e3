/** The light/dark switch in the header. */
import { useEffect, useState } from 'react';
import { Switch } from './Switch.tsx';
import { applyTheme, currentTheme } from './theme.ts';

export function ThemeToggle() {
  const [theme, setTheme] = useState(currentTheme);
  useEffect(() => applyTheme(theme, false), [theme]);
  const dark = theme === 'dark';
  return (
    <Switch
      label="Dark theme"
      checked={dark}
      className="theme-toggle"
      onToggle={() => {
        const next = dark ? 'light' : 'dark';
        applyTheme(next, true);
        setTheme(next);
      }}
    />
  );
}
