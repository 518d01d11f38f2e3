/**
 * One lab run: the scenario on the real stack, timeline and all, then the same scenario and
 * seed in the simulation, and the two outcomes side by side.
 */
import { activeSessionCount, outcome, type Outcome } from '../../src/sim/outcome.ts';
import type { ResolvedScenario } from '../../src/sim/scenario.ts';
import { Simulation } from '../../src/sim/simulation.ts';
import { BACKEND, labLimitations } from '../../src/realStack/index.ts';
import type { Binaries } from './binaries.ts';
import { compareOutcomes, type Verdict } from './compare.ts';
import { serverStats, type ServerStat } from './haproxyApi.ts';
import { LoadGenerator } from './loadgen.ts';
import { onInterrupt, stopAll } from './processes.ts';
import { realOutcome, type SetChange } from './realOutcome.ts';
import { Stack } from './stack.ts';

export interface LabResult {
  scenario: string;
  seed: number;
  timeScale: number;
  wallS: number;
  versions: Binaries['versions'];
  real: Outcome;
  sim: Outcome;
  verdicts: Verdict[];
  /** Users with a working session just before the first store crash (null: none). */
  activeAtStoreCrash: { sim: number | null; real: number | null };
  /** Session lookups the servers reported making, by kind (memory, redis, none). */
  sessionLookups: Record<string, number>;
  /** The files the lab ran, by name. */
  files: Record<string, string>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export function simOutcome(s: ResolvedScenario): Outcome {
  return simRun(s).outcome;
}

/** The simulation's outcome, and its active sessions just before the first store crash. */
export function simRun(s: ResolvedScenario): {
  outcome: Outcome;
  activeAtStoreCrash: number | null;
} {
  const sim = new Simulation(s);
  const crash = s.timeline.find((e) => e.action === 'kill-store');
  let activeAtStoreCrash: number | null = null;
  if (crash) {
    sim.runUntil(crash.atS * 1000 - 1);
    activeAtStoreCrash = activeSessionCount(sim.state);
  }
  sim.runToEnd();
  return { outcome: outcome(sim.state), activeAtStoreCrash };
}

/** Polls HAProxy until `test` holds for the server's status (bounded), returns when. */
async function waitForStatus(
  stack: Stack,
  id: number,
  test: (status: string) => boolean,
  clock: () => number,
  limitMs: number,
): Promise<number> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    try {
      const st = await serverStats(stack.ports.statsSocket, BACKEND);
      const mine = st.find((x) => x.name === `s${id}`);
      if (mine && test(mine.status)) return clock();
    } catch {
      // HAProxy busy: try again
    }
    await sleep(20);
  }
  return clock();
}

export async function runLab(
  s: ResolvedScenario,
  bin: Binaries,
  timeScale: number,
  log: (line: string) => void,
): Promise<LabResult> {
  const limits = labLimitations(s);
  if (limits.length) throw new Error(`the lab cannot run this scenario:\n  ${limits.join('\n  ')}`);
  const k = timeScale;
  const stack = await Stack.create(s, bin, k);
  const forget = onInterrupt(() => stack.removeDir());
  const wallStart = Date.now();
  try {
    log(
      `lab: ${s.name}, seed ${s.seed}, ${s.durationS} s at time scale ${k} (${(s.durationS / k).toFixed(1)} s)`,
    );
    log(`lab: ${bin.versions.haproxy} · ${bin.versions.redis} · ${bin.versions.node}`);
    log(`lab: files in ${stack.dir}`);
    await stack.startAll();
    const everStarted = new Set<number>(Array.from({ length: s.servers.count }, (_, i) => i + 1));
    const t0 = performance.now();
    const clock = (): number => (performance.now() - t0) * k;
    const endWallMs = Date.now() + (s.durationS * 1000) / k;
    const load = new LoadGenerator({
      scenario: s,
      port: stack.ports.frontend,
      timeScale: k,
      clock,
      endWallMs,
    });
    load.setUsers(s.users.count);
    const interMs = (s.loadBalancer.healthCheckS * 1000) / k;
    const changes: SetChange[] = [];
    const pending: Promise<void>[] = [];
    let inPool = s.servers.count;
    let realActiveAtStoreCrash: number | null = null;
    let nextSlot = s.servers.count + 1;
    let statsTimer = true;
    const statsLoop = (async () => {
      while (statsTimer && Date.now() < endWallMs + 1000) {
        await stack.pollAppStats();
        await sleep(500);
      }
    })();
    for (const e of s.timeline) {
      if (e.atS >= s.durationS) break;
      await sleep(t0 + (e.atS * 1000) / k - performance.now());
      const atMs = clock();
      log(
        `lab: t=${(atMs / 1000).toFixed(1)} s ${e.action}${'server' in e && e.server ? ' ' + e.server : ''}`,
      );
      const track = (
        id: number,
        test: (st: string) => boolean,
        from: number,
        to: number,
        at = atMs,
      ): void => {
        pending.push(
          waitForStatus(stack, id, test, clock, 20 * interMs + 5000).then((seenMs) => {
            changes.push({ atMs: at, seenMs, from, to, killed: id });
          }),
        );
      };
      /**
       * A server booting (restarted or added): after the scenario's boot time it starts, and
       * joins the pool once HAProxy's health check marks it UP.
       */
      const startThenWaitUp = (id: number, start: () => Promise<void>): void => {
        pending.push(
          (async () => {
            await sleep((s.servers.bootS * 1000) / k);
            await start();
            const up = await waitForStatus(
              stack,
              id,
              (st) => st.startsWith('UP'),
              clock,
              20 * interMs + 5000,
            );
            changes.push({ atMs: up, seenMs: up, from: inPool, to: inPool + 1 });
            inPool++;
          })(),
        );
      };
      switch (e.action) {
        case 'kill-server':
          if (stack.serverRunning(e.server)) {
            await stack.pollAppStats();
            await stack.killServer(e.server);
            track(e.server, (st) => st.startsWith('DOWN'), inPool, inPool - 1);
            inPool--;
          }
          break;
        case 'restart-server':
          if (!stack.serverRunning(e.server) && e.server <= stack.slots) {
            const id = e.server;
            startThenWaitUp(id, () => stack.restartServer(id));
          }
          break;
        case 'add-server':
          for (let i = 0; i < e.count && nextSlot <= stack.slots; i++) {
            const id = nextSlot++;
            everStarted.add(id);
            startThenWaitUp(id, () => stack.addServer(id));
          }
          break;
        case 'remove-server': {
          let id = e.server ?? 0;
          if (!id) for (let i = stack.slots; i >= 1 && !id; i--) if (stack.serverRunning(i)) id = i;
          if (id && stack.serverRunning(id)) {
            await stack.drainServer(id);
            changes.push({ atMs, seenMs: atMs, from: inPool, to: inPool - 1 });
            inPool--;
            pending.push(
              (async () => {
                await sleep((s.servers.drainTimeoutS * 1000) / k);
                await stack.pollAppStats();
                await stack.stopServer(id);
              })(),
            );
          }
          break;
        }
        case 'kill-store':
          realActiveAtStoreCrash ??= load.loggedInCount();
          await stack.killStore();
          break;
        case 'restart-store':
          await stack.restartStore();
          break;
        case 'set-users':
          load.setUsers(e.count);
          break;
        default:
          break;
      }
    }
    await sleep(endWallMs - Date.now());
    const observed = await load.finish();
    statsTimer = false;
    await statsLoop;
    await stack.pollAppStats();
    await Promise.race([Promise.all(pending), sleep(2000)]);
    let stats: ServerStat[] = [];
    try {
      stats = await serverStats(stack.ports.statsSocket, BACKEND);
    } catch {
      stats = [];
    }
    const real = realOutcome({
      scenario: s,
      observed,
      simulatedS: s.durationS,
      stats,
      appStats: stack.appStats,
      changes: changes.sort((a, b) => a.atMs - b.atMs),
      everStarted,
    });
    const simulated = simRun(s);
    const sim = simulated.outcome;
    const active = { sim: simulated.activeAtStoreCrash, real: realActiveAtStoreCrash };
    return {
      scenario: s.name,
      seed: s.seed,
      timeScale: k,
      wallS: Math.round((Date.now() - wallStart) / 100) / 10,
      versions: bin.versions,
      real,
      sim,
      verdicts: compareOutcomes(s, sim, real, k, active),
      activeAtStoreCrash: active,
      sessionLookups: observed.lookups,
      files: Object.fromEntries(stack.files.map((f) => [f.name, f.text])),
    };
  } finally {
    await stopAll();
    forget();
    stack.removeDir();
  }
}
