/** The playground: the running system, its controls and what came of it. */
import { useSim } from '../SimContext.tsx';

export function Playground() {
  const playing = useSim((s) => s.playing);
  const play = useSim((s) => s.play);
  const pause = useSim((s) => s.pause);
  const outcome = useSim((s) => s.snapshot?.outcome);
  return (
    <section className="playground" aria-label="Playground">
      <div className="toolbar">
        {playing ? (
          <button type="button" onClick={pause}>
            Pause
          </button>
        ) : (
          <button type="button" onClick={play}>
            Play
          </button>
        )}
      </div>
      {outcome && (
        <dl className="counters">
          <dt>Requests</dt>
          <dd>{outcome.requests.total}</dd>
          <dt>Sessions lost</dt>
          <dd>{outcome.sessions.lost}</dd>
        </dl>
      )}
    </section>
  );
}
