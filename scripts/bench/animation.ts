/**
 * Animation in headless Chromium (software rendering): with 500, 2,000 and 5,000 requests in
 * flight, playing at PLAY_SPEED, over a window of wall time:
 *   - frame interval p50 / p95 from requestAnimationFrame timestamps, and frames per second;
 *   - main-thread time per frame (Chrome's TaskDuration, via CDP Performance.getMetrics);
 *   - the same page paused with the same dots on screen, and the ratio of the two.
 * Target: 60 frames/s at 2,000 in flight; beyond that the view samples dots, never freezes.
 */
import type { Browser } from '@playwright/test';
import { MAX_DOTS } from '../../src/ui/topology/paintDots.ts';
import { measureWindow, openApp, pause, playInFlight, sleep, type Window_ } from './browser.ts';
import { figure, fmt, quantile, type Figure } from './table.ts';
import type { BenchOptions } from './core.ts';

export const ANIMATION_SIZES = [500, 2000, 5000];

interface Run {
  n: number;
  playing: Window_;
  paused: Window_;
}

async function animationRun(browser: Browser, windowMs: number): Promise<Run[]> {
  const { page, cdp } = await openApp(browser);
  const out: Run[] = [];
  try {
    for (const n of ANIMATION_SIZES) {
      await playInFlight(page, n);
      await sleep(1500);
      const playing = await measureWindow(page, cdp, windowMs);
      await pause(page);
      await sleep(500);
      const paused = await measureWindow(page, cdp, windowMs);
      out.push({ n, playing, paused });
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

export async function runAnimation(opts: BenchOptions, browser: Browser): Promise<Figure[]> {
  const runs: Run[][] = [];
  for (let i = 0; i < opts.runs; i++)
    runs.push(await animationRun(browser, opts.quick ? 3000 : 5000));
  const figs: Figure[] = [];
  for (const n of ANIMATION_SIZES) {
    const rs = runs.map((r) => r.find((x) => x.n === n)!);
    const p = rs.map((r) => r.playing);
    const q = rs.map((r) => r.paused);
    const label = `${fmt(n)} in flight`;
    const inFlight = p.map((w) => w.inFlight);
    const drawn = inFlight.map((v) => (v > MAX_DOTS ? v / Math.ceil(v / MAX_DOTS) : v));
    const target = n === 2000 ? { min: 57, text: '60 frames/s (≥ 57)' } : undefined;
    figs.push(
      figure('animation', `${label}: requests in flight (measured)`, inFlight, {
        unit: 'hops',
        note: `dots drawn ≈ ${fmt(med(drawn))} (the crowd is sampled above ${fmt(MAX_DOTS)})`,
      }),
      figure(
        'animation',
        `${label}: frames/s playing`,
        p.map((w) => w.fps),
        {
          unit: 'frames/s',
          digits: 1,
          ...(target ? { budget: target } : {}),
          note: `${fmt(med(p.map((w) => w.slowFrames)))} frames > 25 ms per window; longest ${fmt(Math.max(...p.map((w) => w.intervalMax)), 0)} ms`,
          detail: { playing: p, paused: q },
        },
      ),
      figure(
        'animation',
        `${label}: frame interval p50 (ms)`,
        p.map((w) => w.intervalP50),
        { unit: 'ms', digits: 1 },
      ),
      figure(
        'animation',
        `${label}: frame interval p95 (ms)`,
        p.map((w) => w.intervalP95),
        { unit: 'ms', digits: 1 },
      ),
      figure(
        'animation',
        `${label}: main thread per frame (ms, wall)`,
        p.map((w) => w.taskMsPerFrame),
        {
          unit: 'ms',
          digits: 2,
          note: `script ${fmt(med(p.map((w) => w.scriptMsPerFrame)), 2)} ms; busy ${fmt(med(p.map((w) => w.mainBusy)) * 100)}% of wall time; paused ${fmt(med(q.map((w) => w.taskMsPerFrame)), 2)} ms`,
        },
      ),
      figure(
        'animation',
        `${label}: CPU per frame, all of Chromium (ms)`,
        p.map((w) => w.chromiumCpuMsPerFrame),
        {
          unit: 'ms',
          digits: 2,
          note: `CPU time, robust to other load: main thread ${fmt(med(p.map((w) => w.mainCpuMsPerFrame)), 2)}, renderer incl. sim worker ${fmt(med(p.map((w) => w.rendererCpuMsPerFrame)), 2)}; paused ${fmt(med(q.map((w) => w.chromiumCpuMsPerFrame)), 2)} ms`,
        },
      ),
      figure(
        'animation',
        `${label}: frames/s playing ÷ paused`,
        rs.map((r) => r.playing.fps / r.paused.fps),
        {
          unit: 'ratio',
          digits: 2,
          note: `paused ${fmt(med(q.map((w) => w.fps)), 1)} frames/s, p95 ${fmt(med(q.map((w) => w.intervalP95)), 1)} ms`,
        },
      ),
    );
  }
  return figs;
}
