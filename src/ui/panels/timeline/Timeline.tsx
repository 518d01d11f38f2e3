/**
 * The time scrubber: where the run is, where commands were given, and where the checkpoints
 * are (seeking near one is instant). Dragging seeks; acting after a seek back forks a new
 * future (the simulation host drops the old one). One scrubber serves a single run and every
 * pane of a comparison.
 */
import { useRun, useRunState } from '../../RunContext.tsx';
import { formatSimTime } from '../format.ts';
import { useDraft } from '../hooks/useDraft.ts';
import { TimelineMarkers } from './TimelineMarkers.tsx';

const STEP_MS = 100;

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
  const max = Math.max(endMs, STEP_MS);
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
