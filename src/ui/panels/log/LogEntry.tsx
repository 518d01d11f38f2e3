/** One narration line: severity mark, simulated time, sentence. */
import { memo } from 'react';
import type { NarrationEntry, Severity } from '../../../store/narration.ts';
import { formatSimTime } from '../format.ts';

const ICONS: Record<Severity, { icon: string; label: string }> = {
  info: { icon: 'ℹ', label: 'Info' },
  good: { icon: '✔', label: 'Good' },
  warn: { icon: '⚠', label: 'Warning' },
  bad: { icon: '✖', label: 'Problem' },
};

export const LogEntry = memo(function LogEntry({ entry }: { entry: NarrationEntry }) {
  const { icon, label } = ICONS[entry.severity];
  return (
    <li className={`log-entry log-${entry.severity}`}>
      <span className="log-icon" role="img" aria-label={label}>
        {icon}
      </span>
      <time className="log-time">{formatSimTime(entry.tMs)}</time>
      <span className="log-text">{entry.text}</span>
    </li>
  );
});
