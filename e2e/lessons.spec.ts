// Every lesson can be completed with the mouse only and with the keyboard only, ends on a
// completed state, and deep links open the right step. Simulated time is moved with the
// test hook instead of waiting for it to pass.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/catalog.ts';
import { SKINS } from '../src/lessons/skins.ts';
import type { Lesson, LessonStep } from '../src/lessons/types.ts';
import { advance } from './support/sim-hook';
import { watchPageHealth } from './support/page-health';

/**
 * Time budget for playing a whole lesson: a base plus a share per step, since each step is a
 * few page round trips and simulated-time advances, slower on a busy machine.
 */
const lessonBudgetMs = (lesson: Lesson): number => 20_000 + lesson.steps.length * 10_000;

const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });

/** Moves simulated time on until Continue is enabled (the step's condition is met). */
async function runUntilReady(page: Page): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await continueButton(page).isEnabled()) return;
    await advance(page, 1000);
  }
  await expect(continueButton(page)).toBeEnabled();
}

function actionButtonName(lesson: Lesson, step: LessonStep): string {
  const a = step.autoAction!;
  const server = SKINS[lesson.skin].server;
  switch (a.action) {
    case 'kill-server':
      return `Kill ${server} ${a.server}`;
    case 'restart-server':
      return `Restart ${server} ${a.server}`;
    case 'kill-store':
      return 'Kill store';
    case 'restart-store':
      return 'Restart store';
    default:
      throw new Error(`No button known for ${a.action}`);
  }
}

async function expectStep(page: Page, lesson: Lesson, i: number): Promise<void> {
  await expect(page.getByText(`Step ${i + 1} of ${lesson.steps.length}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: lesson.steps[i]!.title })).toBeVisible();
  // The step has set the simulation up (the card is no longer busy).
  await expect(page.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
}

/** Presses Tab until the focused element is the one wanted (a keyboard user's path). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      const label = el.labels?.[0]?.textContent;
      return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Could not reach "${String(name)}" with Tab`);
}

for (const lesson of LESSONS) {
  test(`${lesson.id}: completed with the mouse only`, async ({ page }, testInfo) => {
    test.setTimeout(lessonBudgetMs(lesson));
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/?lesson=${lesson.id}`);
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]!;
      await expectStep(page, lesson, i);
      if (step.predict) {
        await page.getByRole('radio').first().click();
        await page.getByRole('button', { name: 'Lock in my prediction' }).click();
      }
      if (step.until.kind === 'action') {
        await page
          .getByRole('button', { name: actionButtonName(lesson, step), exact: true })
          .click();
      }
      await runUntilReady(page);
      if (step.predict) await expect(page.locator('.prediction .feedback')).toBeVisible();
      if (step.check) {
        await page.getByRole('radio').last().click();
        await expect(page.locator('.check .feedback')).toBeVisible();
      }
      if (i === 1 || step.predict) {
        await page.screenshot({
          path: path.join(
            testInfo.project.testDir,
            'screenshots',
            `lesson-${lesson.id}-step${i + 1}.png`,
          ),
        });
      }
      await continueButton(page).click();
    }
    await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
    await page.goto('/?mode=lessons');
    await expect(page.locator('.lesson-list-item', { hasText: lesson.title })).toContainText(
      'Completed',
    );
    expect(health.consoleErrors).toEqual([]);
  });

  test(`${lesson.id}: completed with the keyboard only`, async ({ page }) => {
    test.setTimeout(lessonBudgetMs(lesson));
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/?lesson=${lesson.id}`);
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]!;
      await expectStep(page, lesson, i);
      if (step.predict) {
        await tabTo(page, step.predict.choices[0]!.text);
        await page.keyboard.press('Space');
        await tabTo(page, 'Lock in my prediction');
        await page.keyboard.press('Enter');
      }
      if (step.until.kind === 'action') {
        await tabTo(page, actionButtonName(lesson, step));
        await page.keyboard.press('Enter');
      }
      await runUntilReady(page);
      if (step.check) {
        await tabTo(page, step.check.choices[0]!.text);
        await page.keyboard.press('Space');
        await expect(page.locator('.check .feedback')).toBeVisible();
      }
      // → moves on when focus is not in a form control; Escape-free path: focus the heading.
      await page.getByRole('heading', { level: 2 }).focus();
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
    expect(health.consoleErrors).toEqual([]);
  });
}

test('deep links open a step, and Back / ← go to the previous one', async ({ page }) => {
  const health = watchPageHealth(page);
  const pizza = LESSONS.find((l) => l.id === 'pizza')!;
  await page.goto('/?lesson=pizza&step=3');
  await expectStep(page, pizza, 2);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expectStep(page, pizza, 1);
  await expect(page).toHaveURL(/step=2/);
  expect(health.consoleErrors).toEqual([]);
});

test('the lesson list links every lesson and survives blocked storage', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const health = watchPageHealth(page);
  await page.goto('/?mode=lessons');
  for (const lesson of LESSONS) {
    await expect(page.getByRole('link', { name: lesson.title })).toHaveAttribute(
      'href',
      `?lesson=${lesson.id}`,
    );
  }
  await page.getByRole('link', { name: LESSONS[0]!.title }).click();
  await expectStep(page, LESSONS[0]!, 0);
  expect(health.consoleErrors).toEqual([]);
});
