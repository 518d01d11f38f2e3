/**
 * Picks the client: a Web Worker when the page may start one, the in-thread host otherwise.
 * If the worker fails (it does not start, dies, closes itself or hangs: see workerClient.ts),
 * the caller is told and gets a fresh in-thread client; replaying the run's command log on it
 * restores the learner's place.
 */
import { createInThreadClient } from './inThreadClient.ts';
import { createWorkerClient } from './workerClient.ts';
import type { ClientKind, SimClient } from './SimClient.ts';

export interface ClientOptions {
  prefer?: ClientKind | undefined;
  /** Called when the worker failed and the in-thread client took over. */
  onFallback?: (client: SimClient, reason: string) => void;
}

export function createSimClient(options: ClientOptions = {}): SimClient {
  if (options.prefer === 'in-thread' || typeof Worker === 'undefined') {
    return createInThreadClient();
  }
  let failed = false;
  const fallBack = (reason: string): void => {
    if (failed) return;
    failed = true;
    worker?.dispose();
    options.onFallback?.(createInThreadClient(), reason);
  };
  let worker: SimClient | null = null;
  try {
    worker = createWorkerClient(fallBack);
  } catch {
    // Workers are not allowed here (e.g. a sandboxed iframe): run on the main thread.
    return createInThreadClient();
  }
  return worker;
}
