/**
 * Every process the lab starts goes through here, so one call stops them all: on a normal
 * exit, on Ctrl-C (SIGINT), on SIGTERM and on an uncaught error. Stopping sends SIGTERM,
 * waits a bounded time, then SIGKILLs whatever is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Managed {
  name: string;
  child: ChildProcess;
  /** Resolves when the process has exited (any reason). */
  exited: Promise<void>;
  output: string[];
}

const live = new Set<Managed>();
const cleanups = new Set<() => void>();

/** Runs `fn` (synchronously) when the lab is interrupted, after its processes stop. */
export function onInterrupt(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

function runCleanups(): void {
  for (const fn of cleanups) {
    try {
      fn();
    } catch {
      // best effort: keep cleaning
    }
  }
  cleanups.clear();
}
let handlersInstalled = false;

/** Pids of the processes the lab is running now (tests use it to check nothing is left). */
export function livePids(): number[] {
  return [...live].map((m) => m.child.pid ?? 0).filter((p) => p > 0);
}

export function start(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Managed {
  installHandlers();
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const m: Managed = {
    name,
    child,
    output,
    exited: new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', (err) => {
        output.push(String(err));
        resolve();
      });
    }),
  };
  live.add(m);
  void m.exited.then(() => live.delete(m));
  return m;
}

/** Waits until the process prints `pattern` (or fails if it exits or the time runs out). */
export async function waitForOutput(m: Managed, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void m.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (pattern.test(m.output.join(''))) return;
    if (gone) throw new Error(`${m.name} exited: ${m.output.join('').trim().slice(-500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${m.name} did not start within ${timeoutMs} ms`);
}

export function kill(m: Managed, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (m.child.exitCode === null && m.child.signalCode === null) m.child.kill(signal);
  return m.exited;
}

/** Stops every process still running: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 1500): Promise<void> {
  const all = [...live];
  for (const m of all) kill(m, 'SIGTERM');
  const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), graceMs));
  const done = await Promise.race([Promise.all(all.map((m) => m.exited)), timer]);
  if (done === 'late') for (const m of [...live]) m.child.kill('SIGKILL');
  await Promise.race([
    Promise.all(all.map((m) => m.exited)),
    new Promise((r) => setTimeout(r, 1000)),
  ]);
}

/** Synchronous last resort for `process.on('exit')`, where nothing can be awaited. */
function killAllNow(): void {
  for (const m of live) {
    try {
      m.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      process.stderr.write(`\nlab: ${sig}, stopping everything it started\n`);
      void stopAll().finally(() => {
        runCleanups();
        process.exit(130);
      });
    });
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`lab: error: ${err.stack ?? err}\nstopping everything it started\n`);
    void stopAll().finally(() => {
      runCleanups();
      process.exit(1);
    });
  });
}
