/**
 * Where sessions live and what happens to them: created at login, read and written by each
 * step of the journey, destroyed with the memory that held them. A session counts as lost
 * once, at the moment its user can no longer reach it while still in the middle of a journey.
 */
import { emit, isNamed, type Ctx } from './context.ts';
import type { LossCause, NamedLoss } from './events.ts';
import type { Session } from './model.ts';

export function newSession(id: number, userIdx: number, nowMs: number): Session {
  return { id, userIdx, items: [], itemAtMs: [], createdAtMs: nowMs, lastSeenMs: nowMs };
}

/**
 * True when the session is the one its user is still using (not an orphan), and the user is
 * still around. A user who left is not counted as losing a session when its memory dies; if
 * they come back, the miss on their next request counts it. This keeps `sessions.lost` in
 * step with `sessions.active` (see outcome.ts).
 */
export function isActive(ctx: Ctx, sess: Session): boolean {
  const user = ctx.s.users[sess.userIdx];
  return !!user && user.active && user.sessionId === sess.id && user.loggedIn && !user.sessionLost;
}

/**
 * Counts every active session in `sessions` as lost (their memory is gone) and empties the
 * map. Returns how many were lost.
 */
export function destroySessions(
  ctx: Ctx,
  sessions: Map<number, Session>,
  cause: LossCause,
  server: number,
): number {
  const c = ctx.s.counters;
  let count = 0;
  let items = 0;
  const named: NamedLoss[] = [];
  for (const sess of sessions.values()) {
    if (!isActive(ctx, sess)) continue;
    count++;
    items += sess.items.length;
    ctx.s.users[sess.userIdx]!.sessionLost = true;
    if (isNamed(sess.userIdx)) named.push({ userIdx: sess.userIdx, items: [...sess.items] });
  }
  sessions.clear();
  c.sessionsLost += count;
  c.itemsLost += items;
  emit(ctx, { type: 'sessions-lost', tMs: ctx.s.nowMs, cause, server, count, items, named });
  return count;
}

export function sameCart(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
