// Fast step changes: the latest request wins and earlier ones are dropped, so a lesson never
// shows one step over another step's run — not after two quick go-to-steps, four quick ←
// presses, or a course page flooding the frame with thousands of go-to-step messages.
import { expect, test, type Frame, type Page } from '@playwright/test';
import { lessonById } from '../src/lessons/catalog.ts';
import type { Lesson } from '../src/lessons/types.ts';
import { waitForHook } from './support/lesson-driver';
import { watchPageHealth } from './support/page-health';
import { FIXTURES_URL, PREVIEW_URL, SUBPATH_ORIGIN } from './support/urls';
import type {} from '../src/ui/testHookTypes.ts';

const CART = lessonById('shopping-cart')!;

type Target = Page | Frame;

/** Waits for step `i` (0-based) to be open and set up; returns its start hash. */
async function openedStep(target: Target, lesson: Lesson, i: number): Promise<string> {
  const card = target.locator('.lesson-card');
  await expect(target.getByText(`Step ${i + 1} of ${lesson.steps.length}`)).toBeVisible();
  await expect(card).toHaveAttribute('aria-busy', 'false');
  const hash = await card.getAttribute('data-start-hash');
  expect(hash).toBeTruthy();
  return hash!;
}

async function goToStep(target: Target, lesson: Lesson, i: number): Promise<string> {
  const card = target.locator('.lesson-card');
  const before = (await card.getAttribute('data-start-key')) ?? '';
  await target.evaluate((n) => window.__statecraftTest!.perform('go-to-step', { step: n }), i + 1);
  await expect(card).not.toHaveAttribute('data-start-key', before);
  return openedStep(target, lesson, i);
}

/** The standard start of every step of the lesson, opened one at a time. */
async function standardStarts(target: Target, lesson: Lesson): Promise<string[]> {
  const hashes: string[] = [];
  for (let i = 0; i < lesson.steps.length; i++) hashes.push(await goToStep(target, lesson, i));
  return hashes;
}

test('go-to-step 7 then 2 at once opens step 2 as it begins, without step 7’s run', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto(`/?lesson=${CART.id}`);
  await openedStep(page, CART, 0);
  const starts = await standardStarts(page, CART);
  const card = page.locator('.lesson-card');
  const before = (await card.getAttribute('data-start-key')) ?? '';
  await page.evaluate(() => {
    void window.__statecraftTest!.perform('go-to-step', { step: 7 });
    void window.__statecraftTest!.perform('go-to-step', { step: 2 });
  });
  await expect(card).not.toHaveAttribute('data-start-key', before);
  expect(await openedStep(page, CART, 1)).toBe(starts[1]);
  // Nothing step 7 set up reached the run: the log is the step's own.
  const snap = await page.evaluate(() => window.__statecraftTest!.snapshot());
  expect(snap!.outcome.eventLogHash).toBe(starts[1]);
  expect(health.consoleErrors).toEqual([]);
});

test('four quick ← presses land on the step four back, at its start', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto(`/?lesson=${CART.id}`);
  await openedStep(page, CART, 0);
  const starts = await standardStarts(page, CART);
  const last = CART.steps.length - 1;
  await goToStep(page, CART, last);
  await page.getByRole('heading', { level: 2 }).focus();
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
  expect(await openedStep(page, CART, last - 4)).toBe(starts[last - 4]);
  expect(health.consoleErrors).toEqual([]);
});

test('a course page flooding the frame with go-to-step is rate-limited and the lesson stays whole', async ({
  page,
}) => {
  const src = `${PREVIEW_URL}?lesson=${CART.id}&embed=1&parentOrigin=${encodeURIComponent(SUBPATH_ORIGIN)}`;
  await page.goto(`${FIXTURES_URL}host.html?${new URLSearchParams({ src })}`);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames()[1]!;
  await waitForHook(frame);
  await openedStep(frame, CART, 0);
  const starts = await standardStarts(frame, CART);
  // 5,000 commands at once, steps 7 and 2 in turn.
  await page.evaluate(() => {
    const send = (window as unknown as { sendToApp: (x: unknown) => void }).sendToApp;
    for (let i = 0; i < 5000; i++) {
      send({ v: 1, type: 'statecraft:go-to-step', step: i % 2 === 0 ? 7 : 2, id: `flood-${i}` });
    }
  });
  const errors = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { received: { data: { type: string; error?: string } }[] }
        ).received.filter((m) => m.data.type === 'error' && m.data.error === 'rate-limited').length,
    );
  // Most of the flood is refused, each with an error naming why.
  await expect.poll(errors, { timeout: 60_000 }).toBeGreaterThan(4000);
  // The lesson settles on one of the two steps, opened exactly as it begins.
  const card = frame.locator('.lesson-card');
  await expect(card).toHaveAttribute('aria-busy', 'false');
  const shown = await frame.locator('.step-counter').textContent();
  const index = Number(/Step (\d+)/.exec(shown ?? '')?.[1]) - 1;
  expect([1, 6]).toContain(index);
  await expect(card).toHaveAttribute('data-start-hash', starts[index]!);
});
