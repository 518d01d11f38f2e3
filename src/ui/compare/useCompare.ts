/**
 * React bindings for Compare mode: the shared clock's state, and every pane's latest snapshot
 * (which changes at snapshot rate, ~5 times a second while playing, never per frame).
 */
import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { Snapshot } from '../../protocol/snapshot.ts';
import type { CompareController, CompareState } from './compareController.ts';

export const CompareContext = createContext<CompareController | null>(null);

export function useController(): CompareController {
  const c = useContext(CompareContext);
  if (!c) throw new Error('useController must be used inside <CompareContext.Provider>.');
  return c;
}

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(useController().state, selector);
}

/** The panes' snapshots, as one array that changes identity only when one of them changes. */
export function usePaneSnapshots(): (Snapshot | null)[] {
  const c = useController();
  const cache = useRef<(Snapshot | null)[]>([]);
  const read = useCallback((): (Snapshot | null)[] => {
    const next = c.panes.map((p) => p.session.store.getState().snapshot);
    const prev = cache.current;
    if (prev.length === next.length && prev.every((s, i) => s === next[i])) return prev;
    cache.current = next;
    return next;
  }, [c]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = c.panes.map((p) =>
        p.session.store.subscribe((s, old) => {
          if (s.snapshot !== old.snapshot) onChange();
        }),
      );
      return () => stops.forEach((stop) => stop());
    },
    [c],
  );
  return useSyncExternalStore(subscribe, read);
}
