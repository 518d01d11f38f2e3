/**
 * Hops on the wire: the flat Float64Array layout of `Frame.hops` and the node numbers a hop
 * travels between. The simulation decides the node numbers (src/sim/model.ts `Node`); this
 * file is the only place the view learns them, so the picture never retypes them.
 */
import { FAIL_REASONS, Node, serverNode } from '../sim/index.ts';

/** Numbers per hop in `Frame.hops`: reqNo, userIdx, from, to, departMs, arriveMs, fail. */
export const HOP_STRIDE = 7;

/** Offsets of a hop's fields within its HOP_STRIDE numbers. */
export const HopField = {
  ReqNo: 0,
  UserIdx: 1,
  From: 2,
  To: 3,
  DepartMs: 4,
  ArriveMs: 5,
  Fail: 6,
} as const;

/** Node numbers on hops: users, load balancer, store, database; server k is serverNode(k). */
export const HopNode = Node;
export { serverNode };

/** The fail code of "no healthy server", the one failure that starts at the load balancer. */
export const FAIL_NO_HEALTHY_SERVER = FAIL_REASONS.indexOf('no-healthy-server');

/**
 * Forgets, in place, the hops that arrived before `tMs` (simulated ms), keeping the order of
 * the rest. Returns how many hops remain. The host drops hops during long jumps with this and
 * the view's HopBuffer prunes with it, so both forget exactly the same hops.
 */
export function dropHopsEndedBefore(data: Float64Array, count: number, tMs: number): number {
  let w = 0;
  for (let i = 0; i < count; i++) {
    const o = i * HOP_STRIDE;
    if (data[o + HopField.ArriveMs]! < tMs) continue;
    if (w !== i) data.copyWithin(w * HOP_STRIDE, o, o + HOP_STRIDE);
    w++;
  }
  return w;
}
