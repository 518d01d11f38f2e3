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

/** How long a box shows its loss (the dead chips and "N sessions lost"), in wall ms. */
export const LOSS_SHOWN_MS = 4000;

/** "89 sessions lost", in the run's words. */
export function lossText(count: number, words: { session: string; sessions: string }): string {
  return `${count} ${count === 1 ? words.session : words.sessions} lost`;
}

/**
 * The chips drawn dead where a loss happened: those the box was showing just before, but
 * never more than the sessions destroyed (a box that lost 2 of its 5 shows 2 dead chips).
 */
export function deadChips<T>(shownBefore: readonly T[], count: number): readonly T[] {
  return shownBefore.length <= count ? shownBefore : shownBefore.slice(0, Math.max(0, count));
}
