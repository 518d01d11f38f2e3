import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol/snapshot.ts';
import type { SimEvent } from '../../sim/index.ts';
import { LOAD_TAU_MS, smoothLoad, stopCauses } from './serverHistory.ts';
import { lbStickyCaption } from './words.ts';

const snap = (tMs: number, busy: number): Snapshot =>
  ({
    tMs,
    servers: [{ id: 1, status: 'up', busy, workers: 4, queue: 0 }],
  }) as unknown as Snapshot;

describe('the smoothed server load', () => {
  it('does not drop to empty between requests: it decays over seconds', () => {
    let avg = smoothLoad(null, snap(0, 4));
    expect(avg.byServer.get(1)).toBe(1);
    avg = smoothLoad(avg, snap(200, 0));
    expect(avg.byServer.get(1)!).toBeGreaterThan(0.9);
    avg = smoothLoad(avg, snap(200 + LOAD_TAU_MS, 0));
    expect(avg.byServer.get(1)!).toBeLessThan(0.4);
  });

  it('restarts from the current value after a jump back in time', () => {
    const avg = smoothLoad(smoothLoad(null, snap(50_000, 4)), snap(1_000, 0));
    expect(avg.byServer.get(1)).toBe(0);
  });
});

describe('why a server stopped', () => {
  it('tells a retired (drained) server from a crashed one', () => {
    const events = [
      { type: 'server', tMs: 1, server: 1, status: 'down', reason: 'killed' },
      { type: 'server', tMs: 2, server: 2, status: 'down', reason: 'drained' },
      { type: 'server', tMs: 3, server: 3, status: 'up' },
    ] as SimEvent[];
    const c = stopCauses(events);
    expect(c.get(1)).toBe('crashed');
    expect(c.get(2)).toBe('retired');
    expect(c.has(3)).toBe(false);
  });
});

describe('the load balancer caption', () => {
  it('follows the architecture: stickiness is only needed for sessions in memory', () => {
    expect(lbStickyCaption('in-memory', 'cookie')).toBe('Sticky by cookie');
    expect(lbStickyCaption('session-store', 'cookie')).toBe('Sticky by cookie (not needed)');
    expect(lbStickyCaption('jwt', 'none')).toBe('Any server will do');
    expect(lbStickyCaption('in-memory', 'none')).toBe('Not sticky: any server');
  });
});
