/**
 * A hook for end-to-end tests to drive simulated time without sleeping. It exists only in
 * builds made with `--mode e2e` (VITE_TEST_HOOKS=1); in the production build the condition
 * is false at build time and the code is removed.
 */
import type { Snapshot } from '../protocol/snapshot.ts';
import type { SimSession } from '../store/simStore.ts';
import type { RunController } from '../app/runController.ts';
import { COMMANDS, perform } from '../app/commands.ts';
import { pageHost } from './pageHost.ts';
import { HOP_STRIDE } from '../protocol/hops.ts';
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

/** Asks the test build's worker to hang or to close itself (see src/worker/sim.worker.ts). */
function faultWorker(fault: 'hang' | 'close'): void {
  const worker = startedWorkers.at(-1);
  if (!worker) throw new Error('No simulation worker: the engine runs in-thread.');
  worker.postMessage({ type: 'test-fault', fault });
}

/** Waits until the app has loaded its first scenario, so tests never race it. */
async function appLoaded(session: SimSession): Promise<void> {
  while (!session.store.getState().snapshot) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Drives the run through the same run controller and command registry as the buttons (a
 * test's "play" is the Play command); only `load` talks to the session, as lessons do.
 */
export function installTestHook(run: RunController): void {
  if (import.meta.env.VITE_TEST_HOOKS !== '1') return;
  const session = run.sessions[0]!;
  const host = { run };
  const after = async (op: () => Promise<void>): Promise<Snapshot> => {
    await appLoaded(session);
    await op();
    return session.store.getState().snapshot!;
  };
  window.__statecraftTest = {
    async load(scenario) {
      await appLoaded(session);
      return (await session.request({ type: 'load', scenario, playing: false })).snapshot!;
    },
    advance: (ms) =>
      after(async () => {
        await perform('pause', host);
        await run.advance(ms);
      }),
    act: (action) => after(() => run.act(action)),
    play: (speed) =>
      after(async () => {
        if (speed !== undefined) await run.setSpeed(speed);
        await perform('play', host);
      }),
    pause: () => after(() => perform('pause', host)),
    async perform(id, args) {
      const page = pageHost();
      if (!(id in COMMANDS)) throw new Error(`No command "${id}" in the registry.`);
      await perform(id as never, page ?? host, args as never);
    },
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
    hangWorker: () => faultWorker('hang'),
    closeWorker: () => faultWorker('close'),
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
