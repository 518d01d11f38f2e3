/** Marks under the scrubber: the learner's commands (▲) and checkpoints (ticks). */
import type { SimStoreState } from '../../../store/simStore.ts';
import type { TimedCommand } from '../../../sim/index.ts';
import { useSim } from '../../SimContext.tsx';
import { formatSimTime } from '../format.ts';

const selCommands = (s: SimStoreState) => s.snapshot?.liveCommands;
const selCheckpoints = (s: SimStoreState) => s.snapshot?.checkpointsMs;

/** "kill-server 2", "set-sticky none", "set-users 1200". */
export function describeCommand(c: TimedCommand): string {
  switch (c.action) {
    case 'kill-server':
    case 'restart-server':
      return `${c.action} ${c.server}`;
    case 'add-server':
      return `add-server ×${c.count}`;
    case 'remove-server':
      return c.server === undefined ? 'remove-server' : `remove-server ${c.server}`;
    case 'set-sticky':
      return `set-sticky ${c.sticky}`;
    case 'set-algorithm':
      return `set-algorithm ${c.algorithm}`;
    case 'set-users':
      return `set-users ${c.count}`;
    default:
      return c.action;
  }
}

/** Horizontal position of `tMs` on a range input whose thumb is 16 px wide. */
const at = (tMs: number, endMs: number) =>
  `calc(8px + (100% - 16px) * ${Math.min(1, Math.max(0, tMs / endMs))})`;

export function TimelineMarkers({ endMs }: { endMs: number }) {
  const commands = useSim(selCommands) ?? [];
  const checkpoints = useSim(selCheckpoints) ?? [];
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
        {commands.map((c, i) => (
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
        {commands.length === 0
          ? 'No commands given yet.'
          : `Your commands: ${commands
              .slice(-10)
              .map((c) => `${describeCommand(c)} at ${formatSimTime(c.atMs)}`)
              .join('; ')}.`}
      </p>
    </>
  );
}
