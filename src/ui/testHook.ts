/**
 * A hook for end-to-end tests to drive simulated time without sleeping. It exists only in
 * builds made with `--mode e2e` (VITE_TEST_HOOKS=1); in the production build the condition
 * is false at build time and the code is removed.
 */
import type { Action } from '../sim/index.ts';
import type { Snapshot } from '../protocol/snapshot.ts';
import type { SimSession } from '../store/simStore.ts';

export interface TestHook {
  /** Pauses, advances simulated time by `ms`, and resolves with the new snapshot. */
  advance(ms: number): Promise<Snapshot>;
  act(action: Action): Promise<Snapshot>;
  snapshot(): Snapshot | null;
  clientKind(): string | null;
}

declare global {
  interface Window {
    __statecraftTest?: TestHook;
  }
}

function nextSnapshot(session: SimSession): Promise<Snapshot> {
  return new Promise((resolve) => {
    const stop = session.onFrame((frame) => {
      if (frame.snapshot) {
        stop();
        resolve(frame.snapshot);
      }
    });
  });
}

export function installTestHook(session: SimSession): void {
  if (import.meta.env.VITE_TEST_HOOKS !== '1') return;
  const s = () => session.store.getState();
  window.__statecraftTest = {
    advance(ms) {
      const next = nextSnapshot(session);
      s().pause();
      s().advance(ms);
      return next;
    },
    act(action) {
      const next = nextSnapshot(session);
      s().act(action);
      return next;
    },
    snapshot: () => s().snapshot,
    clientKind: () => s().clientKind,
  };
}
