/** The consistent-hash ring: adding a server to N moves about 1/(N+1) of the keys, all to it. */
import { describe, expect, it } from 'vitest';
import { buildRing, ringLookup } from './consistentHash.ts';
import { mix32 } from '../hash.ts';

const KEYS = 20_000;

function owners(servers: number[], virtualNodes: number): number[] {
  const ring = buildRing(servers, virtualNodes);
  return Array.from({ length: KEYS }, (_, k) => ringLookup(ring.points, ring.owners, mix32(k + 1)));
}

describe('consistent hashing', () => {
  for (const n of [1, 2, 3, 5, 9]) {
    it(`adding a server to ${n} moves about 1/${n + 1} of the keys, only to the new server`, () => {
      const ids = Array.from({ length: n }, (_, i) => i + 1);
      const before = owners(ids, 100);
      const after = owners([...ids, n + 1], 100);
      let moved = 0;
      for (let k = 0; k < KEYS; k++) {
        if (before[k] !== after[k]) {
          moved++;
          expect(after[k]).toBe(n + 1);
        }
      }
      const expected = 1 / (n + 1);
      expect(Math.abs(moved / KEYS - expected)).toBeLessThan(0.05);
    });
  }

  it('spreads keys evenly enough with 100 virtual nodes', () => {
    const got = owners([1, 2, 3, 4], 100);
    for (const id of [1, 2, 3, 4]) {
      const share = got.filter((x) => x === id).length / KEYS;
      expect(share).toBeGreaterThan(0.25 * 0.8);
      expect(share).toBeLessThan(0.25 * 1.2);
    }
  });

  it('an empty ring owns nothing; every key has an owner otherwise', () => {
    const empty = buildRing([], 100);
    expect(ringLookup(empty.points, empty.owners, 123)).toBe(0);
    const ring = buildRing([7], 3);
    expect(ringLookup(ring.points, ring.owners, 0)).toBe(7);
    expect(ringLookup(ring.points, ring.owners, 0xffffffff)).toBe(7);
  });
});
