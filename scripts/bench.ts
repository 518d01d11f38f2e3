/**
 * `npm run bench`: measures, does not guess. Prints every figure of docs/performance.md as
 * one table (median of several runs, with the spread) and writes the raw samples to
 * bench-results/latest.json. Budgets are reported (✓/✗), not asserted: this machine is shared
 * and noisy, so only the deterministic bundle budget fails `npm test` (scripts/checkBundle.ts).
 *
 *   core       simulation core in Node (scripts/bench/core.ts)
 *   worker     worker → UI frame messages (scripts/bench/worker.ts)
 *   animation  request dots in headless Chromium (scripts/bench/animation.ts)
 *   page       initial JavaScript, first render, interactive, Lighthouse (scripts/bench/page.ts)
 *
 * Options: --quick (fewer, shorter runs), --runs N, --only core|worker|animation|page (may be
 * repeated or comma-separated). The browser parts build bench-results/dist-e2e when it is
 * older than src/, serve it with `vite preview` on port 4191 and stop the server at the end.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import type { Browser } from '@playwright/test';
import { runCore, type BenchOptions } from './bench/core.ts';
import { runWorker } from './bench/worker.ts';
import { runAnimation } from './bench/animation.ts';
import { runPage } from './bench/page.ts';
import { chromiumVersion, launchChromium, startPreview, type Server } from './bench/browser.ts';
import { printTable, writeJson, type Figure } from './bench/table.ts';

const PARTS = ['core', 'worker', 'animation', 'page'] as const;
type Part = (typeof PARTS)[number];

function parseArgs(argv: string[]): BenchOptions & { only: Set<Part> } {
  const quick = argv.includes('--quick');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 5) : quick ? 3 : 5;
  const only = new Set<Part>();
  argv.forEach((a, i) => {
    const value = a === '--only' ? argv[i + 1] : a.startsWith('--only=') ? a.slice(7) : null;
    for (const p of value?.split(',') ?? []) {
      if (!(PARTS as readonly string[]).includes(p)) {
        throw new Error(`--only takes ${PARTS.join('|')}, not "${p}"`);
      }
      only.add(p as Part);
    }
  });
  return { quick, runs, only: only.size > 0 ? only : new Set(PARTS) };
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const opts = parseArgs(process.argv.slice(2));
const browserRuns = opts.quick ? 2 : 3;
const started = new Date();
const loadBefore = loadavg();
const figures: Figure[] = [];
const log = (msg: string): void => console.error(`bench: ${msg}`);

if (opts.only.has('core')) {
  log('core …');
  figures.push(...runCore(opts));
}

const wantsBrowser = ['worker', 'animation', 'page'].some((p) => opts.only.has(p as Part));
let server: Server | null = null;
let browser: Browser | null = null;
let browserError: string | null = null;
try {
  if (wantsBrowser) {
    try {
      server = await startPreview();
      browser = await launchChromium();
    } catch (e) {
      browserError = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      log(`no browser: ${browserError}`);
    }
  }
  const browserOpts = { ...opts, runs: Math.min(opts.runs, browserRuns) };
  if (opts.only.has('worker')) {
    log('worker …');
    figures.push(...(await runWorker(opts, browser, browserError, browserOpts.runs)));
  }
  if (opts.only.has('animation')) {
    log('animation …');
    if (browser) figures.push(...(await runAnimation(browserOpts, browser)));
    else log(`animation skipped: ${browserError}`);
  }
  if (opts.only.has('page') && server) {
    log('page …');
    figures.push(...(await runPage(browserOpts, browser, browserError)));
  }
} finally {
  await browser?.close();
  await server?.stop();
}

const machine = {
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  free: sh('free', ['-h']),
  node: process.version,
  chromium: wantsBrowser ? chromiumVersion() : null,
  loadavgBefore: loadBefore.map((x) => +x.toFixed(2)),
  loadavgAfter: loadavg().map((x) => +x.toFixed(2)),
};
printTable(
  `Statecraft benchmark · ${started.toISOString()} · node ${machine.node}` +
    `${machine.chromium ? ` · ${machine.chromium}` : ''} · ${machine.cpus} cores · load ` +
    `${machine.loadavgBefore[0]} → ${machine.loadavgAfter[0]} · ${opts.quick ? 'quick · ' : ''}` +
    `median of ${opts.runs} (browser ${Math.min(opts.runs, browserRuns)}) runs, spread min – max`,
  figures,
);
writeJson('bench-results/latest.json', {
  date: started.toISOString(),
  commit: sh('git', ['rev-parse', '--short', 'HEAD']),
  options: { quick: opts.quick, runs: opts.runs, only: [...opts.only] },
  machine,
  figures,
});
console.error('bench: wrote bench-results/latest.json');
