/** Runs the simulation host on the main thread, ticking on a timer. */
import { SimHost } from '../worker/host.ts';
import type { ToSim } from '../protocol/messages.ts';
import { Listeners, type SimClient } from './SimClient.ts';

const TICK_MS = 16;

export function createInThreadClient(): SimClient {
  const listeners = new Listeners();
  // Deliver asynchronously, as a worker would, so callers cannot come to rely on
  // synchronous answers that the worker client cannot give.
  const host = new SimHost(
    (msg) => queueMicrotask(() => listeners.emit(msg)),
    () => performance.now(),
  );
  const timer = setInterval(() => host.tick(), TICK_MS);
  queueMicrotask(() => listeners.emit({ type: 'ready' }));
  return {
    kind: 'in-thread',
    send: (msg: ToSim) => host.handle(structuredClone(msg)),
    subscribe: (listener) => listeners.add(listener),
    dispose: () => clearInterval(timer),
  };
}
