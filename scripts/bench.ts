/**
 * `npm run bench`: prints the simulation core's figures as a table (median of several runs,
 * with the spread). Budgets are reported, not asserted: this machine is shared and noisy.
 *
 *   - events per second of the core on a busy scenario, next to a bare push/pop loop on the
 *     same heap in the same run (the ratio is the figure; aim ≥ 1/3);
 *   - wall time of the 10-minute, 10,000-user scenario (preset large-crowd);
 *   - memory per 1,000 users (heap growth after building the state and running 60 s).
 *
 * Options: --runs N (default 5), --quick (fewer runs, shorter scenarios).
 */
import { createQueue, pop, push, type Popped } from '../src/sim/heap.ts';
import { createStream, nextFloat } from '../src/sim/random.ts';
import { Simulation } from '../src/sim/simulation.ts';
import { presetScenario } from '../src/sim/presets.ts';
import { resolveScenario } from '../src/sim/scenario.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(argv[runsArg + 1]) || 5) : quick ? 3 : 5;

interface Row {
  figure: string;
  median: string;
  spread: string;
  note: string;
}
const rows: Row[] = [];

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A bare loop on the same heap: keep `live` events queued, pop one, push one. */
function bareHeapRate(ops: number, live: number): number {
  const q = createQueue();
  const rng = createStream(1, 'bench');
  for (let i = 0; i < live; i++) push(q, nextFloat(rng) * 1000, 1, i);
  const out: Popped = { timeMs: 0, kind: 0, arg: 0 };
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    pop(q, out);
    push(q, out.timeMs + nextFloat(rng) * 100, 1, out.arg);
  }
  return ops / ((performance.now() - t0) / 1000);
}

function coreRun(durationS: number): {
  eventsPerS: number;
  events: number;
  wallMs: number;
  live: number;
} {
  const sc = resolveScenario(presetScenario('large-crowd')!);
  sc.durationS = durationS;
  const sim = new Simulation(sc);
  const t0 = performance.now();
  sim.runToEnd();
  const wallMs = performance.now() - t0;
  const events = sim.state.counters.eventsProcessed;
  return { eventsPerS: events / (wallMs / 1000), events, wallMs, live: sim.state.queue.size };
}

// Warm up the JIT on both loops before measuring.
coreRun(5);
bareHeapRate(200_000, 10_000);

const coreRates: number[] = [];
const bareRates: number[] = [];
let liveEvents = 10_000;
for (let i = 0; i < RUNS; i++) {
  const r = coreRun(quick ? 20 : 60);
  coreRates.push(r.eventsPerS);
  liveEvents = r.live;
  bareRates.push(bareHeapRate(2_000_000, liveEvents));
}
const core = stats(coreRates);
const bare = stats(bareRates);
rows.push({
  figure: 'core events/s (large-crowd)',
  median: fmt(core.median),
  spread: `${fmt(core.min)} – ${fmt(core.max)}`,
  note: '10,000 users, 40 servers',
});
rows.push({
  figure: `bare heap push+pop/s (${fmt(liveEvents)} queued)`,
  median: fmt(bare.median),
  spread: `${fmt(bare.min)} – ${fmt(bare.max)}`,
  note: 'same heap, same run',
});
rows.push({
  figure: 'core / bare heap',
  median: (core.median / bare.median).toFixed(2),
  spread: '',
  note: 'aim ≥ 0.33',
});

const fullRuns: number[] = [];
let fullEvents = 0;
for (let i = 0; i < (quick ? 1 : Math.min(RUNS, 3)); i++) {
  const r = coreRun(quick ? 120 : 600);
  fullRuns.push(r.wallMs / 1000);
  fullEvents = r.events;
}
const full = stats(fullRuns);
rows.push({
  figure: `${quick ? '2' : '10'}-minute, 10,000-user run (s)`,
  median: full.median.toFixed(2),
  spread: `${full.min.toFixed(2)} – ${full.max.toFixed(2)}`,
  note: `${fmt(fullEvents)} events`,
});

// Memory per 1,000 users: heap growth of a state with 10,000 users after 60 s simulated.
const gc = (globalThis as { gc?: () => void }).gc;
const memRuns: number[] = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const sc = resolveScenario(presetScenario('large-crowd')!);
  sc.durationS = 60;
  const sim = new Simulation(sc);
  sim.runToEnd();
  gc?.();
  const after = process.memoryUsage().heapUsed;
  memRuns.push((after - before) / 10 / 1024);
  if (sim.nowMs < 0) console.log('unreachable');
}
const mem = stats(memRuns);
rows.push({
  figure: 'memory per 1,000 users (KB)',
  median: fmt(mem.median),
  spread: `${fmt(mem.min)} – ${fmt(mem.max)}`,
  note: gc ? 'after GC' : 'no --expose-gc: includes garbage',
});

const widths = [38, 14, 26, 30];
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' ');
console.log(
  `Statecraft core benchmark · node ${process.version} · ${RUNS} runs · median and range`,
);
console.log(line(['figure', 'median', 'spread (min – max)', 'note']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line([r.figure, r.median, r.spread, r.note]));
