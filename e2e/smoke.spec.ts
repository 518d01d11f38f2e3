import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectEngineRunningInWorker } from './support/engine-status';
import { watchPageHealth } from './support/page-health';

test('the app boots at the site root and the simulation runs in a worker', async ({
  page,
}, testInfo) => {
  const health = watchPageHealth(page);

  await page.goto('/');
  await expectEngineRunningInWorker(page);

  await page.screenshot({
    path: path.join(testInfo.project.testDir, 'screenshots', 'smoke.png'),
    fullPage: true,
  });
  expect(health.consoleErrors).toEqual([]);
});
