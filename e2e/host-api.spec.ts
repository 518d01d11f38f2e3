// The host API (docs/embedding.md): a course page on another origin sends each command in its
// documented shape and gets one versioned reply; a command in any other shape is refused with
// an error event naming the reason; lesson events carry scores, and lesson-completed comes
// only when every step was done.
import { expect, test, type Frame, type Page } from '@playwright/test';
import { lessonById } from '../src/lessons/catalog.ts';
import { playSteps, waitForHook } from './support/lesson-driver';
import { watchPageHealth } from './support/page-health';
import { FIXTURES_URL, PREVIEW_URL, SUBPATH_ORIGIN } from './support/urls';

type Message = Record<string, unknown> & { type: string; source: string; v: number };

const APP_ORIGIN = new URL(PREVIEW_URL).origin;
const PIZZA = lessonById('pizza')!;

async function open(page: Page, appQuery: string): Promise<Frame> {
  const src = `${PREVIEW_URL}?${appQuery}&embed=1&parentOrigin=${encodeURIComponent(SUBPATH_ORIGIN)}`;
  await page.goto(`${FIXTURES_URL}host.html?${new URLSearchParams({ src })}`);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames()[1]!;
  await waitForHook(frame);
  await waitFor(page, (m) => m.type === 'ready');
  return frame;
}

const messages = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { received: { origin: string; data: Message }[] }).received,
  );

async function waitFor(page: Page, pred: (m: Message) => boolean): Promise<Message> {
  let found: Message | undefined;
  await expect
    .poll(async () => {
      found = (await messages(page)).map((m) => m.data).find(pred);
      return !!found;
    })
    .toBe(true);
  return found!;
}

let nextId = 0;
/** Sends a command and returns the reply carrying its id. */
async function send(page: Page, data: Record<string, unknown>): Promise<Message> {
  const id = `req-${++nextId}`;
  await page.evaluate(
    (d) => (window as unknown as { sendToApp: (x: unknown) => void }).sendToApp(d),
    { ...data, id },
  );
  return waitFor(page, (m) => m.id === id);
}

test.afterEach(async ({ page }) => {
  // Every message is versioned, from Statecraft, and from the app's origin.
  for (const m of await messages(page)) {
    expect(m.origin).toBe(APP_ORIGIN);
    expect(m.data).toMatchObject({ source: 'statecraft', v: 1 });
  }
});

test('play and pause reply ok and drive the run', async ({ page }) => {
  const health = watchPageHealth(page);
  const app = await open(page, 'preset=playground');
  const pauseButton = app.getByRole('button', { name: 'Pause', exact: true });
  expect(await send(page, { type: 'statecraft:pause', v: 1 })).toMatchObject({
    type: 'ok',
    command: 'pause',
  });
  await expect(pauseButton).toHaveAttribute('aria-pressed', 'true');
  expect(await send(page, { type: 'statecraft:play', v: 1 })).toMatchObject({
    type: 'ok',
    command: 'play',
  });
  await expect(pauseButton).toHaveAttribute('aria-pressed', 'false');
  expect(health.consoleErrors).toEqual([]);
});

test('get-state returns the run as a share-link payload; set-state restores it', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  const app = await open(page, 'preset=playground');
  await app.evaluate(async () => {
    const hook = (
      window as unknown as {
        __statecraftTest: {
          act(a: unknown): Promise<unknown>;
          advance(ms: number): Promise<unknown>;
        };
      }
    ).__statecraftTest;
    await hook.advance(5000);
    await hook.act({ action: 'kill-server', server: 1 });
    await hook.advance(2000);
  });
  const state = await send(page, { type: 'statecraft:get-state', v: 1 });
  expect(state).toMatchObject({ type: 'state', command: 'get-state' });
  expect(String(state.state)).toMatch(/^#run=/);

  // A fresh frame (a learner coming back): restoring the saved state brings the kill back.
  const fresh = await open(page, 'preset=playground');
  expect(
    await send(page, { type: 'statecraft:set-state', v: 1, state: state.state }),
  ).toMatchObject({ type: 'ok', command: 'set-state' });
  await expect
    .poll(() =>
      fresh.evaluate(() => {
        const snap = (
          window as unknown as {
            __statecraftTest: { snapshot(): { liveCommands: { action: string }[] } };
          }
        ).__statecraftTest.snapshot();
        return snap.liveCommands.map((c) => c.action);
      }),
    )
    .toContain('kill-server');
  const again = await send(page, { type: 'statecraft:get-state', v: 1 });
  expect(again.state).toBe(state.state);

  const bad = await send(page, { type: 'statecraft:set-state', v: 1, state: '#run=not-a-run' });
  expect(bad).toMatchObject({ type: 'error', error: 'bad-state', command: 'set-state' });
  expect(health.consoleErrors).toEqual([]);
});

test('commands that do not apply on screen are refused, not ignored', async ({ page }) => {
  await open(page, 'preset=playground');
  for (const type of ['get-score', 'go-to-step']) {
    const reply = await send(page, {
      type: `statecraft:${type}`,
      v: 1,
      ...(type === 'go-to-step' ? { step: 2 } : {}),
    });
    expect(reply).toMatchObject({ type: 'error', error: 'not-available', command: type });
  }
});

test('refused shapes: an extra key, no version, an unknown command, a bad field', async ({
  page,
}) => {
  const app = await open(page, `lesson=pizza`);
  const refusals: [Record<string, unknown>, string][] = [
    [{ type: 'statecraft:go-to-step', v: 1, step: 3, extra: true }, 'bad-shape'],
    [{ type: 'statecraft:pause', v: 1, force: 1 }, 'bad-shape'],
    [{ type: 'statecraft:go-to-step', step: 3 }, 'bad-version'],
    [{ type: 'statecraft:go-to-step', v: 2, step: 3 }, 'bad-version'],
    [{ type: 'statecraft:eval', v: 1, code: 'alert(1)' }, 'unknown-command'],
    [{ type: 'statecraft:go-to-step', v: 1, step: '3' }, 'bad-shape'],
    [{ type: 'statecraft:set-state', v: 1 }, 'bad-shape'],
  ];
  for (const [data, error] of refusals) {
    const reply = await send(page, data);
    expect(reply, JSON.stringify(data)).toMatchObject({ type: 'error', error });
    expect(typeof reply.message).toBe('string');
  }
  // None of them acted: the lesson is still on step 1.
  await expect(app.getByText(`Step 1 of ${PIZZA.steps.length}`)).toBeVisible();
  const steps = (await messages(page)).filter((m) => m.data.type === 'step-changed');
  expect(steps.map((m) => m.data.step)).toEqual([1]);
});

test('a lesson: go-to-step, check answers with scores, get-score, honest completion', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const health = watchPageHealth(page);
  const app = await open(page, 'lesson=pizza');
  const last = PIZZA.steps.length;

  // Jump to the last step and finish it: the end is reached, but steps were skipped.
  expect(await send(page, { type: 'statecraft:go-to-step', v: 1, step: last })).toMatchObject({
    type: 'ok',
  });
  await waitFor(page, (m) => m.type === 'step-changed' && m.step === last);
  await playSteps(app, PIZZA, last - 1, last);
  const answered = await waitFor(page, (m) => m.type === 'check-answered');
  expect(answered).toMatchObject({
    lesson: 'pizza',
    step: last,
    correct: true,
    first: true,
    score: { correct: 1, answered: 1, total: 1, percent: 100 },
  });
  const incomplete = await waitFor(page, (m) => m.type === 'lesson-incomplete');
  expect(incomplete).toMatchObject({
    lesson: 'pizza',
    skipped: Array.from({ length: last - 1 }, (_, i) => i + 1),
  });
  await expect(app.getByRole('heading', { name: 'Almost there' })).toBeVisible();
  expect((await messages(page)).some((m) => m.data.type === 'lesson-completed')).toBe(false);
  expect(await send(page, { type: 'statecraft:get-score', v: 1 })).toMatchObject({
    type: 'score',
    lesson: 'pizza',
    completed: false,
    score: { correct: 1, total: 1 },
  });

  // Doing every step from the start completes it, with the score and nothing skipped.
  await app.getByRole('button', { name: 'Restart', exact: true }).click();
  await playSteps(app, PIZZA, 0, last);
  const completed = await waitFor(page, (m) => m.type === 'lesson-completed');
  expect(completed).toMatchObject({ lesson: 'pizza', skipped: [], score: { percent: 100 } });
  expect(await send(page, { type: 'statecraft:get-score', v: 1 })).toMatchObject({
    type: 'score',
    completed: true,
    skipped: [],
  });
  expect(health.consoleErrors).toEqual([]);
});
