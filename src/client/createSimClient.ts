/**
 * Picks the client: a Web Worker when the page may start one, the in-thread host otherwise.
 * If the worker fails (it does not start, dies, closes itself or hangs: see workerClient.ts),
 * the caller is told and gets a fresh in-thread client; replaying the run's command log on it
 * restores the learner's place. The in-thread engine is loaded on demand (lazyInThreadClient.ts).
 */
import { createLazyInThreadClient, preloadInThreadClient } from './lazyInThreadClient.ts';
import { createWorkerClient } from './workerClient.ts';
import type { ClientKind, SimClient } from './SimClient.ts';

export interface ClientOptions {
  prefer?: ClientKind | undefined;
  /** Called when the worker failed and the in-thread client took over. */
  onFallback?: (client: SimClient, reason: string) => void;
}

export function createSimClient(options: ClientOptions = {}): SimClient {
  if (options.prefer === 'in-thread' || typeof Worker === 'undefined') {
    return createLazyInThreadClient();
  }
  let failed = false;
  const fallBack = (reason: string): void => {
    if (failed) return;
    failed = true;
    worker?.dispose();
    options.onFallback?.(createLazyInThreadClient(), reason);
  };
  let worker: SimClient | null = null;
  try {
    worker = createWorkerClient(fallBack);
  } catch {
    // Workers are not allowed here (e.g. a sandboxed iframe): run on the main thread.
    return createLazyInThreadClient();
  }
  // The fallback engine, fetched in the background so a failover need not wait for it.
  const idle = (cb: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(cb, { timeout: 5000 });
    else setTimeout(cb, 2000);
  };
  idle(() => void preloadInThreadClient().catch(() => undefined));
  return worker;
}
