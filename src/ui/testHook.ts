/**
 * A hook for end-to-end tests to drive simulated time without sleeping. It exists only in
 * builds made with `--mode e2e` (VITE_TEST_HOOKS=1); in the production build the condition
 * is false at build time and the code is removed.
 */
import type { Snapshot } from '../protocol/snapshot.ts';
import type { ToSim } from '../protocol/messages.ts';
import type { SimSession } from '../store/simStore.ts';
import { HOP_STRIDE } from '../protocol/messages.ts';
import { viewTimeMs } from '../store/viewClock.ts';
import type {} from './testHookTypes.ts';
import { drawnByEdgeName } from './topology/dotStats.ts';

/**
 * Web Workers the page has started. Recorded by wrapping the Worker constructor when this
 * module is evaluated, which is before main.tsx creates the simulation client.
 */
const startedWorkers: Worker[] = [];
if (import.meta.env.VITE_TEST_HOOKS === '1' && typeof Worker !== 'undefined') {
  const NativeWorker = Worker;
  window.Worker = class RecordedWorker extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      startedWorkers.push(this);
    }
  };
}

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
    async play(speed) {
      if (speed !== undefined) await snap({ type: 'speed', speed });
      return snap({ type: 'play' });
    },
    pause: () => snap({ type: 'pause' }),
    crashWorker() {
      const worker = startedWorkers.at(-1);
      if (!worker) throw new Error('No simulation worker to crash: the engine runs in-thread.');
      // The worker dies, and the page hears what a browser reports when a worker's script
      // throws: an error event on the Worker object. The app's own recovery does the rest.
      worker.terminate();
      worker.dispatchEvent(
        new ErrorEvent('error', { message: 'The simulation worker crashed.', cancelable: true }),
      );
    },
    snapshot: () => session.store.getState().snapshot,
    clientKind: () => session.store.getState().clientKind,
    drawnDots: () => drawnByEdgeName(),
    visibleHops() {
      const { data, count } = session.hops;
      const t = viewTimeMs(session.clock, performance.now());
      let n = 0;
      for (let o = 0; o < count * HOP_STRIDE; o += HOP_STRIDE) {
        if (data[o + 4]! <= t && t < data[o + 5]!) n++;
      }
      return n;
    },
  };
}
