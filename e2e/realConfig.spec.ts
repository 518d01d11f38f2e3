// "See the real configuration": from the playground controls and from a lesson's "in real
// systems" step, the generated HAProxy, app server and Redis files for the current settings,
// with explanations, a working copy button, and no accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth } from './support/page-health';
import { waitForSim } from './support/sim-hook';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function openView(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name: 'The real configuration' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the playground shows the files the lab runs, follows the settings and copies', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const health = watchPageHealth(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?preset=sticky-crash');
  await waitForSim(page);
  const dialog = await openView(page, /^See the real configuration$/);
  const code = dialog.locator('pre');
  await expect(code).toContainText('cookie SERVERID insert indirect nocache');
  await expect(code).toContainText('bind 127.0.0.1:8080');
  await expect(dialog).toContainText('npm run lab -- sticky-crash');
  await expect(dialog.getByRole('definition').first()).toContainText('Cookie stickiness');
  await dialog.getByRole('button', { name: 'Copy haproxy.cfg' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied haproxy.cfg.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('balance roundrobin');
  await dialog.getByRole('button', { name: 'app-server.mjs' }).click();
  await expect(code).toContainText('const sessions = new Map()');
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // With the shared-store preset the view shows Redis and its expiry settings.
  await page.goto('./?preset=shared-store');
  await waitForSim(page);
  const again = await openView(page, /^See the real configuration$/);
  await again.getByRole('button', { name: 'redis.conf' }).click();
  await expect(again.locator('pre')).toContainText('maxmemory-policy volatile-ttl');
  await again.getByRole('button', { name: 'app-server.mjs' }).click();
  await expect(again.locator('pre')).toContainText("'GETEX'");
  expect(health.consoleErrors).toEqual([]);
});

test('a lesson offers it on its "in real systems" step', async ({ page }) => {
  test.setTimeout(90_000);
  const health = watchPageHealth(page);
  await page.goto('./?lesson=scaling-out&step=4');
  await expect(page.getByRole('heading', { name: 'Consistent hashing' })).toBeVisible();
  const dialog = await openView(page, /see this setup as real HAProxy/);
  await expect(dialog.locator('pre')).toContainText('hash-type consistent');
  expect(health.consoleErrors).toEqual([]);
});
