/**
 * Runs the simulation host on the main thread, ticking on a timer. A long replay (a link
 * opening at its time, a seek, a crash recovery) runs in slices of SLICE_MS of work with a
 * return to the event loop between them, so the page keeps drawing, timers and input run,
 * and Cancel is heard.
 */
import { SimHost } from '../worker/host.ts';
import type { ToSim } from '../protocol/messages.ts';
import { Listeners, type SimClient } from './SimClient.ts';

const TICK_MS = 16;
/** Wall ms of replay work between two returns to the event loop (under one 60 Hz frame). */
export const IN_THREAD_SLICE_MS = 10;

export interface InThreadOptions {
  /** Wall clock in ms (tests pass a fake one to cut slices where they choose). */
  now?: () => number;
  sliceMs?: number;
}

export function createInThreadClient(opts: InThreadOptions = {}): SimClient {
  const listeners = new Listeners();
  // Deliver asynchronously, as a worker would, so callers cannot come to rely on
  // synchronous answers that the worker client cannot give.
  const host = new SimHost(
    (msg) => queueMicrotask(() => listeners.emit(msg)),
    opts.now ?? (() => performance.now()),
    opts.sliceMs ?? IN_THREAD_SLICE_MS,
  );
  let slice: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  const keepWorking = (): void => {
    if (slice !== null || disposed || !host.busy()) return;
    // A macrotask, not a microtask: rendering, input and timers get their turn in between.
    slice = setTimeout(() => {
      slice = null;
      if (disposed) return;
      host.work();
      keepWorking();
    }, 0);
  };
  const timer = setInterval(() => host.tick(), TICK_MS);
  queueMicrotask(() => listeners.emit({ type: 'ready' }));
  return {
    kind: 'in-thread',
    send: (msg: ToSim) => {
      host.handle(structuredClone(msg));
      keepWorking();
    },
    subscribe: (listener) => listeners.add(listener),
    dispose: () => {
      disposed = true;
      clearInterval(timer);
      if (slice !== null) clearTimeout(slice);
    },
  };
}
