/**
 * A long replay's progress, with Cancel: shown while the engine works through simulated time
 * before the run can be shown (a share link opening at its time, a seek, a recovery after
 * the worker failed). Cancel stops the replay where it got to; the store then says so in its
 * notice. The engine reports progress only for replays that last a tenth of a second or more.
 * Loaded on demand by ReplayProgress.tsx, so pages that never replay long do not pay for it.
 */
import { useSim, useSimSession } from './SimContext.tsx';

const ROW = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' } as const;

export function ReplayProgressBar() {
  const replay = useSim((s) => s.replay);
  const session = useSimSession();
  if (!replay) return null;
  const span = Math.max(1, replay.targetMs - replay.fromMs);
  const pct = Math.min(100, Math.floor(((replay.doneMs - replay.fromMs) / span) * 100));
  return (
    <div className="notices">
      <div className="notice replay-progress" style={ROW} data-testid="replay-progress">
        <span role="status">Replaying the run to {(replay.targetMs / 1000).toFixed(1)} s…</span>
        <progress max={100} value={pct} aria-label="Replay progress" />
        <span aria-hidden="true">{pct} %</span>
        <button type="button" onClick={() => void session.cancelReplay().catch(() => undefined)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
