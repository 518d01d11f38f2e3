/**
 * The view's hop stretch: the second half of the view time transform (the first is
 * viewClock.ts, wall time → simulated time). A hop between the load balancer and a server
 * lasts 0.5 ms and a store round trip 1–2 ms of simulated time; drawn as they are, a learner
 * never sees them. So the view gives every hop at least `minHopSimMs(speed)` of view time,
 * and delays the later hops of the same request by what the earlier ones were stretched:
 *
 *   viewDepart = depart + shift(request)        viewArrive = viewDepart + max(duration, min)
 *   shift(request) += max(0, min − duration)    (after each hop of that request)
 *
 * Each hop still starts after the one before it ended, so a dot never jumps. Dots only ever
 * run late, never early, so nothing is drawn before the simulation decided it. The simulation
 * itself is untouched: its times, events and outcome stay exact and deterministic; only the
 * copies the dot layer reads are moved. See docs/architecture.md, "The view time transform".
 */
import { HOP_STRIDE } from '../protocol/hops.ts';

/** Every hop stays on screen at least this long in wall time (at speeds up to the cap). */
export const MIN_HOP_WALL_MS = 320;
/**
 * …but is never stretched beyond this much simulated time: at high speeds a dot may be brief,
 * rather than the picture lagging seconds behind the counters.
 */
export const MAX_HOP_STRETCH_SIM_MS = 450;
/** Requests tracked at most; the oldest are forgotten first (they ended long ago). */
const MAX_TRACKED = 50_000;
const USERS_NODE = 0;

/** Shortest view duration of a hop, in simulated ms, at `speed` simulated ms per wall ms. */
export function minHopSimMs(speed: number): number {
  if (!(speed > 0)) return 0;
  return Math.min(MIN_HOP_WALL_MS * speed, MAX_HOP_STRETCH_SIM_MS);
}

export class HopStretcher {
  /** reqNo → view-time delay of its next hop, in simulated ms. */
  private shift = new Map<number, number>();

  clear(): void {
    this.shift.clear();
  }

  /** Rewrites depart/arrive of `hops` (HOP_STRIDE numbers each) in place, into view time. */
  apply(hops: Float64Array, speed: number): void {
    const min = minHopSimMs(speed);
    const n = hops.length / HOP_STRIDE;
    for (let i = 0; i < n; i++) {
      const o = i * HOP_STRIDE;
      const req = hops[o]!;
      const depart = hops[o + 4]!;
      const arrive = hops[o + 5]!;
      const before = this.shift.get(req) ?? 0;
      const duration = arrive - depart;
      const stretch = duration < min ? min - duration : 0;
      hops[o + 4] = depart + before;
      hops[o + 5] = arrive + before + stretch;
      if (hops[o + 3] === USERS_NODE) this.shift.delete(req);
      else this.shift.set(req, before + stretch);
    }
    if (this.shift.size > MAX_TRACKED) {
      let drop = this.shift.size - MAX_TRACKED;
      for (const key of this.shift.keys()) {
        if (drop-- <= 0) break;
        this.shift.delete(key);
      }
    }
  }

  /** Requests currently tracked (for tests). */
  get tracked(): number {
    return this.shift.size;
  }
}
