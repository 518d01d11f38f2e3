/**
 * Metric history for the charts: a fixed-size ring buffer of the cumulative counters in each
 * snapshot's outcome, and the time series derived from them (per-second rates from counter
 * deltas over a sliding window of simulated time). Pure and clock-free; `attachHistory` wires
 * one to a session's frames outside React, so charts re-render at snapshot rate (~5 Hz) at
 * most, never per animation frame.
 *
 * Time is simulated time throughout. Snapshots arrive every ~200 ms of wall time, which is
 * 20 ms of simulated time at 0.1× and 4 s at 20×, so samples closer than `minGapMs` replace
 * the newest one instead of piling up: the buffer then covers about capacity × minGapMs of
 * simulated time at slow speeds and more at fast ones.
 */
import type { Outcome } from '../sim/index.ts';
import type { SimSession } from './simStore.ts';

/** A fixed-capacity FIFO: pushing onto a full buffer drops the oldest item. */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be ≥ 1');
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    const end = (this.start + this.size) % this.capacity;
    this.items[end] = item;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Item `i`, 0 = oldest; negative `i` counts from the newest (-1 = newest). */
  at(i: number): T | undefined {
    const k = i < 0 ? this.size + i : i;
    if (k < 0 || k >= this.size) return undefined;
    return this.items[(this.start + k) % this.capacity];
  }

  /** Replaces the newest item (no-op when empty). */
  replaceLast(item: T): void {
    if (this.size === 0) return;
    this.items[(this.start + this.size - 1) % this.capacity] = item;
  }

  /** Drops newest items while `pred` holds for them. */
  popWhile(pred: (item: T) => boolean): void {
    while (this.size > 0 && pred(this.at(-1)!)) {
      this.items[(this.start + this.size - 1) % this.capacity] = undefined;
      this.size--;
    }
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity);
    this.start = 0;
    this.size = 0;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i)!);
    return out;
  }
}

/** The cumulative figures kept per sample (all counters since the run started). */
export interface HistorySample {
  tMs: number;
  ok: number;
  failed: number;
  sessionsLost: number;
  itemsLost: number;
  /** Latency percentiles over the whole run so far (the outcome has no windowed ones). */
  p50Ms: number;
  p95Ms: number;
}

/** One point of the charts' time series. Rates are null where no window exists yet. */
export interface HistoryPoint {
  tS: number;
  okPerS: number | null;
  failedPerS: number | null;
  p50Ms: number;
  p95Ms: number;
  sessionsLost: number;
  itemsLost: number;
}

export type OutcomeCounters = Pick<Outcome, 'requests' | 'sessions' | 'cart' | 'latencyMs'>;

export interface HistoryOptions {
  /** Samples kept. */
  capacity?: number;
  /** Simulated ms below which a new sample replaces the newest instead of adding one. */
  minGapMs?: number;
  /** Simulated ms over which per-second rates are averaged. */
  rateWindowMs?: number;
}

export function sampleOf(tMs: number, o: OutcomeCounters): HistorySample {
  return {
    tMs,
    ok: o.requests.ok,
    failed: o.requests.failed,
    sessionsLost: o.sessions.lost,
    itemsLost: o.cart.itemsLost,
    p50Ms: o.latencyMs.p50,
    p95Ms: o.latencyMs.p95,
  };
}

export class MetricHistory {
  readonly minGapMs: number;
  readonly rateWindowMs: number;
  private readonly ring: RingBuffer<HistorySample>;
  /** Bumped on every change; lets the view cache derived series. */
  version = 0;

  constructor(opts: HistoryOptions = {}) {
    this.ring = new RingBuffer(opts.capacity ?? 600);
    this.minGapMs = opts.minGapMs ?? 100;
    this.rateWindowMs = opts.rateWindowMs ?? 1000;
  }

  get length(): number {
    return this.ring.length;
  }

  /** Adds the counters at simulated time `tMs`. Time going backwards rewinds first. */
  record(tMs: number, o: OutcomeCounters): void {
    if (!Number.isFinite(tMs)) return;
    const sample = sampleOf(tMs, o);
    this.ring.popWhile((s) => s.tMs > tMs);
    const n = this.ring.length;
    const last = this.ring.at(-1);
    const beforeLast = this.ring.at(-2);
    if (last && last.tMs === tMs) {
      // Same instant (a command while paused): the newer counters win.
      this.ring.replaceLast(sample);
    } else if (n >= 2 && last && beforeLast && last.tMs - beforeLast.tMs < this.minGapMs) {
      // The newest sample is provisional until it is minGapMs past the one before it: stored
      // samples stay at least that far apart, and the newest always shows the latest counts.
      this.ring.replaceLast(sample);
    } else {
      this.ring.push(sample);
    }
    this.version++;
  }

  /** Forgets everything after simulated time `tMs` (a seek back: the past stays valid). */
  rewindTo(tMs: number): void {
    const before = this.ring.length;
    this.ring.popWhile((s) => s.tMs > tMs);
    if (this.ring.length !== before) this.version++;
  }

  clear(): void {
    this.ring.clear();
    this.version++;
  }

  samples(): HistorySample[] {
    return this.ring.toArray();
  }

  /** The time series: rates over the last `rateWindowMs` (or since the first sample). */
  points(): HistoryPoint[] {
    const s = this.ring.toArray();
    const out: HistoryPoint[] = [];
    let j = 0;
    for (let i = 0; i < s.length; i++) {
      const cur = s[i]!;
      // Advance j to the newest sample at least a window older than cur (two pointers).
      while (j + 1 < i && s[j + 1]!.tMs <= cur.tMs - this.rateWindowMs) j++;
      const ref = s[j]!;
      const dtS = (cur.tMs - ref.tMs) / 1000;
      const ok = i > 0 && dtS > 0;
      out.push({
        tS: cur.tMs / 1000,
        okPerS: ok ? Math.max(0, cur.ok - ref.ok) / dtS : null,
        failedPerS: ok ? Math.max(0, cur.failed - ref.failed) / dtS : null,
        p50Ms: cur.p50Ms,
        p95Ms: cur.p95Ms,
        sessionsLost: cur.sessionsLost,
        itemsLost: cur.itemsLost,
      });
    }
    return out;
  }
}

export interface HistoryFeed {
  history: MetricHistory;
  /** Called after each change of the history (at most once per snapshot). */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

/**
 * Feeds a history from a session: every frame with a snapshot is sampled; a jump back in
 * time (seek, reload) drops the samples after it; loading a different scenario clears it.
 */
export function attachHistory(session: SimSession, opts?: HistoryOptions): HistoryFeed {
  const history = new MetricHistory(opts);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  const stopFrames = session.onFrame((frame) => {
    const before = history.version;
    if (frame.reset) history.rewindTo(frame.tMs);
    if (frame.snapshot) history.record(frame.snapshot.tMs, frame.snapshot.outcome);
    if (history.version !== before) notify();
  });
  const stopStore = session.store.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario) {
      history.clear();
      notify();
    }
  });
  const initial = session.store.getState().snapshot;
  if (initial) history.record(initial.tMs, initial.outcome);
  return {
    history,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stopFrames();
      stopStore();
      listeners.clear();
    },
  };
}
