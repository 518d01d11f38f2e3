// After a deploy, an open tab may ask for a lazy file the server no longer has. The page must
// not go blank: the part that failed says so, a banner offers "Reload (your run is kept)", and
// the reload brings back the same run (same time, same event-log hash).
// Service workers are blocked here so that the routes below stand in for the server.
import { expect, test } from '@playwright/test';
import { act, advance, waitForSim, waitForSnapshot } from './support/sim-hook';

test.use({ serviceWorkers: 'block' });

test('a dialog whose file is gone offers a reload that keeps the run', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(/\/assets\/EmbedDialog-[^/]*\.js$/, (r) => r.fulfill({ status: 404 }));
  await page.goto('/?preset=sticky-crash&seed=5');
  await waitForSim(page);
  await advance(page, 6_000);
  await act(page, { action: 'kill-server', server: 2 });
  const before = await advance(page, 3_000);

  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'A new version of Statecraft' });
  await expect(banner).toBeVisible();
  // The page is still there: header, controls and the run.
  await expect(page.getByRole('navigation', { name: 'Modes' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'System picture' })).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveText(/events: [1-9]\d*/);
  expect(errors).toEqual([]);

  await Promise.all([
    page.waitForEvent('load'),
    banner.getByRole('button', { name: 'Reload (your run is kept)' }).click(),
  ]);
  expect(page.url()).toContain('#run=');
  await waitForSim(page);
  const after = await waitForSnapshot(page, (s) => s.tMs === before.tMs, 'the same time');
  expect(after.outcome.eventLogHash).toBe(before.outcome.eventLogHash);
  expect(after.liveCommands).toHaveLength(1);
});

test('a mode whose file is gone leaves the page working and says why', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(/\/assets\/LessonsMode-[^/]*\.js$/, (r) => r.fulfill({ status: 404 }));
  await page.goto('/?mode=lessons');
  await expect(page.getByText(/so the lessons could not load/)).toBeVisible();
  await expect(page.getByText('A new version of Statecraft is available.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Modes' })).toBeVisible();
  expect(errors).toEqual([]);
});
