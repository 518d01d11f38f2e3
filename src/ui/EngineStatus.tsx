/** One line saying where the simulation runs and how far it has got. */
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
