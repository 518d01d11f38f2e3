// Every lesson can be completed with the mouse only and with the keyboard only, ends on a
// completed state, and deep links open the right step. Simulated time is moved with the
// test hook instead of waiting for it to pass.
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/catalog.ts';
import type { Lesson } from '../src/lessons/types.ts';
import { expectCardFits } from './support/lesson-card';
import {
  actionButtonName,
  continueButton,
  expectFiguresMatchCounters,
  runUntilReady,
} from './support/lesson-play';
import { watchPageHealth } from './support/page-health';
import { advance, snapshot } from './support/sim-hook';
import type {} from '../src/ui/testHookTypes.ts';

/**
 * Time budget for playing a whole lesson: a base plus a share per step, since each step is a
 * few page round trips, simulated-time advances and layout checks, slower on a busy machine.
 */
const lessonBudgetMs = (lesson: Lesson): number => 60_000 + lesson.steps.length * 20_000;

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

// A lesson is walked step by step, simulated time moved a second at a time: on a busy
// two-core machine the longer lessons need more than the default 30 s.
test.describe.configure({ timeout: 180_000 });

for (const lesson of LESSONS) {
  test(`${lesson.id}: completed with the mouse only`, async ({ page }, testInfo) => {
    test.setTimeout(lessonBudgetMs(lesson));
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/?lesson=${lesson.id}`);
    /** The event-log hash where each step began, as the learner walked to it. */
    const walkedStarts: (string | null)[] = [];
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]!;
      await expectStep(page, lesson, i);
      walkedStarts.push(await page.locator('.lesson-card').getAttribute('data-start-hash'));
      if (step.predict) {
        if (step.until.kind === 'action') {
          // Predict first: the step's button waits for the prediction, and says why.
          await expect(
            page.getByRole('button', { name: actionButtonName(lesson, step), exact: true }),
          ).toBeDisabled();
          await expect(page.locator('.held-reason')).toBeVisible();
        }
        await page.getByRole('radio').first().click();
        await page.getByRole('button', { name: 'Lock in my prediction' }).click();
      }
      if (step.until.kind === 'action') {
        // Hold the run still: the click alone must not finish the step.
        await advance(page, 0);
        await page
          .getByRole('button', { name: actionButtonName(lesson, step), exact: true })
          .click();
        await expect(page.locator('.lesson-hint')).not.toContainText('Done');
        await expect(continueButton(page)).toBeDisabled();
      }
      await runUntilReady(page);
      // The explanation shows next to the learner's own answer.
      if (step.predict)
        await expect(page.locator('.prediction .feedback')).toContainText('You said');
      if (step.check) {
        await page.locator('.lesson-check .choice').last().click();
        await page.getByRole('button', { name: 'Check my answer' }).click();
        await expect(page.locator('.lesson-check .feedback')).toBeVisible();
        await expect(page.locator('.lesson-check .choice-feedback')).toHaveCount(
          step.check.choices.length,
        );
      }
      await expectCardFits(page, `${lesson.id} step ${i + 1} at 1280×800`);
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
    // Every step opened from scratch (a course page's go-to-step, as a deep link, Back and
    // Restart do) begins exactly where the walk began it: the same event log.
    const openedStarts: (string | null)[] = [];
    const card = page.locator('.lesson-card');
    for (let i = 0; i < lesson.steps.length; i++) {
      const before = await card.getAttribute('data-start-key');
      await page.evaluate(
        (n) => window.__statecraftTest!.perform('go-to-step', { step: n }),
        i + 1,
      );
      await expect(card).not.toHaveAttribute('data-start-key', before ?? '');
      await expectStep(page, lesson, i);
      openedStarts.push(await page.locator('.lesson-card').getAttribute('data-start-hash'));
    }
    expect(openedStarts).toEqual(walkedStarts);
    expect(walkedStarts.every((h) => h && h.length > 0)).toBe(true);
    await page.goto(`/?lesson=${lesson.id}&step=${lesson.steps.length}`);
    await expectStep(page, lesson, lesson.steps.length - 1);
    await expect(page.locator('.lesson-card')).toHaveAttribute(
      'data-start-hash',
      walkedStarts.at(-1)!,
    );
    await page.goto('/?mode=lessons');
    const item = page.locator('.lesson-list-item', { hasText: lesson.title });
    await expect(item).toContainText('Completed');
    // Mouse path: the last check choice was picked first; the score counts check questions.
    const asked = lesson.steps.filter((s) => s.check).length;
    const right = lesson.steps.filter((s) => s.check?.choices.at(-1)!.correct).length;
    if (asked > 0) {
      await expect(item.locator('.lesson-score')).toHaveText(`Score ${right}/${asked}`);
    } else {
      await expect(item.locator('.lesson-score')).toHaveCount(0);
    }
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
        await tabTo(page, 'Check my answer');
        await page.keyboard.press('Enter');
        await expect(page.locator('.lesson-check .feedback')).toBeVisible();
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

for (const size of [
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
]) {
  for (const lesson of LESSONS) {
    test(`${lesson.id}: no lesson card overflows sideways at ${size.width}×${size.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      for (let i = 0; i < lesson.steps.length; i++) {
        const step = lesson.steps[i]!;
        if (!step.predict && !step.check) continue;
        await page.goto(`/?lesson=${lesson.id}&step=${i + 1}`);
        await expectStep(page, lesson, i);
        const where = `${lesson.id} step ${i + 1} at ${size.width}×${size.height}`;
        await expectCardFits(page, where);
        if (step.check) {
          await page.locator('.lesson-check .choice').first().click();
          await page.getByRole('button', { name: 'Check my answer' }).click();
          await expectCardFits(page, `${where}, answered`);
        }
      }
    });
  }
}

test('a step that completes while the run plays is held at that moment, figures and counters alike', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  const cart = LESSONS.find((l) => l.id === 'shopping-cart')!;
  await page.goto('/?lesson=shopping-cart&step=3');
  await expectStep(page, cart, 2);
  // Played in real time (fast), not stepped: the player has to pause and step back itself.
  await page.evaluate(() =>
    (
      window as Window & { __statecraftTest?: { play(s: number): Promise<unknown> } }
    ).__statecraftTest!.play(4),
  );
  await expect(page.locator('.lesson-card')).toHaveAttribute('data-step-state', 'complete', {
    timeout: 20_000,
  });
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expectFiguresMatchCounters(page, 'sticky step played in real time');
  await expect(page.locator('[data-run-metric="sessions.lost"]')).toHaveText('0');
  // The run itself stands exactly at the moment the figures were read.
  const heldMs = Number(await page.locator('.run-figures').getAttribute('data-held-ms'));
  await expect.poll(async () => (await snapshot(page)).tMs).toBe(heldMs);
  expect(health.consoleErrors).toEqual([]);
});

/** Opens a step of the choosing lesson and answers its check (the second choice). */
async function answerChoosingCheck(
  page: Page,
  stepId: string,
): Promise<{ step: Lesson['steps'][number] }> {
  const choosing = LESSONS.find((l) => l.id === 'choosing')!;
  const i = choosing.steps.findIndex((s) => s.id === stepId);
  await page.goto(`/?lesson=choosing&step=${i + 1}`);
  await expectStep(page, choosing, i);
  await page.locator('.lesson-check .choice').nth(1).click();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  return { step: choosing.steps[i]! };
}

/** Presses Run on the design of choice `design` and reads `metric` in its row. */
async function runDesign(
  page: Page,
  step: Lesson['steps'][number],
  design: string,
  metric: string,
): Promise<Locator> {
  const runMs = step.check!.choices.find((c) => c.id === design)!.tryIt!.runMs;
  const row = page.locator(`.design-runs tr[data-design="${design}"]`);
  await row.getByRole('button').click();
  return readDesignRun(page, row, metric, runMs);
}

/**
 * Steps a design run to its reading moment and waits for its figure in the row. Time moves
 * only until then: the run holds itself there, and one more advance would move it past the
 * figure just read.
 */
async function readDesignRun(
  page: Page,
  row: Locator,
  metric: string,
  runMs: number,
): Promise<Locator> {
  const cell = row.locator(`[data-design-metric="${metric}"]`);
  await expect
    .poll(
      async () => {
        if ((await cell.textContent()) !== '–') return true;
        if ((await snapshot(page)).tMs < runMs) await advance(page, 1000);
        return false;
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  return cell;
}

test('the choosing lesson runs each design of a design question in the simulation', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  const { step } = await answerChoosingCheck(page, 'scale-budget');
  const figures: Record<string, string> = {};
  for (const design of ['hash', 'simple']) {
    const lost = await runDesign(page, step, design, 'sessions.lost');
    // The run is held at the design's reading time: the counters show the same figure.
    await expect(page.locator('[data-counter-metric="sessions.lost"]')).toHaveText(
      (await lost.textContent())!,
    );
    figures[design] = (await lost.textContent())!;
  }
  // Adding a server under hash mod N logs people out; cookie stickiness does not.
  expect(Number(figures.hash)).toBeGreaterThan(50);
  expect(figures.simple).toBe('0');
  expect(health.consoleErrors).toEqual([]);
});

test('the choosing lesson runs the whiteboard designs: pushing beats polling on delivery time', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  const { step } = await answerChoosingCheck(page, 'connection-type');
  const shown: Record<string, string> = {};
  for (const design of ['stateless-rest', 'stateful-connections']) {
    const delay = await runDesign(page, step, design, 'chat.deliveryMs.mean');
    shown[design] = (await delay.textContent())!;
    // The picture is the design's run: polling apps hold no connection, pushing ones do.
    const snap = await snapshot(page);
    expect(snap.outcome.chat!.pollIntervalS).toBe(design === 'stateless-rest' ? 3 : 0);
  }
  // Polling every 3 s: about half an interval; pushed: tens of milliseconds.
  expect(shown['stateless-rest']).toMatch(/^1\.\d\d s$/);
  expect(shown['stateful-connections']).toMatch(/^\d{2} ms$/);
  // The store box says where the strokes wait.
  await expect(page.getByTestId('store-chat-figures')).toHaveText(/online · \d+ queued/);
  expect(health.consoleErrors).toEqual([]);
});

test('a design run asked for while the question step still plays runs to its reading moment', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  const choosing = LESSONS.find((l) => l.id === 'choosing')!;
  const i = choosing.steps.findIndex((s) => s.id === 'connection-type');
  await page.goto(`/?lesson=choosing&step=${i + 1}`);
  await expectStep(page, choosing, i);
  // Answer and run a design before the step's own 10 simulated seconds are up (paused, so a
  // slow machine cannot reach them first).
  const paused = await page.evaluate(() => window.__statecraftTest!.pause());
  expect(paused.tMs).toBeLessThan(10_000);
  await page.locator('.lesson-check .choice').nth(1).click();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  const row = page.locator('.design-runs tr[data-design="stateful-connections"]');
  await row.getByRole('button').click();
  // Nothing but the run itself moves time: it plays past 10 s and reads its figure at 30 s.
  await expect(row.locator('[data-design-metric="chat.deliveryMs.mean"]')).toHaveText(/ms$/, {
    timeout: 120_000,
  });
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
  expect(health.consoleErrors).toEqual([]);
});
