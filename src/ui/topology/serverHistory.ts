/**
 * View-side history of each server, for what one snapshot cannot say: a smoothed load (the
 * busy share averaged over a few simulated seconds, so a hot server does not flicker empty
 * between requests) and why a down server stopped (crashed, or retired after draining).
 * Pure functions; the topology view keeps the state between snapshots.
 */
import type { SimEvent } from '../../sim/index.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';

/** Time constant of the load average, in simulated ms. */
export const LOAD_TAU_MS = 3000;
/** A jump larger than this (a seek) restarts the average from the current value. */
const MAX_STEP_MS = 15_000;

export interface LoadAverage {
  tMs: number;
  /** Server id → smoothed busy share, 0..1. */
  byServer: ReadonlyMap<number, number>;
}

export function instantLoad(busy: number, workers: number, queue: number): number {
  if (workers <= 0) return 0;
  // A queue means the server is saturated: count it as fully busy.
  return queue > 0 ? 1 : Math.min(1, busy / workers);
}

/** The next average after `snap`: exponential, weighted by the simulated time between. */
export function smoothLoad(prev: LoadAverage | null, snap: Snapshot): LoadAverage {
  const dt = prev ? snap.tMs - prev.tMs : Infinity;
  const restart = !(dt >= 0) || dt > MAX_STEP_MS;
  const a = restart ? 1 : 1 - Math.exp(-dt / LOAD_TAU_MS);
  const next = new Map<number, number>();
  for (const s of snap.servers) {
    const now = s.status === 'down' ? 0 : instantLoad(s.busy, s.workers, s.queue);
    const before = restart ? now : (prev!.byServer.get(s.id) ?? now);
    next.set(s.id, before + a * (now - before));
  }
  return { tMs: snap.tMs, byServer: next };
}

export type StopCause = 'crashed' | 'retired';

/** Why each server last went down, from the simulation's events (drained = retired). */
export function stopCauses(events: readonly SimEvent[]): Map<number, StopCause> {
  const out = new Map<number, StopCause>();
  for (const e of events) {
    if (e.type !== 'server' || e.status !== 'down') continue;
    out.set(e.server, e.reason === 'drained' ? 'retired' : 'crashed');
  }
  return out;
}
