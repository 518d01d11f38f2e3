/// <reference lib="webworker" />
/**
 * The Web Worker entry: runs a SimHost off the main thread and ticks it about 60 times a
 * second. Frames carry hop arrays as transferred buffers (no copy). A long replay runs in
 * slices of SLICE_MS with a return to the worker's event loop between them, so a Cancel
 * from the page is heard within one slice and the pulse keeps coming.
 */
import { SimHost } from './host.ts';
import { LONG_MESSAGES, type ToSim, type WorkerPulse } from '../protocol/messages.ts';

declare const self: DedicatedWorkerGlobalScope;

const TICK_MS = 16;
/** Wall ms of replay work between two looks at the worker's message queue. */
const SLICE_MS = 50;
/** How often the worker says it is alive (workerClient.ts decides when silence is a hang). */
const PULSE_MS = 1000;

const pulse = (p: WorkerPulse): void => self.postMessage(p);

const host = new SimHost(
  (msg, transfer) => self.postMessage(msg, transfer),
  () => performance.now(),
  SLICE_MS,
);

let slice: ReturnType<typeof setTimeout> | null = null;
const keepWorking = (): void => {
  if (slice !== null || !host.busy()) return;
  slice = setTimeout(() => {
    slice = null;
    host.work();
    pulse({ type: 'alive' });
    keepWorking();
  }, 0);
};

self.onmessage = (e: MessageEvent<ToSim | { type: 'test-fault'; fault: string }>) => {
  const msg = e.data;
  // Test builds only: make this worker hang or close itself, as a bug or a browser might.
  if (import.meta.env.VITE_TEST_HOOKS === '1' && msg.type === 'test-fault') {
    if (msg.fault === 'close') self.close();
    if (msg.fault === 'hang') for (;;);
    return;
  }
  if (msg.type === 'test-fault') return;
  if (LONG_MESSAGES.includes(msg.type)) pulse({ type: 'busy' });
  host.handle(msg);
  pulse({ type: 'alive' });
  keepWorking();
};

setInterval(() => host.tick(), TICK_MS);
setInterval(() => pulse({ type: 'alive' }), PULSE_MS);

self.postMessage({ type: 'ready' });
