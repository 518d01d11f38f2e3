import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { deadChips, destroyedSessions, lossText } from './chipLoss.ts';

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

describe('loss markers', () => {
  it("count what was lost, in the run's words", () => {
    expect(lossText(89, { session: 'session', sessions: 'sessions' })).toBe('89 sessions lost');
    expect(lossText(1, { session: 'chat login', sessions: 'chat logins' })).toBe(
      '1 chat login lost',
    );
  });

  it('draw dead the chips that were shown, never more than were destroyed', () => {
    expect(deadChips(['A', 'B', 'C'], 89)).toEqual(['A', 'B', 'C']);
    expect(deadChips(['A', 'B', 'C'], 2)).toEqual(['A', 'B']);
    expect(deadChips([], 5)).toEqual([]);
  });
});
