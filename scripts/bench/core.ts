/**
 * The simulation core in Node:
 *   - events per second on a busy scenario, next to a bare push/pop loop on the same heap in
 *     the same run (the ratio is the figure; aim ≥ 1/3);
 *   - wall time of the 10-minute, 10,000-user scenario (preset large-crowd);
 *   - memory per 1,000 users (heap growth after building the state and running 60 s).
 */
import { execFileSync } from 'node:child_process';
import { createQueue, pop, push, type Popped } from '../../src/sim/heap.ts';
import { createStream, nextFloat } from '../../src/sim/random.ts';
import { Simulation } from '../../src/sim/simulation.ts';
import { presetScenario } from '../../src/sim/presets.ts';
import { resolveScenario } from '../../src/sim/scenario.ts';
import { figure, fmt, stats, type Figure } from './table.ts';

export interface BenchOptions {
  quick: boolean;
  runs: number;
}

/** A bare loop on the same heap: keep `live` events queued, pop one, push one. */
function bareHeapRate(ops: number, live: number): { perS: number; perCpuS: number } {
  const q = createQueue();
  const rng = createStream(1, 'bench');
  for (let i = 0; i < live; i++) push(q, nextFloat(rng) * 1000, 1, i);
  const out: Popped = { timeMs: 0, kind: 0, arg: 0 };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    pop(q, out);
    push(q, out.timeMs + nextFloat(rng) * 100, 1, out.arg);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    perS: ops / ((performance.now() - t0) / 1000),
    perCpuS: ops / ((cpu.user + cpu.system) / 1e6),
  };
}

function coreRun(durationS: number): {
  eventsPerS: number;
  events: number;
  wallMs: number;
  /** CPU time of this process during the run: barely moves when other jobs share the cores. */
  cpuMs: number;
  live: number;
} {
  const sc = resolveScenario(presetScenario('large-crowd')!);
  sc.durationS = durationS;
  const sim = new Simulation(sc);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  sim.runToEnd();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const events = sim.state.counters.eventsProcessed;
  return {
    eventsPerS: events / (wallMs / 1000),
    events,
    wallMs,
    cpuMs,
    live: sim.state.queue.size,
  };
}

export function runCore({ quick, runs }: BenchOptions): Figure[] {
  // Warm up the JIT on both loops before measuring.
  coreRun(5);
  bareHeapRate(200_000, 10_000);

  const coreRates: number[] = [];
  const coreCpuRates: number[] = [];
  const bareRates: number[] = [];
  const ratios: number[] = [];
  let liveEvents = 10_000;
  for (let i = 0; i < runs; i++) {
    const r = coreRun(quick ? 20 : 60);
    liveEvents = r.live;
    const bare = bareHeapRate(2_000_000, liveEvents);
    coreRates.push(r.eventsPerS);
    coreCpuRates.push(r.events / (r.cpuMs / 1000));
    bareRates.push(bare.perS);
    ratios.push(r.events / (r.cpuMs / 1000) / bare.perCpuS);
  }

  const fullRuns: number[] = [];
  const fullCpu: number[] = [];
  let fullEvents = 0;
  for (let i = 0; i < (quick ? 1 : Math.min(runs, 3)); i++) {
    const r = coreRun(quick ? 120 : 600);
    fullRuns.push(r.wallMs / 1000);
    fullCpu.push(r.cpuMs / 1000);
    fullEvents = r.events;
  }

  // Memory per 1,000 users, each sample in a fresh process (see coreMemory.ts).
  const memRuns: number[] = [];
  const extRuns: number[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'scripts/bench/coreMemory.ts'],
      { encoding: 'utf8' },
    );
    const m = JSON.parse(out.trim().split('\n').pop()!) as { heapKb: number; externalKb: number };
    memRuns.push(m.heapKb + m.externalKb);
    extRuns.push(m.externalKb);
  }

  return [
    figure('core', 'core events/s (large-crowd)', coreRates, {
      unit: 'events/s',
      note: `10,000 users, 40 servers; ${fmt(stats(coreCpuRates).median)} per CPU-second`,
    }),
    figure('core', `bare heap push+pop/s (${fmt(liveEvents)} queued)`, bareRates, {
      unit: 'ops/s',
      note: 'same heap, same run',
    }),
    figure('core', 'core / bare heap', ratios, {
      unit: 'ratio',
      digits: 2,
      budget: { min: 1 / 3, text: '≥ 0.33' },
      note: `per CPU-second, pairwise (robust to other load); wall-clock medians give ${(stats(coreRates).median / stats(bareRates).median).toFixed(2)}`,
    }),
    figure('core', `${quick ? '2' : '10'}-minute, 10,000-user run (s)`, fullRuns, {
      unit: 's',
      digits: 2,
      note: `${fmt(fullEvents)} events; CPU ${fmt(stats(fullCpu).median, 2)} s (DESIGN: "in seconds")`,
    }),
    figure('core', 'memory per 1,000 users (KB)', memRuns, {
      unit: 'KB',
      note: `growth after GC, fresh process, 60 s simulated; of which typed arrays ${fmt(stats(extRuns).median)} KB`,
    }),
  ];
}
