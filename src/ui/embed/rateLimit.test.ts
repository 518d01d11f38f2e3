import { describe, expect, it } from 'vitest';
import { createRateLimit } from './rateLimit.ts';

describe('the host command rate limit', () => {
  it('takes a burst, then refuses until time refills it at the set rate', () => {
    let t = 0;
    const limit = createRateLimit(5, 10, () => t);
    const burst = Array.from({ length: 8 }, () => limit.take());
    expect(burst).toEqual([true, true, true, true, true, false, false, false]);
    t += 100; // 0.1 s at 10 per second: one more
    expect(limit.take()).toBe(true);
    expect(limit.take()).toBe(false);
    t += 10_000; // refills up to the burst, not beyond
    expect(Array.from({ length: 6 }, () => limit.take()).filter(Boolean)).toHaveLength(5);
  });

  it('holds a flood of 50,000 commands in one second to the burst plus the rate', () => {
    let t = 0;
    const limit = createRateLimit(40, 20, () => t);
    let taken = 0;
    for (let i = 0; i < 50_000; i++) {
      t = i / 50; // 50,000 over 1,000 ms
      if (limit.take()) taken++;
    }
    expect(taken).toBeGreaterThanOrEqual(59);
    expect(taken).toBeLessThanOrEqual(61);
  });
});
