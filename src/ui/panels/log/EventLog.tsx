/**
 * The narration log, newest first. Re-rendered at most every LOG_REFRESH_MS (the log can
 * grow with every frame while playing); old entries are memoised and not re-rendered.
 */
import { useId, useState } from 'react';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useThrottledSim } from '../hooks/useThrottledSim.ts';
import { useSim } from '../../SimContext.tsx';
import { LogEntry } from './LogEntry.tsx';

const LOG_REFRESH_MS = 250;
/** Entries shown; the store keeps more. */
const SHOWN = 120;
const selLog = (s: SimStoreState) => s.log;
const selPlaying = (s: SimStoreState) => s.playing;

export function EventLog() {
  const log = useThrottledSim(selLog, LOG_REFRESH_MS);
  const playing = useSim(selPlaying);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const headingId = useId();
  const shown: typeof log = [];
  for (let i = log.length - 1; i >= 0 && shown.length < SHOWN; i--) {
    const e = log[i]!;
    if (!problemsOnly || e.severity === 'bad' || e.severity === 'warn') shown.push(e);
  }
  return (
    <section className="panel log-panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>What happened</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={problemsOnly}
            onChange={(e) => setProblemsOnly(e.target.checked)}
          />
          Problems only
        </label>
      </div>
      {/* Scrollable, so it must be focusable for keyboard users. */}
      <ol className="log" tabIndex={0} aria-label="Event log, newest first" data-testid="event-log">
        {shown.length === 0 ? (
          <li className="log-empty">
            {playing
              ? problemsOnly
                ? 'No problems yet. Try killing a server.'
                : 'Nothing yet: events appear here as they happen.'
              : 'Nothing yet. Press Play, then kill a server.'}
          </li>
        ) : (
          shown.map((e) => <LogEntry key={e.id} entry={e} />)
        )}
      </ol>
    </section>
  );
}
