/**
 * A hook for end-to-end tests to drive simulated time without sleeping. It exists only in
 * builds made with `--mode e2e` (VITE_TEST_HOOKS=1); in the production build the condition
 * is false at build time and the code is removed.
 */
import type { Snapshot } from '../protocol/snapshot.ts';
import type { ToSim } from '../protocol/messages.ts';
import type { SimSession } from '../store/simStore.ts';
import type {} from './testHookTypes.ts';

/** Waits until the app has loaded its first scenario, so tests never race it. */
async function appLoaded(session: SimSession): Promise<void> {
  while (!session.store.getState().snapshot) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function installTestHook(session: SimSession): void {
  if (import.meta.env.VITE_TEST_HOOKS !== '1') return;
  const snap = async (msg: ToSim): Promise<Snapshot> => {
    await appLoaded(session);
    const frame = await session.request(msg);
    return frame.snapshot!;
  };
  window.__statecraftTest = {
    load: (scenario) => snap({ type: 'load', scenario, playing: false }),
    async advance(ms) {
      await snap({ type: 'pause' });
      return snap({ type: 'advance', ms });
    },
    act: (action) => snap({ type: 'act', action }),
    snapshot: () => session.store.getState().snapshot,
    clientKind: () => session.store.getState().clientKind,
  };
}
