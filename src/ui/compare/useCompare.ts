/**
 * React bindings for Compare mode's own state (samples for the table and charts). The
 * controls bind to the run controller instead (src/ui/RunContext.tsx); every pane's latest
 * snapshot comes from `useRunSnapshots`.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CompareController, CompareState } from '../../app/compareRun.ts';

export const CompareContext = createContext<CompareController | null>(null);

export function useController(): CompareController {
  const c = useContext(CompareContext);
  if (!c) throw new Error('useController must be used inside <CompareContext.Provider>.');
  return c;
}

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(useController().state, selector);
}
