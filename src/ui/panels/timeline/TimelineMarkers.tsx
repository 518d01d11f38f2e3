/**
 * Marks under the scrubber: the scenario's own timeline (◆), the commands given while
 * watching (▲), and checkpoints (ticks, where seeking is instant). Read from the run in
 * context, so a comparison shows the marks every pane shares.
 */
import { describeCommand } from '../../../app/commands.ts';
import { useRun, useRunState } from '../../RunContext.tsx';
import { formatSimTime } from '../format.ts';

/** Horizontal position of `tMs` on a range input whose thumb is 16 px wide. */
const at = (tMs: number, endMs: number) =>
  `calc(8px + (100% - 16px) * ${Math.min(1, Math.max(0, tMs / endMs))})`;

export function TimelineMarkers({ endMs }: { endMs: number }) {
  const run = useRun();
  const live = useRunState((s) => s.liveCommands);
  const planned = useRunState((s) => s.plannedCommands);
  const checkpoints = useRunState((s) => s.checkpointsMs);
  const all = [...planned, ...live].sort((a, b) => a.atMs - b.atMs);
  const where = run.kind === 'compare' ? ' in every pane' : '';
  return (
    <>
      <div className="timeline-marks" aria-hidden="true">
        {checkpoints.map((t) => (
          <span
            key={`cp${t}`}
            className="mark-checkpoint"
            style={{ left: at(t, endMs) }}
            title={`Checkpoint at ${formatSimTime(t)}: seeking here is instant`}
          />
        ))}
        {planned.map((c, i) => (
          <span
            key={`p${i}`}
            className="mark-command mark-planned"
            style={{ left: at(c.atMs, endMs) }}
            title={`${describeCommand(c)} at ${formatSimTime(c.atMs)} (part of the scenario)`}
          >
            ◆
          </span>
        ))}
        {live.map((c, i) => (
          <span
            key={`c${i}`}
            className="mark-command"
            style={{ left: at(c.atMs, endMs) }}
            title={`${describeCommand(c)} at ${formatSimTime(c.atMs)}`}
          >
            ▲
          </span>
        ))}
      </div>
      <p className="sr-only">
        {all.length === 0
          ? 'No commands on the timeline yet.'
          : `Commands${where}: ${all
              .slice(-10)
              .map((c) => `${describeCommand(c)} at ${formatSimTime(c.atMs)}`)
              .join('; ')}.`}
      </p>
    </>
  );
}
