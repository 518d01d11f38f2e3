// Playing a lesson in the browser the way a learner does, with simulated time moved by the
// test hook instead of waiting for it to pass.
import { expect, type Page } from '@playwright/test';
import { SKINS } from '../../src/lessons/skins.ts';
import type { Lesson, LessonStep } from '../../src/lessons/types.ts';
import { advance } from './sim-hook';

type HookWindow = Window & {
  __statecraftTest?: { play(speed?: number): Promise<unknown> };
};

export const continueButton = (page: Page) =>
  page.getByRole('button', { name: 'Continue', exact: true });

const card = (page: Page) => page.locator('.lesson-card');

/**
 * Waits until the lesson player has taken in the frame that ended at `tMs` (or the step has
 * completed and held the run), so the next move of simulated time cannot race it.
 */
async function synced(page: Page, tMs: number): Promise<void> {
  await expect
    .poll(async () => {
      const state = await card(page).getAttribute('data-step-state');
      if (state !== 'running') return true;
      return Number(await card(page).getAttribute('data-sim-ms')) >= tMs;
    })
    .toBe(true);
}

/** Moves simulated time on until Continue is enabled (the step has completed). */
export async function runUntilReady(page: Page): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const state = await card(page).getAttribute('data-step-state');
    if (state === 'complete' || state === 'ready') break;
    const snap = await advance(page, 1000);
    await synced(page, snap.tMs);
  }
  await expect(continueButton(page)).toBeEnabled();
}

/**
 * A learner's pause before the next move: `wallS` seconds of reading, which at the run's
 * speed is that much simulated time if the run is playing (a held or paused run does not
 * move while the learner reads). Stepped through the hook, then the run plays on.
 */
export async function readFor(page: Page, wallS: number, speed: number): Promise<void> {
  if (wallS <= 0) return;
  const playing = await page.getByRole('button', { name: 'Pause', exact: true }).isVisible();
  if (!playing) return;
  const snap = await advance(page, wallS * 1000 * speed);
  await synced(page, snap.tMs);
  const state = await card(page).getAttribute('data-step-state');
  if (state === 'running' || state === 'ready') {
    await page.evaluate(() => (window as HookWindow).__statecraftTest!.play());
  }
}

export function actionButtonName(lesson: Lesson, step: LessonStep): string {
  const a = step.autoAction!;
  const { server, store } = SKINS[lesson.skin];
  switch (a.action) {
    case 'kill-server':
      return `Kill ${server} ${a.server}`;
    case 'restart-server':
      return `Restart ${server} ${a.server}`;
    case 'kill-store':
      return `Kill ${store}`;
    case 'restart-store':
      return `Restart ${store}`;
    default:
      throw new Error(`No button known for ${a.action}`);
  }
}

/** The step's "your run" figures must be what the counters under the picture show. */
export async function expectFiguresMatchCounters(page: Page, where: string): Promise<void> {
  const figures = await page
    .locator('[data-run-metric]')
    .evaluateAll((els) =>
      els.map((el) => ({ metric: el.getAttribute('data-run-metric')!, value: el.textContent })),
    );
  for (const f of figures) {
    const counter = page.locator(`[data-counter-metric="${f.metric}"]`);
    if ((await counter.count()) === 0) continue; // e.g. a figure about the run's shape
    await expect(counter, `${where}: counter ${f.metric} vs the step's figure`).toHaveText(
      f.value ?? '',
    );
  }
}
