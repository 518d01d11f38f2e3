/**
 * Which boxes just destroyed sessions, read from the simulation's events: a server that
 * crashed or stopped with sessions in memory, or a store that died without a replica. The
 * view bursts those boxes' chips. Events (not snapshot diffs) are the source because a jump
 * in time also empties boxes, and that destroys nothing; the host sends no events for jumps.
 */
import type { SimEvent } from '../../sim/index.ts';

/** One destruction, numbered so a box can tell a new one from one it has shown. */
export interface Loss {
  count: number;
  serial: number;
}

export interface Destroyed {
  nodeId: string;
  count: number;
}

export function destroyedSessions(events: readonly SimEvent[]): Destroyed[] {
  const out: Destroyed[] = [];
  for (const e of events) {
    if (e.type !== 'sessions-lost' || e.count === 0) continue;
    if (e.cause === 'server-died' || e.cause === 'drained') {
      out.push({ nodeId: `server-${e.server}`, count: e.count });
    } else if (e.cause === 'store-died') {
      out.push({ nodeId: 'store', count: e.count });
    }
  }
  return out;
}
