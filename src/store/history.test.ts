import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricHistory, RingBuffer, attachHistory, type OutcomeCounters } from './history.ts';
import type { SimSession } from './simStore.ts';
import type { Frame } from '../protocol/messages.ts';
import { createStore } from 'zustand/vanilla';

function counters(ok: number, failed = 0, lost = 0, itemsLost = 0, p50 = 1, p95 = 2) {
  return {
    requests: { total: ok + failed, ok, failed, inFlight: 0 },
    sessions: { created: 0, lost, expired: 0, active: 0 },
    cart: { itemsAdded: 0, itemsLost },
    latencyMs: { mean: p50, p50, p95, p99: p95, max: p95 },
  } satisfies OutcomeCounters;
}

describe('RingBuffer', () => {
  it('keeps the newest `capacity` items in order', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.at(0)).toBe(3);
    expect(r.at(-1)).toBe(5);
    expect(r.at(3)).toBeUndefined();
  });

  it('pops from the newest end and replaces the newest', () => {
    const r = new RingBuffer<number>(4);
    for (let i = 1; i <= 6; i++) r.push(i);
    r.popWhile((x) => x > 4);
    expect(r.toArray()).toEqual([3, 4]);
    r.replaceLast(9);
    expect(r.toArray()).toEqual([3, 9]);
    r.clear();
    expect(r.length).toBe(0);
    r.replaceLast(1);
    expect(r.toArray()).toEqual([]);
  });

  it('behaves like an array sliced to its last `capacity` items', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer()), (cap, xs) => {
        const r = new RingBuffer<number>(cap);
        for (const x of xs) r.push(x);
        expect(r.toArray()).toEqual(xs.slice(-cap));
      }),
    );
  });
});

describe('MetricHistory', () => {
  it('derives per-second rates from counter deltas over the window', () => {
    const h = new MetricHistory({ minGapMs: 100, rateWindowMs: 1000 });
    // 50 ok requests per simulated second, 5 failed per second, sampled every 250 ms.
    for (let t = 0; t <= 3000; t += 250) h.record(t, counters(t / 20, t / 200));
    const pts = h.points();
    expect(pts[0]!.okPerS).toBeNull();
    expect(pts[1]!.okPerS).toBeCloseTo(50);
    const last = pts.at(-1)!;
    expect(last.tS).toBe(3);
    expect(last.okPerS).toBeCloseTo(50);
    expect(last.failedPerS).toBeCloseTo(5);
  });

  it('averages a burst over the window instead of one snapshot interval', () => {
    const h = new MetricHistory({ minGapMs: 100, rateWindowMs: 1000 });
    h.record(0, counters(0));
    h.record(900, counters(0));
    h.record(1000, counters(100)); // 100 requests in the last 100 ms
    // Window reaches back to t=0: 100 requests over 1 s.
    expect(h.points().at(-1)!.okPerS).toBeCloseTo(100);
  });

  it('keeps samples at least minGapMs apart but always shows the latest counts', () => {
    const h = new MetricHistory({ minGapMs: 100 });
    for (let t = 0; t <= 1000; t += 20) h.record(t, counters(t));
    const s = h.samples();
    for (let i = 1; i < s.length - 1; i++) {
      expect(s[i]!.tMs - s[i - 1]!.tMs).toBeGreaterThanOrEqual(100);
    }
    expect(s.at(-1)).toMatchObject({ tMs: 1000, ok: 1000 });
    expect(s.length).toBeLessThanOrEqual(12);
  });

  it('replaces the sample at the same instant (a command while paused)', () => {
    const h = new MetricHistory();
    h.record(5000, counters(10));
    h.record(6000, counters(20));
    h.record(6000, counters(20, 0, 7));
    expect(h.samples().map((s) => s.sessionsLost)).toEqual([0, 7]);
  });

  it('rewinds on a jump back and keeps the valid past', () => {
    const h = new MetricHistory({ minGapMs: 0 });
    for (let t = 0; t <= 10_000; t += 1000) h.record(t, counters(t));
    h.rewindTo(4500);
    expect(h.samples().at(-1)!.tMs).toBe(4000);
    // Recording an earlier time also rewinds.
    h.record(2500, counters(1));
    expect(h.samples().map((s) => s.tMs)).toEqual([0, 1000, 2000, 2500]);
    const v = h.version;
    h.rewindTo(9999); // nothing to drop: no change
    expect(h.version).toBe(v);
    h.clear();
    expect(h.points()).toEqual([]);
  });

  it('carries cumulative losses and latency through to the points', () => {
    const h = new MetricHistory({ minGapMs: 0 });
    h.record(0, counters(0, 0, 0, 0, 40, 90));
    h.record(1000, counters(10, 2, 3, 4, 41, 95));
    expect(h.points()[1]).toEqual({
      tS: 1,
      okPerS: 10,
      failedPerS: 2,
      p50Ms: 41,
      p95Ms: 95,
      sessionsLost: 3,
      itemsLost: 4,
    });
  });

  it('never produces negative or non-finite rates, whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 60_000 }), ok: fc.nat(1000) }), {
          maxLength: 80,
        }),
        (xs) => {
          const h = new MetricHistory({ capacity: 16, minGapMs: 50 });
          for (const x of xs) h.record(x.t, counters(x.ok));
          const s = h.samples();
          for (let i = 1; i < s.length; i++) expect(s[i]!.tMs).toBeGreaterThan(s[i - 1]!.tMs);
          for (const p of h.points()) {
            if (p.okPerS !== null) {
              expect(Number.isFinite(p.okPerS)).toBe(true);
              expect(p.okPerS).toBeGreaterThanOrEqual(0);
            }
          }
        },
      ),
    );
  });
});

describe('attachHistory', () => {
  function fakeSession() {
    const listeners = new Set<(f: Frame) => void>();
    const store = createStore<{ scenario: object | null; snapshot: null }>()(() => ({
      scenario: null,
      snapshot: null,
    }));
    const session = {
      store,
      onFrame(l: (f: Frame) => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    } as unknown as SimSession;
    const frame = (tMs: number, ok: number, reset = false): void => {
      const f = {
        type: 'frame',
        tMs,
        endMs: 60_000,
        playing: true,
        speed: 1,
        hops: new Float64Array(),
        events: [],
        snapshot: { tMs, outcome: counters(ok) },
        reset,
      } as unknown as Frame;
      for (const l of listeners) l(f);
    };
    return { session, store, frame, listeners };
  }

  it('samples frames, rewinds on reset, clears on a new scenario and notifies', () => {
    const { session, store, frame, listeners } = fakeSession();
    const feed = attachHistory(session, { minGapMs: 0 });
    let calls = 0;
    feed.subscribe(() => calls++);
    frame(0, 0);
    frame(1000, 10);
    frame(2000, 20);
    expect(feed.history.length).toBe(3);
    frame(1500, 15, true); // seek back
    expect(feed.history.samples().map((s) => s.tMs)).toEqual([0, 1000, 1500]);
    store.setState({ scenario: {} });
    expect(feed.history.length).toBe(0);
    expect(calls).toBe(5);
    feed.dispose();
    expect(listeners.size).toBe(0);
  });
});
