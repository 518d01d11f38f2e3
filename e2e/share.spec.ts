// A share link reproduces the exact run in a fresh browser: same counters, same event-log
// hash. Hostile and truncated links open with a clear message and defaults.
import { expect, test } from '@playwright/test';
import { act, advance, waitForSim } from './support/sim-hook';
import { watchPageHealth } from './support/page-health';

test('a share link opened in a fresh context reproduces the run', async ({ page, browser }) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=sticky-crash&seed=5');
  await waitForSim(page);
  await advance(page, 8_000);
  await act(page, { action: 'kill-server', server: 2 });
  await advance(page, 4_000);
  await act(page, { action: 'set-sticky', sticky: 'consistent-hash' });
  await act(page, { action: 'add-server', count: 1 });
  const before = await advance(page, 9_000);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toContain('#run=');
  expect(link.length).toBeLessThan(2000);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherHealth = watchPageHealth(other);
  await other.goto(link);
  const after = await waitForSim(other);
  await expect
    .poll(async () => (await other.evaluate(() => window.__statecraftTest!.snapshot()))?.tMs)
    .toBe(before.tMs);
  const replayed = await other.evaluate(() => window.__statecraftTest!.snapshot()!);
  expect(replayed.outcome.eventLogHash).toBe(before.outcome.eventLogHash);
  expect(replayed.outcome.sessions).toEqual(before.outcome.sessions);
  expect(replayed.outcome.requests).toEqual(before.outcome.requests);
  expect(replayed.liveCommands.length).toBe(3);
  expect(after.seed).toBe(5);
  await expect(other.getByText('Sessions lost').first()).toBeVisible();
  expect(otherHealth.consoleErrors).toEqual([]);
  expect(health.consoleErrors).toEqual([]);
  await fresh.close();
});

const hostile = [
  '/#run=%%%not-base64',
  '/#run=AAAA',
  '/#run=',
  '/?preset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&seed=NaN&speed=-3&mode=hack&lock=everything',
  `/?seed=${'9'.repeat(400)}&step=-1&lesson=..%2F..%2Fetc`,
  `/?${'a=1&'.repeat(2000)}`,
];

for (const url of hostile) {
  test(`hostile link opens with a message and defaults: ${url.slice(0, 50)}`, async ({ page }) => {
    const health = watchPageHealth(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(url);
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByTestId('engine-status')).toHaveText(/events: [1-9]\d*/);
    if (url !== `/?${'a=1&'.repeat(2000)}`) {
      await expect(page.locator('.notice').first()).toBeVisible();
    }
    expect(dialogs).toBe(0);
    expect(health.consoleErrors).toEqual([]);
  });
}

test('a truncated share link says so and shows the default playground', async ({ page }) => {
  await page.goto('/?preset=jwt');
  await waitForSim(page);
  await advance(page, 3000);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const health = watchPageHealth(page);
  await page.goto('about:blank');
  await page.goto(link.slice(0, link.length - 12));
  await expect(page.getByText(/could not be read|not valid|unknown/)).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveText(/events: [1-9]\d*/);
  expect(health.consoleErrors).toEqual([]);
});
