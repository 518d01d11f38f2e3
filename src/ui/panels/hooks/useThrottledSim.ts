/**
 * Like useSim, but re-renders at most once per `intervalMs` of wall time (trailing edge, so
 * the last value always shows). For store fields that change with frames (~60 Hz while
 * playing), such as the narration log. `selector` must be stable (defined at module scope).
 */
import { useEffect, useState } from 'react';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSimSession } from '../../SimContext.tsx';

export function useThrottledSim<T>(selector: (s: SimStoreState) => T, intervalMs: number): T {
  const session = useSimSession();
  const [value, setValue] = useState(() => selector(session.store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastMs = -Infinity;
    const flush = () => {
      timer = null;
      lastMs = performance.now();
      setValue(() => selector(session.store.getState()));
    };
    const unsubscribe = session.store.subscribe((s, prev) => {
      if (timer !== null || selector(s) === selector(prev)) return;
      timer = setTimeout(flush, Math.max(0, lastMs + intervalMs - performance.now()));
    });
    // Catch up with anything that changed between the first render and this effect.
    timer = setTimeout(flush, 0);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [session, selector, intervalMs]);
  return value;
}
