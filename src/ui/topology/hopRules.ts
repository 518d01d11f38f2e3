/**
 * Reading the hop buffer: which hop marks where a request failed, and the request and failure
 * rates per edge (for the reduced-motion view). Pure functions over the flat Float64Array the
 * HopBuffer holds: reqNo, userIdx, from, to, departMs, arriveMs, fail (HOP_STRIDE numbers).
 */
import { FAIL_NO_HEALTHY_SERVER, HOP_STRIDE, HopNode } from '../../protocol/hops.ts';

const USERS = HopNode.Users;
const LB = HopNode.Lb;

/**
 * Once a request has failed, every later hop carries its reason too. The failure happened
 * where the first failing hop starts: a server (session not found, down, overloaded, store
 * unavailable) sends the failed response back to the LB; only "no healthy server" starts at
 * the LB itself. The LB → users hop of any other failure just relays it.
 */
export function isFailureOrigin(from: number, to: number, fail: number): boolean {
  if (fail === 0) return false;
  if (from === LB && to === USERS) return fail === FAIL_NO_HEALTHY_SERVER;
  return true;
}

/** Left-to-right rank of a node: users, LB, servers, then store and database. */
export function rank(node: number): number {
  if (node === USERS) return 0;
  if (node === LB) return 1;
  if (node === HopNode.Store || node === HopNode.Db) return 3;
  return 2;
}

/** Key of the edge between two nodes, whichever way a hop travels on it. */
export function edgeKey(a: number, b: number): number {
  const [l, r] = rank(a) <= rank(b) ? [a, b] : [b, a];
  return l * 65536 + r;
}

export function edgeEnds(key: number): [left: number, right: number] {
  return [Math.floor(key / 65536), key % 65536];
}

export interface EdgeRate {
  /** Requests per simulated second travelling on the edge towards the back end. */
  perS: number;
  /** Failures per simulated second that started on this edge. */
  failedPerS: number;
}

/**
 * Requests and failures per simulated second on each edge, from the hops that departed in
 * the last `windowMs` of simulated time before `viewMs`. If the buffer no longer reaches back
 * that far (it keeps a bounded number of hops), the window shrinks to what it holds.
 */
export function edgeRates(
  data: Float64Array,
  count: number,
  viewMs: number,
  windowMs: number,
  bufferFull = false,
): Map<number, EdgeRate> {
  const counts = new Map<number, { n: number; f: number }>();
  let oldest = Infinity;
  for (let i = 0; i < count; i++) {
    const o = i * HOP_STRIDE;
    const depart = data[o + 4]!;
    if (depart < oldest) oldest = depart;
    if (depart > viewMs || depart <= viewMs - windowMs) continue;
    const from = data[o + 2]!;
    const to = data[o + 3]!;
    const fail = data[o + 6]!;
    const forward = rank(from) < rank(to);
    const failed = isFailureOrigin(from, to, fail);
    if (!forward && !failed) continue;
    const key = edgeKey(from, to);
    let c = counts.get(key);
    if (!c) {
      c = { n: 0, f: 0 };
      counts.set(key, c);
    }
    if (forward) c.n++;
    if (failed) c.f++;
  }
  let spanMs = windowMs;
  if (bufferFull && Number.isFinite(oldest))
    spanMs = Math.min(windowMs, Math.max(1, viewMs - oldest));
  const out = new Map<number, EdgeRate>();
  for (const [key, c] of counts) {
    out.set(key, { perS: (c.n * 1000) / spanMs, failedPerS: (c.f * 1000) / spanMs });
  }
  return out;
}

/** "12/s", "0.4/s", "1.2k/s": short enough to sit on an edge. */
export function formatRate(perS: number): string {
  if (perS >= 1000) return `${(perS / 1000).toFixed(1)}k/s`;
  if (perS >= 10) return `${Math.round(perS)}/s`;
  if (perS > 0) return `${perS.toFixed(1)}/s`;
  return '0/s';
}
