/**
 * View-only state of the topology that is not worth a store field: which session chip was
 * clicked to show its cart, and where carts beside chips are drawn. Provided by TopologyView, read by the chips on the nodes.
 */
import { createContext, useContext } from 'react';
import type { Inspected } from './graph.ts';

export interface TopologyUi {
  /** Shows (or, if it is already shown, hides) the cart behind a chip. */
  toggleInspect(target: Inspected): void;
  /** The layer over the picture where carts beside chips are drawn (null before mount). */
  tipLayer: HTMLElement | null;
}

export const TopologyUiContext = createContext<TopologyUi>({
  toggleInspect: () => {},
  tipLayer: null,
});

export function useTopologyUi(): TopologyUi {
  return useContext(TopologyUiContext);
}
