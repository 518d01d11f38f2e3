import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { destroyedSessions } from './chipLoss.ts';

const lost = (cause: string, server: number, count: number): SimEvent =>
  ({ type: 'sessions-lost', tMs: 1, cause, server, count, items: 0, named: [] }) as SimEvent;

describe('destroyedSessions', () => {
  it('finds servers and stores that took sessions down with them', () => {
    expect(
      destroyedSessions([
        lost('server-died', 2, 89),
        { type: 'server', tMs: 1, server: 2, status: 'down', reason: 'killed' },
        lost('store-died', 0, 240),
        lost('drained', 3, 4),
      ]),
    ).toEqual([
      { nodeId: 'server-2', count: 89 },
      { nodeId: 'store', count: 240 },
      { nodeId: 'server-3', count: 4 },
    ]);
  });

  it('ignores misses, failovers and empty losses', () => {
    expect(
      destroyedSessions([lost('miss', 1, 1), lost('failover', 0, 3), lost('server-died', 1, 0)]),
    ).toEqual([]);
  });
});
