/**
 * A consistent-hash ring with virtual nodes. Each server owns `virtualNodes` points on a
 * 32-bit ring; a key belongs to the first point clockwise from its hash. Adding a server to
 * N moves only the keys that now fall just before its points: about 1/(N+1) of them.
 */
import { mix32 } from '../hash.ts';

export interface Ring {
  points: Uint32Array;
  owners: Int32Array;
}

/** `salt` (from the run's seed) moves every point, so each seed gets its own layout. */
export function buildRing(serverIds: readonly number[], virtualNodes: number, salt = 0): Ring {
  const n = serverIds.length * virtualNodes;
  const pairs: [number, number][] = new Array(n);
  let k = 0;
  for (const id of serverIds) {
    for (let v = 0; v < virtualNodes; v++) {
      // Two rounds of mixing so server ids and replica numbers do not line up on the ring.
      pairs[k++] = [mix32(mix32((id * 7919 + 1) ^ salt) ^ (v * 0x9e3779b1)), id];
    }
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const points = new Uint32Array(n);
  const owners = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    points[i] = pairs[i]![0];
    owners[i] = pairs[i]![1];
  }
  return { points, owners };
}

/** The server owning `keyHash`, or 0 for an empty ring. */
export function ringLookup(points: Uint32Array, owners: Int32Array, keyHash: number): number {
  const n = points.length;
  if (n === 0) return 0;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]! < keyHash) lo = mid + 1;
    else hi = mid;
  }
  return owners[lo === n ? 0 : lo]!;
}
