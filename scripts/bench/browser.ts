/**
 * What the browser benchmarks share: a fresh e2e build, a `vite preview` server the bench
 * starts and stops itself, Debian's Chromium through Playwright, the scenarios that put N
 * requests in flight, and one measurement window (frames, main-thread time, frame messages).
 *
 * The build goes to bench-results/dist-e2e (not dist-e2e/): other people run the e2e suite on
 * this machine, and a rebuild of a shared directory under a running server breaks both runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import type { Scenario } from '../../src/sim/index.ts';
import type { TestHook } from '../../src/ui/testHookTypes.ts';
import { quantile } from './table.ts';

export const PORT = Number(process.env.BENCH_PORT) || 4191;
export const BASE_URL = `http://127.0.0.1:${PORT}/`;
export const E2E_OUT = 'bench-results/dist-e2e';
export const PROD_OUT = 'bench-results/dist';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
/** Debian's Chromium unless PLAYWRIGHT_CHROMIUM_PATH says otherwise ('' = Playwright's own). */
export const CHROMIUM_PATH: string | undefined =
  fromEnv === undefined ? '/usr/bin/chromium' : fromEnv || undefined;

const VITE = 'node_modules/vite/bin/vite.js';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds into `outDir` (mode e2e or production) unless it is newer than every source. */
export function ensureBuild(outDir: string, mode: 'e2e' | 'production'): void {
  const sources = Math.max(
    ...['src', 'public', 'index.html', 'vite.config.ts', '.env.e2e', 'package-lock.json'].map(
      newestMtime,
    ),
  );
  const built = newestMtime(join(outDir, 'index.html'));
  if (built > sources) return;
  console.error(`bench: building ${outDir} (${mode}) …`);
  const r = spawnSync(process.execPath, [VITE, 'build', '--mode', mode, '--outDir', outDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`vite build --mode ${mode} failed`);
}

export interface Server {
  stop(): Promise<void>;
}

/**
 * Starts `vite preview` of the e2e build on PORT and waits until it answers. BENCH_DIST names
 * another e2e build to serve as it is (e.g. one made from an older commit, for a before/after).
 */
export async function startPreview(): Promise<Server> {
  const dist = process.env.BENCH_DIST || E2E_OUT;
  if (!process.env.BENCH_DIST) ensureBuild(E2E_OUT, 'e2e');
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', dist, '--port', String(PORT), '--strictPort'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${stderr.trim()}`);
    try {
      const r = await fetch(BASE_URL);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on ${BASE_URL}: ${stderr.trim()}`);
    }
    await sleep(100);
  }
  return {
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

let browserPid: number | undefined;

/**
 * Launches Chromium as a server and connects to it, so the bench knows the browser's process
 * id and can read the CPU time of all its processes (chromiumCpuMs).
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const server = await chromium.launchServer({
    ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}),
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  browserPid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint());
  browser.on('disconnected', () => void server.close());
  const close = browser.close.bind(browser);
  browser.close = async (...args) => {
    await close(...args);
    await server.close();
  };
  return browser;
}

const TICKS_PER_S = 100; // USER_HZ on Linux

/**
 * CPU time (user + system, ms) used so far by the browser and every process under it: the
 * renderer with the simulation worker, the GPU process that composites in software, and so
 * on. Unlike wall-clock task times, this barely moves when other jobs share the cores. NaN
 * where /proc cannot be read.
 */
export function chromiumCpuMs(): { total: number; byType: Record<string, number> } {
  const byType: Record<string, number> = {};
  if (browserPid === undefined || !existsSync('/proc/self/stat')) return { total: NaN, byType };
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields after the name: state(0) ppid(1) … utime(11) stime(12).
      procs.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === browserPid) return true;
      p = procs.get(p)?.ppid ?? 0;
    }
    return false;
  };
  let total = 0;
  for (const [pid, p] of procs) {
    if (!inTree(pid)) continue;
    let type = 'browser';
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    } catch {
      // ended
    }
    const ms = (p.ticks / TICKS_PER_S) * 1000;
    byType[type] = (byType[type] ?? 0) + ms;
    total += ms;
  }
  return { total, byType };
}

export function chromiumVersion(): string {
  const r = spawnSync(CHROMIUM_PATH ?? 'chromium', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Scenarios with N requests in flight.

/** Simulated ms per wall ms while measuring: each 1-second client hop crosses in 1 s. */
export const PLAY_SPEED = 1;
const CLIENT_LATENCY_MS = 1000;
const THINK_S = 2;

/**
 * A scenario with about `n` requests in flight at steady state. Little's law: in flight =
 * request rate × time on the wire. Each user waits THINK_S, then its request spends
 * 2 × CLIENT_LATENCY_MS on the client links (+ ~10 ms at the balancer and a server), so the
 * rate is users / (THINK_S + ~2.01 s) and in flight ≈ users × 2.01 / 4.01 ≈ users / 2.
 * Three servers with 16 workers at 10 ms serve 4,800 requests/s: about half busy at n = 5,000.
 */
export function inFlightScenario(n: number): Scenario {
  return {
    version: 1,
    name: `bench-${n}-in-flight`,
    seed: 7,
    durationS: 3600,
    architecture: 'in-memory',
    loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
    servers: { count: 3, workers: 16, serviceTimeMs: 10, queueLimit: 1000 },
    users: { count: 2 * n, thinkTimeS: THINK_S },
    network: { clientLatencyMs: CLIENT_LATENCY_MS },
  };
}

/** Simulated time to skip before measuring: the users' first requests have settled by then. */
export const WARM_SIM_MS = 12_000;

// ---------------------------------------------------------------------------------------------
// Page instrumentation.

interface MsgStats {
  on: boolean;
  /** Handler time: reading the message, the store update and every frame listener. */
  handler: number[];
  /** Handler plus the microtasks it queued (React's synchronous store re-renders). */
  withMicrotasks: number[];
  hops: number[];
  snapshot: number[];
}
type BenchWindow = Window & { __statecraftTest?: TestHook; __benchMsg?: MsgStats };

/**
 * Times every message the page receives from the simulation worker on the real path: wraps
 * the handler that src/client/workerClient.ts assigns to `worker.onmessage`, so nothing is
 * added to the app. Installed before the page's own scripts run.
 */
export function instrumentWorkerMessages(): void {
  const w = window as BenchWindow;
  const stats: MsgStats = { on: false, handler: [], withMicrotasks: [], hops: [], snapshot: [] };
  w.__benchMsg = stats;
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  if (!desc?.set || !desc.get) return;
  const { get, set } = desc;
  Object.defineProperty(Worker.prototype, 'onmessage', {
    configurable: true,
    enumerable: desc.enumerable ?? true,
    get() {
      return get.call(this);
    },
    set(fn: ((e: MessageEvent) => unknown) | null) {
      if (typeof fn !== 'function') return set.call(this, fn);
      set.call(this, function (this: Worker, e: MessageEvent) {
        const t0 = performance.now();
        const result = fn.call(this, e);
        const t1 = performance.now();
        if (stats.on) {
          const d = e.data as { type?: string; hops?: Float64Array; snapshot?: unknown };
          if (d?.type === 'frame') {
            stats.handler.push(t1 - t0);
            stats.hops.push((d.hops?.length ?? 0) / 7);
            stats.snapshot.push(d.snapshot ? 1 : 0);
            const i = stats.withMicrotasks.push(NaN) - 1;
            queueMicrotask(() => (stats.withMicrotasks[i] = performance.now() - t0));
          }
        }
        return result;
      });
    },
  });
}

/**
 * tsx compiles with esbuild's keepNames, so functions sent to the page call `__name(…)`;
 * define it there (a no-op) before anything runs.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (f) => f;';

/** Opens the app on a fresh page, instrumented, and waits for the first snapshot. */
export async function openApp(browser: Browser): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  await context.addInitScript(instrumentWorkerMessages);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE_URL}?preset=playground`);
  try {
    await page.waitForFunction(() => !!(window as BenchWindow).__statecraftTest, null, {
      timeout: 20_000,
    });
  } catch {
    throw new Error('the page has no test hook: serve an e2e build (vite build --mode e2e)');
  }
  await page.waitForFunction(() => !!(window as BenchWindow).__statecraftTest?.snapshot(), null, {
    timeout: 30_000,
  });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return { page, cdp };
}

/** Loads `inFlightScenario(n)`, skips to steady state and plays at PLAY_SPEED. */
export async function playInFlight(page: Page, n: number): Promise<void> {
  await page.evaluate(
    async ([scenario, warm, speed]) => {
      const hook = (window as BenchWindow).__statecraftTest!;
      await hook.load(scenario);
      await hook.advance(warm);
      await hook.play(speed);
    },
    [inFlightScenario(n), WARM_SIM_MS, PLAY_SPEED] as const,
  );
}

export async function pause(page: Page): Promise<void> {
  await page.evaluate(() => (window as BenchWindow).__statecraftTest!.pause());
}

export interface Window_ {
  /** Wall time of the window, ms. */
  wallMs: number;
  frames: number;
  fps: number;
  intervalP50: number;
  intervalP95: number;
  intervalMax: number;
  /** Frames that took longer than 1.5 vsync intervals (25 ms). */
  slowFrames: number;
  /** Main-thread time per frame (CDP TaskDuration delta / frames), ms. */
  taskMsPerFrame: number;
  scriptMsPerFrame: number;
  /** Share of wall time the main thread was busy. */
  mainBusy: number;
  /** CPU time per frame: the page's main thread (CDP ThreadTime), its whole renderer process
   * with the simulation worker (ProcessTime), and every Chromium process (/proc), ms. */
  mainCpuMsPerFrame: number;
  rendererCpuMsPerFrame: number;
  chromiumCpuMsPerFrame: number;
  /** The same by Chromium process type (browser, renderer, gpu-process, utility, zygote). */
  cpuMsPerFrameByProcess: Record<string, number>;
  /** Median of the in-flight samples (hops travelling at the view's time). */
  inFlight: number;
  msg: {
    count: number;
    hopsP50: number;
    handlerMean: number;
    handlerP50: number;
    handlerP95: number;
    handlerMax: number;
    totalP50: number;
    totalP95: number;
    totalMax: number;
    withSnapshotP50: number;
  };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const sorted = (xs: number[]): number[] => xs.filter(Number.isFinite).sort((a, b) => a - b);

/** Measures `ms` of wall time on the page as it is (playing or paused). */
export async function measureWindow(page: Page, cdp: CDPSession, ms: number): Promise<Window_> {
  await page.evaluate(() => {
    const s = (window as BenchWindow).__benchMsg!;
    s.handler = [];
    s.withMicrotasks = [];
    s.hops = [];
    s.snapshot = [];
    s.on = true;
  });
  const c0 = chromiumCpuMs();
  const m0 = await metrics(cdp);
  const r = await page.evaluate(
    (windowMs) =>
      new Promise<{ stamps: number[]; inFlight: number[]; wallMs: number }>((resolve) => {
        const hook = (window as BenchWindow).__statecraftTest!;
        const stamps: number[] = [];
        const inFlight: number[] = [];
        const start = performance.now();
        let lastSample = -Infinity;
        const tick = (t: number): void => {
          stamps.push(t);
          if (t - lastSample >= 250) {
            lastSample = t;
            inFlight.push(hook.visibleHops());
          }
          if (t - start < windowMs) requestAnimationFrame(tick);
          else resolve({ stamps, inFlight, wallMs: performance.now() - start });
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
  const m1 = await metrics(cdp);
  const c1 = chromiumCpuMs();
  const msg = await page.evaluate(() => {
    const s = (window as BenchWindow).__benchMsg!;
    s.on = false;
    return { ...s };
  });
  const intervals = sorted(r.stamps.slice(1).map((t, i) => t - r.stamps[i]!));
  const frames = intervals.length;
  const spanMs = r.stamps[r.stamps.length - 1]! - r.stamps[0]!;
  const task = (m1.TaskDuration! - m0.TaskDuration!) * 1000;
  const script = (m1.ScriptDuration! - m0.ScriptDuration!) * 1000;
  const handler = sorted(msg.handler);
  const total = sorted(msg.withMicrotasks);
  const withSnap = sorted(msg.withMicrotasks.filter((_, i) => msg.snapshot[i] === 1));
  const cdpWallMs = (m1.Timestamp! - m0.Timestamp!) * 1000;
  const framesInCdpWindow = Math.max(1, (frames * cdpWallMs) / spanMs);
  return {
    wallMs: r.wallMs,
    frames,
    fps: (frames / spanMs) * 1000,
    intervalP50: quantile(intervals, 0.5),
    intervalP95: quantile(intervals, 0.95),
    intervalMax: intervals[intervals.length - 1] ?? NaN,
    slowFrames: intervals.filter((x) => x > 25).length,
    taskMsPerFrame: task / framesInCdpWindow,
    scriptMsPerFrame: script / framesInCdpWindow,
    mainBusy: task / cdpWallMs,
    mainCpuMsPerFrame: ((m1.ThreadTime! - m0.ThreadTime!) * 1000) / framesInCdpWindow,
    rendererCpuMsPerFrame: ((m1.ProcessTime! - m0.ProcessTime!) * 1000) / framesInCdpWindow,
    chromiumCpuMsPerFrame: (c1.total - c0.total) / framesInCdpWindow,
    cpuMsPerFrameByProcess: Object.fromEntries(
      Object.entries(c1.byType).map(([k, v]) => [k, (v - (c0.byType[k] ?? 0)) / framesInCdpWindow]),
    ),
    inFlight: quantile(sorted(r.inFlight), 0.5),
    msg: {
      count: handler.length,
      hopsP50: quantile(sorted(msg.hops), 0.5),
      handlerMean: handler.reduce((a, b) => a + b, 0) / Math.max(1, handler.length),
      handlerP50: quantile(handler, 0.5),
      handlerP95: quantile(handler, 0.95),
      handlerMax: handler[handler.length - 1] ?? NaN,
      totalP50: quantile(total, 0.5),
      totalP95: quantile(total, 0.95),
      totalMax: total[total.length - 1] ?? NaN,
      withSnapshotP50: quantile(withSnap, 0.5),
    },
  };
}
