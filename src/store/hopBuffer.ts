/**
 * The requests in flight, for the dot layer. Updated from frames (not through React) and
 * read once per animation frame. Each hop keeps its own depart/arrive times (in view time: short
 * hops are stretched, see hopStretch.ts), so the view only interpolates:
 * position = (viewTime - depart) / (arrive - depart).
 */
import { HOP_STRIDE, dropHopsEndedBefore } from '../protocol/hops.ts';
import { HopStretcher } from './hopStretch.ts';

/** Most hops kept; beyond this the oldest are dropped (the view samples, never freezes). */
export const MAX_HOPS = 20_000;
/** How long a failed request's burst stays visible, in simulated ms (scaled by the view). */
export const BURST_MS = 0;

export class HopBuffer {
  /** reqNo, userIdx, from, to, departMs, arriveMs, fail — HOP_STRIDE numbers per hop. */
  data = new Float64Array(HOP_STRIDE * 4096);
  count = 0;
  /** Bumped on every change, so a paused canvas knows whether to redraw. */
  version = 0;
  private stretcher = new HopStretcher();

  clear(): void {
    this.count = 0;
    this.stretcher.clear();
    this.version++;
  }

  /**
   * Takes a frame's hops, moved into view time (see hopStretch.ts) for `speed` simulated ms
   * per wall ms; without a speed the hops are kept as the simulation timed them.
   */
  add(hops: Float64Array, speed = 0): void {
    const n = hops.length / HOP_STRIDE;
    if (n === 0) return;
    if (speed > 0) this.stretcher.apply(hops, speed);
    if ((this.count + n) * HOP_STRIDE > this.data.length) {
      const need = Math.min(MAX_HOPS, this.count + n) * HOP_STRIDE;
      if (need > this.data.length) {
        const bigger = new Float64Array(Math.max(need, this.data.length * 2));
        bigger.set(this.data.subarray(0, this.count * HOP_STRIDE));
        this.data = bigger;
      }
    }
    let src = hops;
    if (this.count + n > MAX_HOPS) {
      // Keep the newest: drop from the front.
      const keepOld = Math.max(0, MAX_HOPS - n);
      const dropOld = this.count - keepOld;
      this.data.copyWithin(0, dropOld * HOP_STRIDE, this.count * HOP_STRIDE);
      this.count = keepOld;
      if (n > MAX_HOPS) src = hops.subarray((n - MAX_HOPS) * HOP_STRIDE);
    }
    this.data.set(src, this.count * HOP_STRIDE);
    this.count += src.length / HOP_STRIDE;
    this.version++;
  }

  /** Forgets hops that ended before `tMs` minus `keepMs` (kept a little for failure bursts). */
  prune(tMs: number, keepMs: number): void {
    const w = dropHopsEndedBefore(this.data, this.count, tMs - keepMs);
    if (w !== this.count) {
      this.count = w;
      this.version++;
    }
  }
}
