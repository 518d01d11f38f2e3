/** The latency histogram: quantiles within about 1 % of the exact sorted quantile. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHistogram, mean, quantile, record } from './histogram.ts';

/** The exact quantile with the same definition: the smallest value with ≥ q of the data at or below it. */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('latency histogram', () => {
  it('quantiles agree with the exact sorted quantile within 1 %', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), {
          minLength: 1,
          maxLength: 400,
        }),
        fc.constantFrom(0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1),
        (values, q) => {
          const h = createHistogram();
          for (const v of values) record(h, v);
          const sorted = [...values].sort((a, b) => a - b);
          const exact = exactQuantile(sorted, q);
          expect(Math.abs(quantile(h, q) - exact) / exact).toBeLessThan(0.01);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the exact count, mean and maximum', () => {
    const h = createHistogram();
    for (const v of [1, 2, 3, 10]) record(h, v);
    expect(h.count).toBe(4);
    expect(mean(h)).toBe(4);
    expect(h.maxMs).toBe(10);
    // Quantiles are bucket midpoints (1 % wide), capped at the true maximum.
    expect(quantile(h, 1)).toBeLessThanOrEqual(10);
    expect(quantile(h, 1)).toBeGreaterThan(9.9);
  });

  it('is empty-safe', () => {
    const h = createHistogram();
    expect(quantile(h, 0.5)).toBe(0);
    expect(mean(h)).toBe(0);
  });
});
