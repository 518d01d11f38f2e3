/**
 * The in-thread engine, loaded on demand: the page's first load does not carry the
 * simulation core twice (the worker has its own copy). Messages sent before it has loaded
 * wait and go in order; listeners are attached as soon as it is there. The module is also
 * fetched in the background after start (`preloadInThreadClient`), so a later failover does
 * not wait for the network, and finds the files even if a new version was published since.
 */
import type * as InThread from './inThreadClient.ts';
import type { FromSim, ToSim } from '../protocol/messages.ts';
import { Listeners, type SimClient } from './SimClient.ts';

let loading: Promise<typeof InThread> | null = null;

/** Starts fetching the in-thread engine (once) and returns the module's promise. */
export function preloadInThreadClient(): Promise<typeof InThread> {
  loading ??= import('./inThreadClient.ts');
  return loading;
}

export function createLazyInThreadClient(opts: InThread.InThreadOptions = {}): SimClient {
  const listeners = new Listeners();
  let inner: SimClient | null = null;
  let waiting: ToSim[] = [];
  let disposed = false;
  preloadInThreadClient().then(
    (m) => {
      if (disposed) return;
      inner = m.createInThreadClient(opts);
      inner.subscribe((msg: FromSim) => listeners.emit(msg));
      for (const msg of waiting) inner.send(msg);
      waiting = [];
    },
    (e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      listeners.emit({ type: 'error', message: `The simulation could not start (${why}).` });
    },
  );
  return {
    kind: 'in-thread',
    send: (msg) => {
      if (inner) inner.send(msg);
      else waiting.push(structuredClone(msg));
    },
    subscribe: (listener) => listeners.add(listener),
    dispose: () => {
      disposed = true;
      inner?.dispose();
    },
  };
}
