/**
 * What the dot layer drew in its latest frame, per edge: read by the e2e test hook to check
 * that every hop is seen (short hops stretched), without reading canvas pixels.
 */
import { edgeEnds } from './hopRules.ts';

/** Dots per edge key (see hopRules.ts) in the latest frame of the last dot layer drawn. */
export const dotStats: { perEdge: ReadonlyMap<number, number> } = { perEdge: new Map() };

/** The same counts as "from-to" → dots, left node first ("1-4": load balancer – server 1). */
export function drawnByEdgeName(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of dotStats.perEdge) {
    const [l, r] = edgeEnds(key);
    out[`${l}-${r}`] = n;
  }
  return out;
}
