/** Seeded random streams: reproducible, independent per concern, and well spread. */
import { describe, expect, it } from 'vitest';
import { createStream, exponential, intBelow, nextFloat, nextUint32, uniform } from './random.ts';

const take = (seed: number, name: string, n: number) => {
  const s = createStream(seed, name);
  return Array.from({ length: n }, () => nextUint32(s));
};

describe('random streams', () => {
  it('the same seed and name give the same stream', () => {
    expect(take(42, 'service', 100)).toEqual(take(42, 'service', 100));
  });

  it('a different seed or a different name gives a different stream', () => {
    const base = take(42, 'service', 100);
    expect(take(43, 'service', 100)).not.toEqual(base);
    expect(take(42, 'think', 100)).not.toEqual(base);
    expect(take(42 + 2 ** 32, 'service', 100)).not.toEqual(base);
  });

  it('streams are independent: drawing from one does not move another', () => {
    const a = createStream(7, 'think');
    const b = createStream(7, 'service');
    const bAlone = take(7, 'service', 50);
    for (let i = 0; i < 1000; i++) nextUint32(a);
    expect(Array.from({ length: 50 }, () => nextUint32(b))).toEqual(bAlone);
  });

  it('a copied stream continues identically (checkpoints)', () => {
    const s = createStream(9, 'network');
    for (let i = 0; i < 10; i++) nextUint32(s);
    const copy = structuredClone(s);
    expect(Array.from({ length: 20 }, () => nextUint32(copy))).toEqual(
      Array.from({ length: 20 }, () => nextUint32(s)),
    );
  });

  it('floats are uniform in [0, 1); helpers have the right range and mean', () => {
    const s = createStream(1, 'check');
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    let sumExp = 0;
    let sumUni = 0;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const x = nextFloat(s);
      if (x < 0 || x >= 1) outOfRange++;
      bins[Math.floor(x * 10)]!++;
      const k = intBelow(s, 3);
      if (k !== 0 && k !== 1 && k !== 2) outOfRange++;
      const e = exponential(s, 20);
      if (!(e >= 0 && Number.isFinite(e))) outOfRange++;
      sumExp += e;
      const u = uniform(s, 1, 2);
      if (u < 1 || u >= 2) outOfRange++;
      sumUni += u;
    }
    expect(outOfRange).toBe(0);
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan((n / 10) * 0.05);
    expect(sumExp / n).toBeGreaterThan(19.6);
    expect(sumExp / n).toBeLessThan(20.4);
    expect(sumUni / n).toBeCloseTo(1.5, 2);
  });

  it('neighbouring seeds are not correlated', () => {
    const a = createStream(1000, 'x');
    const b = createStream(1001, 'x');
    let same = 0;
    for (let i = 0; i < 10_000; i++) if (intBelow(a, 2) === intBelow(b, 2)) same++;
    expect(same).toBeGreaterThan(4700);
    expect(same).toBeLessThan(5300);
  });
});
