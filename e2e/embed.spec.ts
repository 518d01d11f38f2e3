// A course page on another origin embeds Statecraft: it hears ready / step / completed,
// can send go-to-step, is ignored when its origin is not the allowed one, and a sandboxed
// iframe without same-origin (no Web Workers) still runs the simulation in-thread.
import { expect, test, type Page } from '@playwright/test';
import { FIXTURES_URL, PREVIEW_URL, SUBPATH_ORIGIN } from './support/urls';
import { watchPageHealth } from './support/page-health';

type Received = { origin: string; data: { source?: string; type?: string; step?: number } };

function hostUrl(appQuery: string, sandbox?: string, host = FIXTURES_URL): string {
  const src = `${PREVIEW_URL}?${appQuery}`;
  const q = new URLSearchParams({ src });
  if (sandbox !== undefined) q.set('sandbox', sandbox);
  return `${host}host.html?${q}`;
}

/** The same host page, served from localhost: another origin than 127.0.0.1. */
const OTHER_HOST = FIXTURES_URL.replace('127.0.0.1', 'localhost');

/** The pizza lesson embedded with `parentOrigin` as written (URL-encoded here). */
const lessonQuery = (parentOrigin: string) =>
  `lesson=pizza&embed=1&parentOrigin=${encodeURIComponent(parentOrigin)}`;

/** The host page sends the go-to-step command to the app. */
const goToStep = (page: Page, step: number) =>
  page.evaluate(
    (n) =>
      (window as unknown as { sendToApp: (d: unknown) => void }).sendToApp({
        type: 'statecraft:go-to-step',
        v: 1,
        step: n,
      }),
    step,
  );

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);

async function waitForMessage(
  page: Page,
  type: string,
  extra: (d: Received['data']) => boolean = () => true,
) {
  await expect
    .poll(async () => (await received(page)).some((m) => m.data.type === type && extra(m.data)), {
      message: `a "${type}" message`,
    })
    .toBe(true);
}

test('the host hears ready and step events, and can send go-to-step', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto(hostUrl(lessonQuery(SUBPATH_ORIGIN)));
  await waitForMessage(page, 'ready');
  await waitForMessage(page, 'step-changed', (d) => d.step === 1);
  await waitForMessage(page, 'height');
  // The embedded app does not steal focus from the course page.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('outside');
  for (const m of await received(page)) {
    expect(m.data.source).toBe('statecraft');
    expect(m.origin).toBe(new URL(PREVIEW_URL).origin);
  }
  await goToStep(page, 3);
  await waitForMessage(page, 'step-changed', (d) => d.step === 3);
  await expect(page.frameLocator('#app').getByText('Step 3 of')).toBeVisible();
  expect(health.consoleErrors).toEqual([]);
});

test('reaching the end of a lesson by skipping is reported as incomplete, not completed', async ({
  page,
}) => {
  await page.goto(hostUrl(`lesson=pizza&embed=1&step=7`));
  const app = page.frameLocator('#app');
  await expect(app.getByText(/Step 7 of 7/)).toBeVisible();
  const next = app.getByRole('button', { name: 'Continue', exact: true });
  // The last step may wait on a check question or the simulation; answer and move time on.
  const radios = app.getByRole('radio');
  if ((await radios.count()) > 0) await radios.first().click();
  await expect(next).toBeEnabled({ timeout: 20_000 });
  await next.click();
  await waitForMessage(
    page,
    'lesson-incomplete',
    (d) => (d as { skipped?: number[] }).skipped?.length === 6,
  );
  expect((await received(page)).some((m) => m.data.type === 'lesson-completed')).toBe(false);
});

test('commands from an origin other than parentOrigin are ignored', async ({ page }) => {
  // The same host page on another origin.
  await page.goto(hostUrl(lessonQuery(SUBPATH_ORIGIN), undefined, OTHER_HOST));
  const app = page.frameLocator('#app');
  await expect(app.getByText('Step 1 of')).toBeVisible();
  await goToStep(page, 3);
  await page.waitForTimeout(500);
  await expect(app.getByText('Step 1 of')).toBeVisible();
  // Events are still posted only to the allowed origin, so this host hears nothing.
  expect(await received(page)).toEqual([]);
});

test('a sandboxed iframe without same-origin runs the simulation in-thread', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto(hostUrl('preset=sticky-crash&embed=1', 'allow-scripts'));
  const status = page.frameLocator('#app').getByTestId('engine-status');
  await expect(status).toContainText('engine: in-thread', { timeout: 15_000 });
  await expect(status).toHaveText(/events: [1-9]\d*/);
  expect(health.consoleErrors.filter((e) => !/localStorage|SecurityError/.test(e))).toEqual([]);
});

// A parentOrigin that is not an origin must never mean "any origin": the bridge fails closed
// (no events, no commands) and the author sees why, inside the iframe.
for (const spelling of ['*', 'null', 'javascript:alert(1)', `${SUBPATH_ORIGIN}?x=1`, ' x']) {
  test(`parentOrigin ${JSON.stringify(spelling)} fails closed with a notice`, async ({ page }) => {
    await page.goto(hostUrl(lessonQuery(spelling)));
    const app = page.frameLocator('#app');
    await expect(app.getByText('Step 1 of')).toBeVisible();
    await expect(app.getByText(/is not an origin/)).toBeVisible();
    await goToStep(page, 3);
    await page.waitForTimeout(300);
    await expect(app.getByText('Step 1 of')).toBeVisible();
    expect(await received(page)).toEqual([]);
  });
}

test('a parentOrigin spelled with a path and capitals is normalised, with a notice', async ({
  page,
}) => {
  // The same origin as the host page, written the way an author might copy it from the bar.
  const spelling = `${SUBPATH_ORIGIN.replace('http://', 'HTTP://')}/fixtures/host.html`;
  // A host on another origin hears nothing under that rule ...
  await page.goto(hostUrl(lessonQuery(spelling), undefined, OTHER_HOST));
  const other = page.frameLocator('#app');
  await expect(other.getByText(`read as ${SUBPATH_ORIGIN}`)).toBeVisible();
  await expect(other.getByText('Step 1 of')).toBeVisible();
  expect(await received(page)).toEqual([]);
  // ... while the origin it names hears events and is obeyed.
  await page.goto(hostUrl(lessonQuery(spelling)));
  await waitForMessage(page, 'step-changed', (d) => d.step === 1);
  await goToStep(page, 3);
  await waitForMessage(page, 'step-changed', (d) => d.step === 3);
});

test('the Embed dialog checks the origin as it is typed', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: /Embed/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a course page' });
  const field = dialog.getByLabel(/Your page's origin/);
  const snippet = dialog.getByLabel('Snippet');
  await field.fill('lms.example.edu');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/Not an origin/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy snippet' })).toBeDisabled();
  await field.fill('https://LMS.example.edu/courses/cs101');
  await expect(dialog.getByText('Will be used as https://lms.example.edu.')).toBeVisible();
  await expect(snippet).toHaveValue(/parentOrigin=https%3A%2F%2Flms\.example\.edu[&"#]/);
  await expect(dialog.getByRole('button', { name: 'Copy snippet' })).toBeEnabled();
});

test('an embedded 800×600 lesson opens each new step at its title', async ({ page }) => {
  await page.goto(hostUrl('lesson=choosing&embed=1'));
  const app = page.frameLocator('#app');
  const card = app.locator('.lesson-card');
  await expect(card).toHaveAttribute('aria-busy', 'false');
  for (const step of [2, 3, 4, 5]) {
    // Scroll the card down (as a learner reading a long question would), then move on.
    await card.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await goToStep(page, step);
    await expect(app.getByText(`Step ${step} of`)).toBeVisible();
    await expect(card).toHaveAttribute('aria-busy', 'false');
    const title = app.locator('#lesson-step-title');
    await expect(title).toBeInViewport();
    const [c, t] = [await card.boundingBox(), await title.boundingBox()];
    expect(t!.y).toBeGreaterThanOrEqual(c!.y);
    expect(t!.y + t!.height).toBeLessThanOrEqual(c!.y + c!.height);
  }
});
