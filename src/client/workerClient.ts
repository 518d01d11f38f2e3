/**
 * Runs the simulation host in a Web Worker. Throws if the page may not start workers.
 *
 * Watches the worker's pulse (src/protocol/messages.ts, WorkerPulse): a worker that errors,
 * sends an unreadable message, closes itself or hangs is reported through `onFailure` once,
 * and the caller recovers in-thread. Silence budgets, in wall milliseconds: a slow start is
 * not a failure (START_BUDGET_MS); while a long job runs (a replay), the worker cannot answer
 * and gets LONG_JOB_BUDGET_MS; otherwise a few missed pulses (QUIET_BUDGET_MS) mean it is gone.
 */
import type { FromSim, ToSim, WorkerPulse } from '../protocol/messages.ts';
import { Listeners, type SimClient } from './SimClient.ts';

export const START_BUDGET_MS = 20_000;
export const QUIET_BUDGET_MS = 6_000;
export const LONG_JOB_BUDGET_MS = 180_000;
const CHECK_EVERY_MS = 1000;

export function createWorkerClient(
  onFailure: (reason: string) => void,
  now: () => number = () => performance.now(),
): SimClient {
  const listeners = new Listeners();
  const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'statecraft-sim',
  });
  let started = false;
  let busy = false;
  let lastHeard = now();
  let stopped = false;
  const fail = (reason: string): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(watch);
    onFailure(reason);
  };
  worker.onmessage = (e: MessageEvent<FromSim | WorkerPulse>) => {
    lastHeard = now();
    const msg = e.data;
    if (msg.type === 'busy') {
      busy = true;
      return;
    }
    if (msg.type === 'alive') {
      busy = false;
      return;
    }
    if (msg.type === 'ready') started = true;
    listeners.emit(msg);
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    fail(e.message || 'The simulation worker stopped.');
  };
  worker.onmessageerror = () => fail('A message from the simulation worker could not be read.');
  const watch = setInterval(() => {
    const budget = !started ? START_BUDGET_MS : busy ? LONG_JOB_BUDGET_MS : QUIET_BUDGET_MS;
    if (now() - lastHeard > budget) {
      fail(
        started
          ? 'The simulation worker stopped answering.'
          : 'The simulation worker did not start.',
      );
    }
  }, CHECK_EVERY_MS);
  return {
    kind: 'worker',
    send: (msg: ToSim) => worker.postMessage(msg),
    subscribe: (listener) => listeners.add(listener),
    dispose: () => {
      stopped = true;
      clearInterval(watch);
      worker.terminate();
    },
  };
}
