import { describe, expect, it } from 'vitest';
import { trackEndMs } from './Timeline.tsx';

describe('the timeline track', () => {
  it('is scaled to what has happened: a minute at first, growing, never past the end', () => {
    expect(trackEndMs(5_000, 600_000)).toBe(60_000);
    expect(trackEndMs(50_000, 600_000)).toBe(120_000);
    expect(trackEndMs(590_000, 600_000)).toBe(600_000);
    expect(trackEndMs(10_000, 30_000)).toBe(30_000);
  });
});
