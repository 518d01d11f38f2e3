/**
 * Where the simulation runs and how far it has got: for the curious (and for tests), so it
 * sits behind a small "About the engine" disclosure instead of growing the header.
 */
import { useSim } from './SimContext.tsx';

const selectEvents = (s: { snapshot: { outcome: { eventsProcessed: number } } | null }) =>
  s.snapshot?.outcome.eventsProcessed ?? 0;

export function EngineStatus() {
  const kind = useSim((s) => s.clientKind);
  const events = useSim(selectEvents);
  const tMs = useSim((s) => s.tMs);
  return (
    <output className="engine-status" data-testid="engine-status" aria-live="off">
      engine: {kind ?? 'starting'} · events: {events} · t = {(tMs / 1000).toFixed(1)} s
    </output>
  );
}

export function EngineAbout() {
  return (
    <details className="engine-about">
      <summary aria-label="About the engine" title="About the engine">
        <span aria-hidden="true">About</span>
      </summary>
      <div className="engine-about-body">
        <EngineStatus />
      </div>
    </details>
  );
}
