/** Runs the simulation host in a Web Worker. Throws if the page may not start workers. */
import type { FromSim, ToSim } from '../protocol/messages.ts';
import { Listeners, type SimClient } from './SimClient.ts';

export function createWorkerClient(onFailure: (reason: string) => void): SimClient {
  const listeners = new Listeners();
  const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'statecraft-sim',
  });
  worker.onmessage = (e: MessageEvent<FromSim>) => listeners.emit(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onFailure(e.message || 'The simulation worker stopped.');
  };
  worker.onmessageerror = () =>
    onFailure('A message from the simulation worker could not be read.');
  return {
    kind: 'worker',
    send: (msg: ToSim) => worker.postMessage(msg),
    subscribe: (listener) => listeners.add(listener),
    dispose: () => worker.terminate(),
  };
}
