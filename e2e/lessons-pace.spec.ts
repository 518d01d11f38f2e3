// Every lesson played at a learner's pace: before each move (locking in a prediction,
// pressing the step's button, pressing Continue) the learner reads for 0, 10 or 30 seconds,
// and once at a slow speed. The reading time is simulated time stepped through the test hook
// (wall seconds × the run's speed while it plays), never a sleep. Whatever the pace, the
// figures a step reports as the learner's own must be the ones the counters show, and the
// explanation must sit beside the learner's answer.
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/catalog.ts';
import type { Lesson, LessonStep } from '../src/lessons/types.ts';
import {
  actionButtonName,
  continueButton,
  expectFiguresMatchCounters,
  readFor,
  runUntilReady,
} from './support/lesson-play';
import { watchPageHealth } from './support/page-health';

type HookWindow = Window & {
  __statecraftTest?: { play(speed?: number): Promise<unknown>; snapshot(): unknown };
};

/** The speed a step runs at: its own setting, or the one it inherited from the step before. */
function stepSpeed(lesson: Lesson, i: number): number {
  for (let j = i; j >= 0; j--) {
    const s = lesson.steps[j]!.setup?.speed;
    if (s !== undefined) return s;
  }
  return 0.1;
}

async function playAtPace(page: Page, lesson: Lesson, wallS: number, slow: number | null) {
  await page.goto(`/?lesson=${lesson.id}`);
  for (let i = 0; i < lesson.steps.length; i++) {
    const step: LessonStep = lesson.steps[i]!;
    const where = `${lesson.id} step ${i + 1} after ${wallS} s reads${slow ? ` at ${slow}×` : ''}`;
    await expect(page.getByText(`Step ${i + 1} of ${lesson.steps.length}`)).toBeVisible();
    await expect(page.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
    if (slow !== null && (await page.getByRole('button', { name: 'Pause' }).isVisible())) {
      await page.evaluate((s) => (window as HookWindow).__statecraftTest!.play(s), slow);
    }
    const speed = slow ?? stepSpeed(lesson, i);
    await readFor(page, wallS, speed);
    if (step.predict) {
      await page.getByRole('radio').first().click();
      await page.getByRole('button', { name: 'Lock in my prediction' }).click();
      if (slow !== null) {
        await page.evaluate((s) => (window as HookWindow).__statecraftTest!.play(s), slow);
      }
      await readFor(page, wallS, speed);
    }
    if (step.until.kind === 'action') {
      const button = page.getByRole('button', {
        name: actionButtonName(lesson, step),
        exact: true,
      });
      // A long read may already have ended the run; the learner still presses the button.
      await button.click();
    }
    await runUntilReady(page);
    await expectFiguresMatchCounters(page, where);
    if (step.predict) {
      await expect(page.locator('.prediction .feedback'), where).toContainText('You said');
    }
    // Reading the result: the run is held, so the counters still agree afterwards.
    await readFor(page, wallS, speed);
    await expectFiguresMatchCounters(page, `${where}, after reading the result`);
    await continueButton(page).click();
  }
  await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
}

// A whole lesson, stepped second by second: minutes on a busy two-core machine.
test.describe.configure({ timeout: 240_000 });

for (const lesson of LESSONS) {
  for (const wallS of [0, 10, 30]) {
    test(`${lesson.id}: text and counters agree with ${wallS} s of reading before each move`, async ({
      page,
    }) => {
      const health = watchPageHealth(page);
      await page.setViewportSize({ width: 1280, height: 800 });
      await playAtPace(page, lesson, wallS, null);
      expect(health.consoleErrors).toEqual([]);
    });
  }
  test(`${lesson.id}: text and counters agree at a slow speed`, async ({ page }) => {
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await playAtPace(page, lesson, 10, 0.05);
    expect(health.consoleErrors).toEqual([]);
  });
}
