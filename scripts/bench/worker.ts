/**
 * Worker → UI: the cost of one frame message with 2,000 and 5,000 requests in flight.
 *
 *   - In Chromium, on the real path: the time the page spends in the worker's `onmessage`
 *     handler per frame (reading the message, the store update, every frame listener), plus
 *     the microtasks it queues (React's synchronous store re-renders). Aim: under 1 ms.
 *   - In Node, the other end: one SimHost tick as the worker runs it 60 times a second
 *     (advance the simulation, build the frame, structured-clone it with the hop buffer
 *     transferred, as postMessage does).
 */
import type { Browser } from '@playwright/test';
import { SimHost } from '../../src/worker/host.ts';
import type { FromSim } from '../../src/protocol/messages.ts';
import {
  PLAY_SPEED,
  WARM_SIM_MS,
  inFlightScenario,
  measureWindow,
  openApp,
  playInFlight,
  sleep,
  type Window_,
} from './browser.ts';
import { figure, fmt, quantile, type Figure } from './table.ts';
import type { BenchOptions } from './core.ts';

export const MESSAGE_SIZES = [2000, 5000];
const TICK_WALL_MS = 1000 / 60;

/** Per-tick wall time of a SimHost playing `inFlightScenario(n)`, in ms (sorted). */
function hostTicks(n: number, ticks: number): { ms: number[]; hops: number[] } {
  let wall = 0;
  const hops: number[] = [];
  const host = new SimHost(
    (msg: FromSim, transfer: Transferable[]) => {
      const copy = structuredClone(msg, { transfer });
      if (copy.type === 'frame') hops.push(copy.hops.length / 7);
    },
    () => wall,
  );
  host.handle({
    type: 'load',
    scenario: inFlightScenario(n),
    atMs: WARM_SIM_MS,
    playing: true,
    speed: PLAY_SPEED,
  });
  hops.length = 0;
  const ms: number[] = [];
  for (let i = 0; i < ticks; i++) {
    wall += TICK_WALL_MS;
    const t0 = performance.now();
    host.tick();
    ms.push(performance.now() - t0);
  }
  return { ms: ms.sort((a, b) => a - b), hops };
}

export interface MessageRun {
  n: number;
  w: Window_;
}

/** One browser run: plays each size and records the frame messages for `windowMs`. */
export async function browserMessageRun(
  browser: Browser,
  sizes: readonly number[],
  windowMs: number,
): Promise<MessageRun[]> {
  const { page, cdp } = await openApp(browser);
  const out: MessageRun[] = [];
  try {
    for (const n of sizes) {
      await playInFlight(page, n);
      await sleep(1500);
      out.push({ n, w: await measureWindow(page, cdp, windowMs) });
    }
  } finally {
    await page.context().close();
  }
  return out;
}

const med = (xs: number[]): number =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

export function messageFigures(runs: MessageRun[][], sizes: readonly number[]): Figure[] {
  const figs: Figure[] = [];
  for (const n of sizes) {
    const ws = runs.map((r) => r.find((x) => x.n === n)!.w);
    const label = `${fmt(n)} in flight`;
    const inFlight = quantile(
      ws.map((w) => w.inFlight).sort((a, b) => a - b),
      0.5,
    );
    const hops = quantile(
      ws.map((w) => w.msg.hopsP50).sort((a, b) => a - b),
      0.5,
    );
    const perS = quantile(
      ws.map((w) => (w.msg.count / w.wallMs) * 1000).sort((a, b) => a - b),
      0.5,
    );
    const m = (f: (w: Window_) => number): number => med(ws.map(f));
    figs.push(
      figure(
        'worker',
        `frame message, ${label}: receive + store (ms, mean)`,
        ws.map((w) => w.msg.handlerMean),
        {
          unit: 'ms',
          digits: 3,
          budget: { max: 1, text: '< 1 ms' },
          note: `p50 ${fmt(
            m((w) => w.msg.handlerP50),
            1,
          )}, p95 ${fmt(
            m((w) => w.msg.handlerP95),
            1,
          )}, max ${fmt(
            m((w) => w.msg.handlerMax),
            1,
          )} ms (timer step 0.1 ms); ${fmt(inFlight)} in flight, ${fmt(hops)} new hops/message, ${fmt(perS)} messages/s`,
          detail: { windows: ws.map((w) => w.msg) },
        },
      ),
      figure(
        'worker',
        `frame message, ${label}: + React re-render (ms, p95)`,
        ws.map((w) => w.msg.totalP95),
        {
          unit: 'ms',
          digits: 2,
          note: `the 5 frames/s that carry a snapshot: p50 ${fmt(
            m((w) => w.msg.withSnapshotP50),
            2,
          )} ms; others p50 ${fmt(
            m((w) => w.msg.totalP50),
            2,
          )} ms`,
        },
      ),
    );
  }
  return figs;
}

export async function runWorker(
  opts: BenchOptions,
  browser: Browser | null,
  browserError: string | null,
  browserRuns: number,
): Promise<Figure[]> {
  const figs: Figure[] = [];
  const ticks = opts.quick ? 180 : 600;
  for (const n of MESSAGE_SIZES) {
    hostTicks(n, 60); // warm up
    const p50: number[] = [];
    const p95: number[] = [];
    let hops: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const r = hostTicks(n, ticks);
      p50.push(quantile(r.ms, 0.5));
      p95.push(quantile(r.ms, 0.95));
      hops = r.hops.sort((a, b) => a - b);
    }
    figs.push(
      figure('worker', `worker tick in Node, ${fmt(n)} in flight: ms p50`, p50, {
        unit: 'ms',
        digits: 3,
        note: `p95 ${fmt(
          quantile(
            p95.sort((a, b) => a - b),
            0.5,
          ),
          3,
        )} ms; ${fmt(quantile(hops, 0.5))} hops/frame; sim + frame + structuredClone`,
      }),
    );
  }
  if (!browser) {
    figs.push(
      figure('worker', 'frame message in Chromium', [], {
        unit: 'ms',
        note: `not measured: ${browserError}`,
      }),
    );
    return figs;
  }
  const runs: MessageRun[][] = [];
  for (let i = 0; i < browserRuns; i++) {
    runs.push(await browserMessageRun(browser, MESSAGE_SIZES, opts.quick ? 2500 : 4000));
  }
  figs.push(...messageFigures(runs, MESSAGE_SIZES));
  return figs;
}
