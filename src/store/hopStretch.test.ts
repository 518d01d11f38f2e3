import { describe, expect, it } from 'vitest';
import { HOP_STRIDE } from '../protocol/hops.ts';
import {
  HopStretcher,
  MAX_HOP_STRETCH_SIM_MS,
  MIN_HOP_WALL_MS,
  minHopSimMs,
} from './hopStretch.ts';

/** One request's journey as the simulation times it: users → LB → server 1 → store → back. */
function journey(req: number, t0: number): number[][] {
  return [
    [req, 0, 0, 1, t0, t0 + 50],
    [req, 0, 1, 4, t0 + 50, t0 + 50.5],
    [req, 0, 4, 2, t0 + 51, t0 + 52],
    [req, 0, 2, 4, t0 + 52, t0 + 53],
    [req, 0, 4, 1, t0 + 55, t0 + 55.5],
    [req, 0, 1, 0, t0 + 55.5, t0 + 105.5],
  ].map((h) => [...h, 0]);
}

const flat = (hops: number[][]): Float64Array => Float64Array.from(hops.flat());
const hop = (a: Float64Array, i: number) => ({
  depart: a[i * HOP_STRIDE + 4]!,
  arrive: a[i * HOP_STRIDE + 5]!,
});

describe('the view stretch of short hops', () => {
  it('gives every hop at least the minimum view duration, in order, never early', () => {
    const speed = 1;
    const min = minHopSimMs(speed);
    expect(min).toBe(Math.min(MIN_HOP_WALL_MS, MAX_HOP_STRETCH_SIM_MS));
    const original = journey(7, 1000);
    const a = flat(original);
    new HopStretcher().apply(a, speed);
    let prevArrive = -Infinity;
    for (let i = 0; i < original.length; i++) {
      const { depart, arrive } = hop(a, i);
      expect(arrive - depart).toBeGreaterThanOrEqual(Math.min(min, 1e9) - 1e-9);
      expect(depart).toBeGreaterThanOrEqual(prevArrive - 1e-9);
      expect(depart).toBeGreaterThanOrEqual(original[i]![4]!);
      prevArrive = arrive;
    }
    // The LB → server hop (0.5 ms simulated) now lasts `min` of view time.
    expect(hop(a, 1).arrive - hop(a, 1).depart).toBeCloseTo(min, 6);
  });

  it('carries the delay across frames and forgets a request once it is back with the user', () => {
    const s = new HopStretcher();
    const all = journey(3, 0);
    const first = flat(all.slice(0, 2));
    const rest = flat(all.slice(2));
    s.apply(first, 1);
    expect(s.tracked).toBe(1);
    s.apply(rest, 1);
    expect(hop(rest, 0).depart).toBeGreaterThanOrEqual(hop(first, 1).arrive);
    expect(s.tracked).toBe(0);
  });

  it('leaves hops alone at speed 0 and stretches independent requests independently', () => {
    const a = flat([...journey(1, 0), ...journey(2, 0)]);
    const untouched = Float64Array.from(a);
    new HopStretcher().apply(a, 0);
    expect([...a]).toEqual([...untouched]);
    new HopStretcher().apply(a, 1);
    expect(hop(a, 1)).toEqual(hop(a, 7));
  });
});
