/**
 * Whether the view should hold still: the "Reduce motion" switch when the learner has used
 * it, otherwise the system's prefers-reduced-motion (see motionPreference.ts). Live.
 */
import { useSyncExternalStore } from 'react';
import { motionReduced, subscribeMotion } from './motionPreference.ts';

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, motionReduced, () => false);
}
