/**
 * The page:
 *   - initial JavaScript gzipped, from a production build (the same count as
 *     scripts/checkBundle.ts: the entry script plus its modulepreload chunks; budget 200 KB);
 *   - time to first render (first contentful paint) and to interactive (the first simulation
 *     snapshot is in and the page has painted it) from the preview server, cold cache;
 *   - Lighthouse Performance and Accessibility (desktop preset; mobile preset for reference)
 *     against Debian's Chromium.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import type { TestHook } from '../../src/ui/testHookTypes.ts';
import {
  BASE_URL,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  KEEP_NAMES_SHIM,
  PROD_OUT,
  ensureBuild,
  sleep,
} from './browser.ts';
import { figure, fmt, quantile, unmeasured, type Figure } from './table.ts';
import type { BenchOptions } from './core.ts';

const BUDGET_KB = 200;

export function initialJs(dist: string): { initialKb: number; files: Record<string, number> } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [
      ...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g),
    ].map((m) => m[1]!),
  );
  const files: Record<string, number> = {};
  let total = 0;
  for (const name of readdirSync(join(dist, 'assets'))) {
    if (!name.endsWith('.js')) continue;
    const kb = gzipSync(readFileSync(join(dist, 'assets', name))).length / 1024;
    files[`${initial.has(`assets/${name}`) ? 'initial' : 'lazy'}: ${name}`] = kb;
    if (initial.has(`assets/${name}`)) total += kb;
  }
  return { initialKb: total, files };
}

interface Load {
  fcp: number;
  interactive: number;
  domContentLoaded: number;
}

async function coldLoad(browser: Browser): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  try {
    const page = await context.newPage();
    await page.goto(BASE_URL, { waitUntil: 'commit' });
    // Interactive: the first snapshot has arrived and the frame after it has been painted.
    const interactive = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const hook = (): TestHook | undefined =>
            (window as { __statecraftTest?: TestHook }).__statecraftTest;
          const poll = (): void => {
            if (hook()?.snapshot()) requestAnimationFrame(() => resolve(performance.now()));
            else requestAnimationFrame(poll);
          };
          poll();
        }),
    );
    const timing = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return { fcp, dcl: nav?.domContentLoadedEventEnd ?? NaN };
    });
    return { fcp: timing.fcp, interactive, domContentLoaded: timing.dcl };
  } finally {
    await context.close();
  }
}

interface LighthouseResult {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  ttiMs: number;
  tbtMs: number;
  cls: number;
}

type LighthouseFn = (
  url: string,
  flags: Record<string, unknown>,
  config?: unknown,
) => Promise<
  | {
      lhr: {
        categories: Record<string, { score: number | null }>;
        audits: Record<string, { numericValue?: number }>;
        runtimeError?: { message: string };
      };
    }
  | undefined
>;

/** Starts Chromium with a DevTools port (Lighthouse drives it over CDP), runs, stops it. */
async function lighthouseRun(preset: 'desktop' | 'mobile'): Promise<LighthouseResult> {
  const { default: lighthouse } = (await import('lighthouse')) as unknown as {
    default: LighthouseFn;
  };
  const config =
    preset === 'desktop'
      ? ((await import('lighthouse/core/config/desktop-config.js')) as { default: unknown }).default
      : undefined;
  const profile = mkdtempSync(join(tmpdir(), 'statecraft-lh-'));
  const port = 9400 + Math.floor(Math.random() * 500);
  const chrome = spawn(
    CHROMIUM_PATH ?? 'chromium',
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((r) => chrome.once('exit', () => r()));
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('Chromium did not open its DevTools port');
      await sleep(100);
    }
    const r = await lighthouse(
      BASE_URL,
      {
        port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: ['performance', 'accessibility'],
      },
      config,
    );
    if (!r) throw new Error('Lighthouse returned no result');
    const { lhr } = r;
    if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
    const a = (id: string): number => lhr.audits[id]?.numericValue ?? NaN;
    return {
      performance: (lhr.categories.performance?.score ?? NaN) * 100,
      accessibility: (lhr.categories.accessibility?.score ?? NaN) * 100,
      fcpMs: a('first-contentful-paint'),
      lcpMs: a('largest-contentful-paint'),
      ttiMs: a('interactive'),
      tbtMs: a('total-blocking-time'),
      cls: a('cumulative-layout-shift'),
    };
  } finally {
    chrome.kill('SIGTERM');
    await exited;
    rmSync(profile, { recursive: true, force: true });
  }
}

const med = (xs: number[]): number =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

export async function runPage(
  opts: BenchOptions,
  browser: Browser | null,
  browserError: string | null,
): Promise<Figure[]> {
  const figs: Figure[] = [];
  ensureBuild(PROD_OUT, 'production');
  const js = initialJs(PROD_OUT);
  const lazy = Object.entries(js.files)
    .filter(([k]) => k.startsWith('lazy') && !k.includes('worker'))
    .map(([k, v]) => `${k.replace(/^lazy: /, '').replace(/-[\w-]{8}\.js$/, '')} ${fmt(v, 1)}`);
  figs.push(
    figure('page', 'initial JavaScript (KB gzipped)', [js.initialKb], {
      unit: 'KB',
      digits: 1,
      budget: { max: BUDGET_KB, text: `≤ ${BUDGET_KB} KB` },
      note: `lazy: ${lazy.join(', ') || 'none'} KB`,
      detail: { files: js.files },
    }),
  );

  if (!browser) {
    figs.push(unmeasured('page', 'first render / interactive', `not measured: ${browserError}`));
  } else {
    const loads: Load[] = [];
    await coldLoad(browser); // warm the server's file cache, not the page's
    for (let i = 0; i < Math.max(3, opts.runs); i++) loads.push(await coldLoad(browser));
    figs.push(
      figure(
        'page',
        'first render: first contentful paint (ms)',
        loads.map((l) => l.fcp),
        {
          unit: 'ms',
          note: `cold cache, vite preview; DOMContentLoaded ${fmt(med(loads.map((l) => l.domContentLoaded)))} ms`,
        },
      ),
      figure(
        'page',
        'interactive: first snapshot painted (ms)',
        loads.map((l) => l.interactive),
        { unit: 'ms', note: 'worker started, scenario loaded, its first frame drawn' },
      ),
    );
  }

  let lh: LighthouseResult[] = [];
  let lhError: string | null = null;
  try {
    for (let i = 0; i < (opts.quick ? 1 : 3); i++) lh.push(await lighthouseRun('desktop'));
  } catch (e) {
    lhError = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    lh = [];
  }
  if (lh.length === 0) {
    figs.push(unmeasured('page', 'Lighthouse', `could not run: ${lhError}`));
    return figs;
  }
  figs.push(
    figure(
      'page',
      'Lighthouse Performance (desktop)',
      lh.map((r) => r.performance),
      {
        unit: 'score',
        budget: { min: 95, text: '≥ 95' },
        note: `FCP ${fmt(med(lh.map((r) => r.fcpMs)))} ms, LCP ${fmt(med(lh.map((r) => r.lcpMs)))} ms, TTI ${fmt(med(lh.map((r) => r.ttiMs)))} ms, TBT ${fmt(med(lh.map((r) => r.tbtMs)))} ms, CLS ${fmt(med(lh.map((r) => r.cls)), 3)} (simulated throttling)`,
        detail: { runs: lh },
      },
    ),
    figure(
      'page',
      'Lighthouse Accessibility',
      lh.map((r) => r.accessibility),
      { unit: 'score', budget: { min: 100, text: '100' } },
    ),
  );
  try {
    const m = await lighthouseRun('mobile');
    figs.push(
      figure('page', 'Lighthouse Performance (mobile preset)', [m.performance], {
        unit: 'score',
        note: `for reference: slow 4G + 4× CPU simulated; FCP ${fmt(m.fcpMs)} ms, TTI ${fmt(m.ttiMs)} ms, TBT ${fmt(m.tbtMs)} ms`,
        detail: { run: m },
      }),
    );
  } catch (e) {
    figs.push(unmeasured('page', 'Lighthouse (mobile preset)', String(e)));
  }
  return figs;
}
