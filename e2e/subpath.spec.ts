// The same build served from a deep sub-path (as on a course server or a GitHub Pages
// project site): every asset, the worker and the favicon must load relative to the page.
import { expect, test } from '@playwright/test';
import { expectEngineRunningInWorker } from './support/engine-status';
import { watchPageHealth } from './support/page-health';
import { SUBPATH_APP_URL as appUrl } from './support/urls';

test('the app works from a sub-path with no failed requests', async ({ page }) => {
  const health = watchPageHealth(page);

  await page.goto(appUrl);
  await expectEngineRunningInWorker(page);

  expect({ ...health }).toEqual({ consoleErrors: [], failedRequests: [] });
});

test('the sub-path without a trailing slash redirects to the app', async ({ page }) => {
  await page.goto(appUrl.slice(0, -1));
  await expect(page).toHaveURL(appUrl);
  await expect(page.getByRole('main')).toBeVisible();
});
