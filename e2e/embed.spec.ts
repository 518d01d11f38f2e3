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
  await page.goto(
    hostUrl(`lesson=pizza&embed=1&parentOrigin=${encodeURIComponent(SUBPATH_ORIGIN)}`),
  );
  await waitForMessage(page, 'ready');
  await waitForMessage(page, 'step-changed', (d) => d.step === 1);
  await waitForMessage(page, 'height');
  // The embedded app does not steal focus from the course page.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('outside');
  for (const m of await received(page)) {
    expect(m.data.source).toBe('statecraft');
    expect(m.origin).toBe(new URL(PREVIEW_URL).origin);
  }
  await page.evaluate(() =>
    (window as unknown as { sendToApp: (d: unknown) => void }).sendToApp({
      type: 'statecraft:go-to-step',
      step: 3,
    }),
  );
  await waitForMessage(page, 'step-changed', (d) => d.step === 3);
  await expect(page.frameLocator('#app').getByText('Step 3 of')).toBeVisible();
  expect(health.consoleErrors).toEqual([]);
});

test('a lesson completed in the iframe is reported to the host', async ({ page }) => {
  await page.goto(hostUrl(`lesson=pizza&embed=1&step=7`));
  const app = page.frameLocator('#app');
  await expect(app.getByText(/Step 7 of 7/)).toBeVisible();
  const next = app.getByRole('button', { name: 'Continue', exact: true });
  // The last step may wait on a check question or the simulation; answer and move time on.
  const radios = app.getByRole('radio');
  if ((await radios.count()) > 0) await radios.first().click();
  await expect(next).toBeEnabled({ timeout: 20_000 });
  await next.click();
  await waitForMessage(page, 'lesson-completed');
});

test('commands from an origin other than parentOrigin are ignored', async ({ page }) => {
  // Same host page, but served from localhost (another origin than 127.0.0.1).
  const otherHost = FIXTURES_URL.replace('127.0.0.1', 'localhost');
  await page.goto(
    hostUrl(
      `lesson=pizza&embed=1&parentOrigin=${encodeURIComponent(SUBPATH_ORIGIN)}`,
      undefined,
      otherHost,
    ),
  );
  const app = page.frameLocator('#app');
  await expect(app.getByText('Step 1 of')).toBeVisible();
  await page.evaluate(() =>
    (window as unknown as { sendToApp: (d: unknown) => void }).sendToApp({
      type: 'statecraft:go-to-step',
      step: 3,
    }),
  );
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
