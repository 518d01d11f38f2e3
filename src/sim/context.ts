/**
 * What every rule receives: the state it may change and the observer it reports to (null
 * when nobody watches, as in the headless runner).
 */
import { push } from './heap.ts';
import { NAMED_USERS } from './catalog.ts';
import type { SimEvent, SimObserver } from './events.ts';
import type { SimState } from './model.ts';

export interface Ctx {
  s: SimState;
  obs: SimObserver | null;
}

export function schedule(ctx: Ctx, atMs: number, kind: number, arg: number): void {
  push(ctx.s.queue, atMs, kind, arg);
}

export function emit(ctx: Ctx, e: SimEvent): void {
  if (ctx.obs) ctx.obs.event(e);
}

/** Named users (Alice, Bob, …) are the first few users; narration follows them. */
export function isNamed(userIdx: number): boolean {
  return userIdx < NAMED_USERS.length;
}
