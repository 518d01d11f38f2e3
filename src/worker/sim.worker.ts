/// <reference lib="webworker" />
/**
 * The Web Worker entry: runs a SimHost off the main thread and ticks it about 60 times a
 * second. Frames carry hop arrays as transferred buffers (no copy).
 */
import { SimHost } from './host.ts';
import type { ToSim } from '../protocol/messages.ts';

declare const self: DedicatedWorkerGlobalScope;

const TICK_MS = 16;

const host = new SimHost(
  (msg, transfer) => self.postMessage(msg, transfer),
  () => performance.now(),
);

self.onmessage = (e: MessageEvent<ToSim>) => host.handle(e.data);

setInterval(() => host.tick(), TICK_MS);

self.postMessage({ type: 'ready' });
