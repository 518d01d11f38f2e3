// Plays lesson steps as a learner does, in a page or in a frame (an embed or a course
// package), moving simulated time through the e2e build's test hook instead of sleeping.
import { expect, type Frame, type Page } from '@playwright/test';
import type { Lesson } from '../../src/lessons/types.ts';
import { actionButtonName } from './lesson-play';

type Target = Page | Frame;

interface Hook {
  advance(ms: number): Promise<unknown>;
  snapshot(): unknown;
}
type HookWindow = Window & { __statecraftTest?: Hook };

export async function waitForHook(target: Target): Promise<void> {
  await target.waitForFunction(() => !!(window as HookWindow).__statecraftTest?.snapshot());
}

async function advance(target: Target, ms: number): Promise<void> {
  await target.evaluate(async (n) => {
    await (window as HookWindow).__statecraftTest!.advance(n);
  }, ms);
}

/**
 * Plays steps [from, to): locks in the first prediction, takes the step's action, runs time
 * until Continue is enabled, answers the check question (correctly unless `wrongChecks`, with
 * "Check my answer") and presses Continue.
 */
export async function playSteps(
  target: Target,
  lesson: Lesson,
  from: number,
  to: number,
  { wrongChecks = false }: { wrongChecks?: boolean } = {},
): Promise<void> {
  const cont = target.getByRole('button', { name: 'Continue', exact: true });
  for (let i = from; i < to; i++) {
    const step = lesson.steps[i]!;
    await expect(target.getByText(`Step ${i + 1} of ${lesson.steps.length}`)).toBeVisible();
    await expect(target.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
    if (step.predict) {
      await target.getByRole('radio').first().click();
      await target.getByRole('button', { name: 'Lock in my prediction' }).click();
    }
    if (step.until.kind === 'action' && step.autoAction) {
      const name = actionButtonName(lesson, step);
      await target.getByRole('button', { name, exact: true }).click();
    }
    for (let t = 0; t < 120 && !(await cont.isEnabled()); t++) await advance(target, 1000);
    await expect(cont).toBeEnabled();
    if (step.check) {
      const choice = step.check.choices.find((c) => c.correct !== wrongChecks)!;
      const radio = target.getByRole('radio', { name: choice.text });
      // A check already answered (saved from an earlier pass) shows its feedback and stays.
      if (await radio.isEnabled()) {
        await radio.click();
        await target.getByRole('button', { name: 'Check my answer' }).click();
      }
    }
    await cont.click();
  }
}
