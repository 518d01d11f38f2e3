/**
 * Gives components the simulation session: `useSim(selector)` for store state (re-renders
 * only when the selected value changes) and `useSimSession()` for the non-React parts (the
 * hop buffer and view clock the canvas reads every frame).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimSession, SimStoreState } from '../store/simStore.ts';

/** Exported for parts that must work with or without a session (error fallbacks). */
export const SimContext = createContext<SimSession | null>(null);

export function SimProvider({ session, children }: { session: SimSession; children: ReactNode }) {
  return <SimContext.Provider value={session}>{children}</SimContext.Provider>;
}

export function useSimSession(): SimSession {
  const session = useContext(SimContext);
  if (!session) throw new Error('useSimSession must be used inside <SimProvider>.');
  return session;
}

export function useSim<T>(selector: (s: SimStoreState) => T): T {
  return useStore(useSimSession().store, selector);
}
