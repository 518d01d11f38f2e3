/**
 * The time scrubber: where the run is, where commands were given, and where the checkpoints
 * are (seeking near one is instant). Dragging seeks; acting after a seek back forks a new
 * future (the simulation host drops the old one). One scrubber serves a single run and every
 * pane of a comparison.
 */
import { useState } from 'react';
import { useRun, useRunState } from '../../RunContext.tsx';
import { formatSimTime } from '../format.ts';
import { useDraft } from '../hooks/useDraft.ts';
import { TimelineMarkers } from './TimelineMarkers.tsx';

const STEP_MS = 100;

/** The track shows at least this much simulated time, and grows in steps of it. */
const WINDOW_MIN_MS = 60_000;

/**
 * The end of the track: a quarter more than the furthest time reached so far, rounded up to
 * a whole minute, never past the run's end. A run's first seconds then fill the track
 * instead of 2 % of a ten-minute bar; it grows as the run goes on.
 */
export function trackEndMs(furthestMs: number, endMs: number): number {
  const want = Math.ceil((Math.max(furthestMs, 1) * 1.25) / WINDOW_MIN_MS) * WINDOW_MIN_MS;
  return Math.max(STEP_MS, Math.min(endMs, Math.max(WINDOW_MIN_MS, want)));
}

const TIP =
  'Drag to move through simulated time. Going back replays the run exactly; if you then ' +
  'give a command, a new future starts from there and the old one is dropped.';
const COMPARE_TIP = 'Drag to move every pane through simulated time together.';

/** `compact`: no hint under it (the comparison's shared controls). */
export function Timeline({ compact = false }: { compact?: boolean }) {
  const run = useRun();
  const tMs = useRunState((s) => s.tMs);
  const endMs = useRunState((s) => s.endMs);
  const [value, setValue, release] = useDraft(Math.round(tMs / STEP_MS) * STEP_MS);
  // The furthest time this run has reached: going back in time keeps the track as it was.
  const [reach, setReach] = useState({ endMs, ms: tMs });
  if (reach.endMs !== endMs) setReach({ endMs, ms: tMs });
  else if (tMs > reach.ms) setReach({ endMs, ms: tMs });
  const max = trackEndMs(Math.max(reach.ms, tMs), endMs);
  const id = compact ? 'cmp-timeline' : 'timeline-range';

  return (
    <div
      className={compact ? 'cmp-timeline' : 'timeline'}
      title={run.kind === 'compare' ? COMPARE_TIP : TIP}
    >
      <div className="timeline-head">
        <label htmlFor={id}>Timeline</label>
        <span
          className="timeline-time"
          aria-hidden="true"
          data-testid={compact ? 'compare-time' : undefined}
        >
          {formatSimTime(value)} / {formatSimTime(endMs)}
        </span>
      </div>
      <div className="timeline-track">
        <input
          id={id}
          type="range"
          min={0}
          max={max}
          step={STEP_MS}
          value={Math.min(value, max)}
          aria-valuetext={`${formatSimTime(value)} of ${formatSimTime(endMs)}`}
          aria-describedby={compact ? undefined : 'timeline-hint'}
          onChange={(e) => {
            const v = Number(e.target.value);
            setValue(v);
            void run.seek(v);
          }}
          onPointerUp={release}
          onKeyUp={release}
          onBlur={release}
        />
        <TimelineMarkers endMs={max} />
      </div>
      {!compact && (
        <p id="timeline-hint" className="hint">
          Drag to go back in time. A command given after going back starts a new future.
        </p>
      )}
    </div>
  );
}
