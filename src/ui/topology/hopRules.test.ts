import { describe, expect, it } from 'vitest';
import { HOP_STRIDE } from '../../protocol/messages.ts';
import { Fail, Node, serverNode } from '../../sim/model.ts';
import { edgeEnds, edgeKey, edgeRates, formatRate, isFailureOrigin, rank } from './hopRules.ts';

function hops(...rows: number[][]): Float64Array {
  const out = new Float64Array(rows.length * HOP_STRIDE);
  rows.forEach((r, i) => out.set(r, i * HOP_STRIDE));
  return out;
}

describe('isFailureOrigin', () => {
  it('marks the hop leaving the place the request failed', () => {
    const s2 = serverNode(2);
    expect(isFailureOrigin(s2, Node.Lb, Fail.SessionLost)).toBe(true);
    expect(isFailureOrigin(s2, Node.Lb, Fail.ServerDown)).toBe(true);
    expect(isFailureOrigin(Node.Lb, Node.Users, Fail.SessionLost)).toBe(false); // relayed
    expect(isFailureOrigin(Node.Lb, Node.Users, Fail.NoHealthyServer)).toBe(true);
    expect(isFailureOrigin(s2, Node.Lb, Fail.None)).toBe(false);
  });
});

describe('edges', () => {
  it('have one key whichever way a hop travels', () => {
    const s1 = serverNode(1);
    expect(edgeKey(Node.Lb, s1)).toBe(edgeKey(s1, Node.Lb));
    expect(edgeEnds(edgeKey(s1, Node.Store))).toEqual([s1, Node.Store]);
    expect(edgeEnds(edgeKey(Node.Db, s1))).toEqual([s1, Node.Db]);
    expect(rank(Node.Users)).toBeLessThan(rank(Node.Lb));
    expect(rank(s1)).toBeLessThan(rank(Node.Db));
  });
});

describe('edgeRates', () => {
  const s1 = serverNode(1);
  const data = hops(
    // reqNo, user, from, to, depart, arrive, fail
    [1, 0, Node.Users, Node.Lb, 100, 110, 0],
    [1, 0, Node.Lb, s1, 110, 111, 0],
    [1, 0, s1, Node.Lb, 112, 113, Fail.SessionLost],
    [1, 0, Node.Lb, Node.Users, 113, 123, Fail.SessionLost],
    [2, 9, Node.Users, Node.Lb, 600, 610, 0],
    [3, 9, Node.Users, Node.Lb, 1500, 1510, 0], // not departed yet at view 1000
    [4, 9, Node.Users, Node.Lb, -200, -190, 0], // before the window
  );

  it('counts requests towards the back end and failures where they started', () => {
    const r = edgeRates(data, 7, 1000, 1000);
    expect(r.get(edgeKey(Node.Users, Node.Lb))).toEqual({ perS: 2, failedPerS: 0 });
    expect(r.get(edgeKey(Node.Lb, s1))).toEqual({ perS: 1, failedPerS: 1 });
  });

  it('shrinks the window to what a full buffer still holds', () => {
    const r = edgeRates(data.subarray(0, 5 * HOP_STRIDE), 5, 1000, 1000, true);
    // The oldest hop left 900 ms before view: 2 requests in 0.9 s.
    expect(r.get(edgeKey(Node.Users, Node.Lb))!.perS).toBeCloseTo(2 / 0.9);
  });

  it('formats rates short', () => {
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(0.44)).toBe('0.4/s');
    expect(formatRate(12.4)).toBe('12/s');
    expect(formatRate(1234)).toBe('1.2k/s');
  });
});
