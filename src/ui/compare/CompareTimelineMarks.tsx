/**
 * Marks under the shared timeline: the scenario's own faults (◆), the faults given while
 * watching (▲), and checkpoints (ticks, where seeking is instant). Every pane has the same
 * ones, so they are read from the shared clock and the first pane.
 */
import type { TimedCommand } from '../../sim/index.ts';
import type { SimStoreState } from '../../store/simStore.ts';
import { formatSimTime } from '../panels/format.ts';
import { describeCommand } from '../panels/timeline/TimelineMarkers.tsx';
import { useSim } from '../SimContext.tsx';
import type { CompareState } from './compareController.ts';
import { useCompare } from './useCompare.ts';

const selCheckpoints = (s: SimStoreState) => s.snapshot?.checkpointsMs;
const selBase = (s: CompareState) => s.base;
const selLive = (s: CompareState) => s.liveCommands;

/** Horizontal position of `tMs` on a range input whose thumb is 16 px wide. */
const at = (tMs: number, endMs: number) =>
  `calc(8px + (100% - 16px) * ${Math.min(1, Math.max(0, tMs / endMs))})`;

/** Must be rendered inside the first pane's SimProvider. */
export function CompareTimelineMarks({ endMs }: { endMs: number }) {
  const checkpoints = useSim(selCheckpoints) ?? [];
  const base = useCompare(selBase);
  const live = useCompare(selLive);
  const planned: TimedCommand[] = (base?.timeline ?? []).map(
    ({ atS, ...action }) => ({ ...action, atMs: atS * 1000 }) as TimedCommand,
  );
  const all = [...planned, ...live].sort((a, b) => a.atMs - b.atMs);
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
            className="mark-command cmp-mark-planned"
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
          ? 'No faults on the timeline.'
          : `Faults in every pane: ${all
              .slice(-10)
              .map((c) => `${describeCommand(c)} at ${formatSimTime(c.atMs)}`)
              .join('; ')}.`}
      </p>
    </>
  );
}
