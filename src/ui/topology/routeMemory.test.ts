import { describe, expect, it } from 'vitest';
import { HOP_STRIDE, HopNode, serverNode } from '../../protocol/hops.ts';
import { edgeKey } from './hopRules.ts';
import { linkMarks, ROUTES_KEPT, RouteMemory } from './routeMemory.ts';

type Hop = [req: number, user: number, from: number, to: number, depart: number, fail?: number];

function hops(list: Hop[]): Float64Array {
  const data = new Float64Array(list.length * HOP_STRIDE);
  list.forEach(([req, user, from, to, depart, fail = 0], i) =>
    data.set([req, user, from, to, depart, depart + 10, fail], i * HOP_STRIDE),
  );
  return data;
}

/** One request of `user` through the LB to server `server`, optionally on to the store. */
function request(req: number, user: number, server: number, t: number, store = false): Hop[] {
  const s = serverNode(server);
  const out: Hop[] = [
    [req, user, HopNode.Users, HopNode.Lb, t],
    [req, user, HopNode.Lb, s, t + 10],
  ];
  if (store) out.push([req, user, s, HopNode.Store, t + 11]);
  return out;
}

const lbTo = (server: number) => edgeKey(HopNode.Lb, serverNode(server));

describe('RouteMemory and linkMarks (the reduced-motion routing)', () => {
  it('sticky: every request of Alice marks the same link', () => {
    const mem = new RouteMemory(8);
    const list = [1, 2, 3].flatMap((n) => request(n, 0, 2, n * 100));
    mem.observe(hops(list), list.length, 1000);
    const marks = linkMarks(mem, 8, edgeKey);
    expect([...marks.keys()]).toEqual([lbTo(2)]);
    expect(marks.get(lbTo(2))).toEqual([{ user: 0, age: 0, failed: false }]);
  });

  it('not sticky: her requests mark different links, the latest solid and older ones aged', () => {
    const mem = new RouteMemory(8);
    const list = [...request(1, 0, 1, 100), ...request(2, 0, 2, 200), ...request(3, 0, 3, 300)];
    mem.observe(hops(list), list.length, 1000);
    const marks = linkMarks(mem, 8, edgeKey);
    expect(marks.get(lbTo(3))).toEqual([{ user: 0, age: 0, failed: false }]);
    expect(marks.get(lbTo(2))).toEqual([{ user: 0, age: 1, failed: false }]);
    expect(marks.get(lbTo(1))).toEqual([{ user: 0, age: 2, failed: false }]);
  });

  it('shows the store hop, failures, and only users in the picture', () => {
    const mem = new RouteMemory(8);
    const list: Hop[] = [
      ...request(1, 0, 1, 100, true),
      ...request(2, 1, 2, 100),
      [2, 1, serverNode(2), HopNode.Lb, 120, 3],
      ...request(3, 5, 3, 100),
    ];
    mem.observe(hops(list), list.length, 1000);
    expect(mem.latest(0)).toMatchObject({ server: serverNode(1), store: true, failed: false });
    const marks = linkMarks(mem, 2, edgeKey);
    expect(marks.get(edgeKey(serverNode(1), HopNode.Store))).toEqual([
      { user: 0, age: 0, failed: false },
    ]);
    expect(marks.get(lbTo(2))).toEqual([{ user: 1, age: 0, failed: true }]);
    expect(marks.has(lbTo(3))).toBe(false);
  });

  it('keeps the last few requests, ignores hops not yet departed, and forgets on a jump back', () => {
    const mem = new RouteMemory(8);
    const list = Array.from({ length: 10 }, (_, n) =>
      request(n + 1, 0, (n % 3) + 1, n * 100),
    ).flat();
    mem.observe(hops(list), list.length, 550);
    expect(mem.byUser[0]!.map((r) => r.req)).toEqual([3, 4, 5, 6].slice(0, ROUTES_KEPT));
    mem.observe(hops(list), list.length, 5000);
    expect(mem.byUser[0]!.map((r) => r.req)).toEqual([7, 8, 9, 10]);
    mem.observe(hops([]), 0, 10);
    expect(mem.latest(0)).toBeUndefined();
  });
});
