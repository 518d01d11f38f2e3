/**
 * Memory soak: runs the playground for a long time while the UI fuzzer clicks around in it
 * (e2e/support/fuzz-actions.ts, without leaving the page), and samples the JavaScript heap
 * of the page and of the simulation worker after a forced garbage collection. A healthy app
 * levels off: the heap at the end is about what it was after warming up.
 *
 *   npm run soak -- [--minutes 30] [--interval 15] [--seed N] [--speed 1] [--no-build] [--json]
 *                   [--root dist-e2e]   (with --no-build: an e2e build elsewhere)
 *
 * Chromium is /usr/bin/chromium unless PLAYWRIGHT_CHROMIUM_PATH says otherwise (as in
 * playwright.config.ts). Exit code 1 if the heap kept growing, 2 on bad arguments.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { Rng, checkInvariants, randomAction, type FuzzState } from '../e2e/support/fuzz-actions.ts';

interface Options {
  minutes: number;
  intervalS: number;
  seed: number;
  speed: number;
  build: boolean;
  json: boolean;
  /** The built app to serve (an e2e build: the soak reads the test hook). */
  root: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    minutes: 30,
    intervalS: 15,
    seed: 1,
    speed: 1,
    build: true,
    json: false,
    root: 'dist-e2e',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n <= 0) {
        process.stderr.write(`${a} needs a positive number\n`);
        process.exit(2);
      }
      return n;
    };
    if (a === '--minutes') o.minutes = num();
    else if (a === '--interval') o.intervalS = num();
    else if (a === '--seed') o.seed = Math.floor(num());
    else if (a === '--speed') o.speed = Math.min(20, num());
    else if (a === '--no-build') o.build = false;
    else if (a === '--json') o.json = true;
    else if (a === '--root' && argv[i + 1]) o.root = argv[++i]!;
    else {
      process.stderr.write(
        `Unknown option ${a}. Usage: npm run soak -- [--minutes N] [--interval S] [--seed N] [--speed X] [--no-build] [--json] [--root DIR]\n`,
      );
      process.exit(2);
    }
  }
  return o;
}

const PORT = 4179;
const URL_BASE = `http://127.0.0.1:${PORT}/`;
const MB = 1024 * 1024;

interface Sample {
  atS: number;
  pageMb: number;
  workerMb: number | null;
  domNodes: number;
  listeners: number;
  simS: number;
  actions: number;
}

async function startServer(root: string): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ['e2e/support/static-server.mjs', '--base', '/', '--port', String(PORT), '--root', root],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL_BASE)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('The static server did not start.');
}

/**
 * The simulation worker's heap, through the DevTools protocol: the page's session attaches to
 * its dedicated worker, and messages to it travel wrapped in Target.sendMessageToTarget.
 */
class WorkerHeap {
  private sessionId: string | null = null;
  private nextId = 1;
  private waiting = new Map<number, (result: unknown) => void>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') this.sessionId = e.sessionId;
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId === this.sessionId) this.sessionId = null;
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result);
      if (msg.id !== undefined) this.waiting.delete(msg.id);
    });
  }

  async attach(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  private call(method: string, params: object = {}): Promise<unknown> {
    const sessionId = this.sessionId;
    if (!sessionId) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, 5000);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      void this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(() => resolve(null));
    });
  }

  async usedMb(): Promise<number | null> {
    await this.call('HeapProfiler.collectGarbage');
    const r = (await this.call('Runtime.getHeapUsage')) as { usedSize?: number } | null;
    return r?.usedSize !== undefined ? r.usedSize / MB : null;
  }
}

async function sample(
  page: Page,
  cdp: CDPSession,
  worker: WorkerHeap,
  startMs: number,
  st: FuzzState,
): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = new Map(metrics.map((x) => [x.name, x.value]));
  const simS = await page
    .evaluate(() => (window.__statecraftTest?.snapshot()?.tMs ?? 0) / 1000)
    .catch(() => 0);
  return {
    atS: Math.round((Date.now() - startMs) / 1000),
    pageMb: (m.get('JSHeapUsedSize') ?? 0) / MB,
    workerMb: await worker.usedMb(),
    domNodes: m.get('Nodes') ?? 0,
    listeners: m.get('JSEventListeners') ?? 0,
    simS,
    actions: st.actions,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/** Compares the median of the first and last thirds after warm-up (the first sample). */
function verdict(samples: Sample[], pick: (s: Sample) => number | null) {
  const values = samples
    .slice(1)
    .map(pick)
    .filter((x): x is number => x !== null);
  if (values.length < 3) return null;
  const third = Math.max(1, Math.floor(values.length / 3));
  const early = median(values.slice(0, third));
  const late = median(values.slice(-third));
  const growthMb = late - early;
  // Levels off: the late heap within 20 % (or 3 MB, for small heaps) of the early heap.
  const ok = growthMb <= Math.max(3, early * 0.2);
  return { earlyMb: early, lateMb: late, growthMb, maxMb: Math.max(...values), ok };
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (o.build) {
    const b = spawnSync('npm', ['run', 'build:e2e'], { stdio: 'inherit' });
    if (b.status !== 0) return 1;
  } else if (!existsSync(`${o.root}/index.html`)) {
    process.stderr.write(`${o.root}/ is missing: run without --no-build.\n`);
    return 2;
  }
  const server = await startServer(o.root);
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  const executablePath = fromEnv === undefined ? '/usr/bin/chromium' : fromEnv || undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    page.on('dialog', (d) => void d.dismiss());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const worker = new WorkerHeap(cdp);
    await worker.attach();
    await page.goto(`${URL_BASE}?preset=playground&speed=${o.speed}`);
    await page.waitForFunction(() => !!window.__statecraftTest?.snapshot());

    const st: FuzzState = {
      page,
      rng: new Rng(o.seed),
      url: '/',
      log: [],
      last: [],
      broken: [],
      actions: 0,
      navigate: false,
    };
    const startMs = Date.now();
    const endMs = startMs + o.minutes * 60_000;
    const samples: Sample[] = [];
    let nextSample = startMs;
    if (!o.json) {
      process.stdout.write(
        `Soak: ${o.minutes} min, a sample every ${o.intervalS} s, seed ${o.seed}\n` +
          '   t(s)  page heap (MB)  worker heap (MB)  DOM nodes  listeners  sim t (s)  actions\n',
      );
    }
    while (Date.now() < endMs) {
      if (Date.now() >= nextSample) {
        nextSample += o.intervalS * 1000;
        const s = await sample(page, cdp, worker, startMs, st);
        samples.push(s);
        if (!o.json) {
          process.stdout.write(
            `${String(s.atS).padStart(7)}  ${s.pageMb.toFixed(2).padStart(14)}  ${(s.workerMb?.toFixed(2) ?? '–').padStart(16)}  ${String(s.domNodes).padStart(9)}  ${String(s.listeners).padStart(9)}  ${s.simS.toFixed(0).padStart(9)}  ${String(s.actions).padStart(7)}\n`,
          );
        }
      }
      await randomAction(st);
      await checkInvariants(st);
      // Keep the simulation running most of the time (the fuzzer pauses it now and then),
      // and start again from 0 s when a run reaches its end.
      if (st.actions % 5 === 0) {
        await page
          .evaluate(async (speed) => {
            const hook = window.__statecraftTest;
            const snap = hook?.snapshot();
            if (!hook || !snap) return;
            if (snap.tMs >= snap.endMs - 1000) await hook.advance(0);
            if (snap.tMs >= snap.endMs - 1000) {
              document.querySelector<HTMLButtonElement>('.seed-row button[type="submit"]')?.click();
            }
            await hook.play(speed);
          }, o.speed)
          .catch(() => {});
      }
      if (errors.length > 0 || st.broken.length > 0) break;
    }
    samples.push(await sample(page, cdp, worker, startMs, st));
    const pageVerdict = verdict(samples, (s) => s.pageMb);
    const workerVerdict = verdict(samples, (s) => s.workerMb);
    const nodesVerdict = verdict(samples, (s) => s.domNodes / 1000);
    const ok =
      errors.length === 0 &&
      st.broken.length === 0 &&
      (pageVerdict?.ok ?? false) &&
      (workerVerdict?.ok ?? true);
    const result = {
      minutes: o.minutes,
      seed: o.seed,
      actions: st.actions,
      samples,
      page: pageVerdict,
      worker: workerVerdict,
      domKiloNodes: nodesVerdict,
      errors,
      brokenInvariants: st.broken,
      ok,
    };
    if (o.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const line = (name: string, v: ReturnType<typeof verdict>, unit = 'MB') =>
        v
          ? `${name}: early ${v.earlyMb.toFixed(2)} ${unit}, late ${v.lateMb.toFixed(2)} ${unit}, growth ${v.growthMb >= 0 ? '+' : ''}${v.growthMb.toFixed(2)} ${unit}, max ${v.maxMb.toFixed(2)} ${unit}: ${v.ok ? 'levels off' : 'KEEPS GROWING'}\n`
          : `${name}: not enough samples\n`;
      process.stdout.write(line('page heap', pageVerdict));
      process.stdout.write(line('worker heap', workerVerdict));
      process.stdout.write(line('DOM nodes', nodesVerdict, 'k'));
      for (const e of [...errors, ...st.broken]) process.stdout.write(`problem: ${e}\n`);
      if (st.broken.length || errors.length) {
        process.stdout.write(`last actions:\n  ${st.log.join('\n  ')}\n`);
      }
      process.stdout.write(`${st.actions} actions; ${ok ? 'OK' : 'FAILED'}\n`);
    }
    return ok ? 0 : 1;
  } finally {
    await browser.close();
    server.kill();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
