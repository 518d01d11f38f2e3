/**
 * Whether a lesson step points at a node. Steps name parts of the picture ('servers',
 * 'server:2', 'store', …; see NodeRef in src/lessons/types.ts); the store holds the current
 * step's list as view state, and each node component asks about itself.
 */
import { useSim } from '../SimContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';

const selectSpotlight = (s: SimStoreState) => s.spotlight;

/** True when any of `refs` is in the current step's spotlight. */
export function useSpotlit(...refs: string[]): boolean {
  const spotlight = useSim(selectSpotlight);
  return refs.some((r) => spotlight.includes(r));
}

/** Class the node adds when spotlit (see topology.css). */
export const SPOTLIT = ' is-spotlit';
