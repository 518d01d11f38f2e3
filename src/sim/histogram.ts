/**
 * A latency histogram with 1 % relative precision from 1 µs to about 20 minutes. Constant
 * memory however long the run, and it survives structuredClone.
 */

const MIN_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 2100;

export interface Histogram {
  counts: Float64Array;
  count: number;
  sumMs: number;
  maxMs: number;
}

export function createHistogram(): Histogram {
  return { counts: new Float64Array(BUCKETS), count: 0, sumMs: 0, maxMs: 0 };
}

export function record(h: Histogram, valueMs: number): void {
  const v = valueMs < MIN_MS ? MIN_MS : valueMs;
  let i = Math.floor(Math.log(v / MIN_MS) / LOG_GROWTH);
  if (i >= BUCKETS) i = BUCKETS - 1;
  h.counts[i]! += 1;
  h.count++;
  h.sumMs += valueMs;
  if (valueMs > h.maxMs) h.maxMs = valueMs;
}

/** The value below which a share `q` (0..1) of the recorded values fall (bucket midpoint). */
export function quantile(h: Histogram, q: number): number {
  if (h.count === 0) return 0;
  const target = Math.max(1, Math.ceil(q * h.count));
  let seen = 0;
  for (let i = 0; i < BUCKETS; i++) {
    seen += h.counts[i]!;
    if (seen >= target) {
      const lo = MIN_MS * Math.pow(GROWTH, i);
      return Math.min(lo * Math.sqrt(GROWTH), h.maxMs);
    }
  }
  return h.maxMs;
}

export function mean(h: Histogram): number {
  return h.count === 0 ? 0 : h.sumMs / h.count;
}
