// The playground screen: kill a server with sessions in memory and see the loss on the
// page; do the same with a session store and lose nothing; dots move; the layout holds at
// three window sizes; no console errors anywhere.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth, type PageHealth } from './support/page-health';
import { act, advance, snapshot, waitForSim, waitForSnapshot } from './support/sim-hook';

let health: PageHealth;

test.beforeEach(async ({ page }) => {
  health = watchPageHealth(page);
  await page.goto('/?preset=playground');
  await waitForSim(page);
});

test.afterEach(() => {
  expect(health.consoleErrors).toEqual([]);
});

/** Kills a server with its "Kill server N" button on the topology node (or the hook without one). */
async function killServer(page: Page, id: number): Promise<void> {
  const button = page.getByRole('button', { name: `Kill server ${id}`, exact: true });
  if ((await button.count()) > 0) await button.click();
  else await act(page, { action: 'kill-server', server: id });
  await waitForSnapshot(
    page,
    (s) => s.servers.find((x) => x.id === id)?.status === 'down',
    `server ${id} to be down`,
  );
}

async function counter(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

test('in-memory sessions die with their server, and the page says so', async ({ page }) => {
  let snap = await advance(page, 4000);
  expect(snap.architecture).toBe('in-memory');
  expect(snap.sticky).toBe('cookie');
  const onServer1 = snap.servers.find((s) => s.id === 1)!;
  expect(onServer1.sessionCount).toBeGreaterThan(0);
  await expect(page.getByTestId('counter-sessions-lost')).toHaveText('0');

  // Follow a named user whose session lives on server 1, if there is one.
  const resident = snap.users.named.find((u) => u.home === 1);
  if (resident) {
    await page.getByLabel('Follow a user').selectOption(String(resident.idx));
    await expect(page.getByTestId('follow-card')).toContainText(`${resident.name}'s cart: `);
    await expect(page.getByTestId('follow-card')).toContainText('lives on server 1');
  }

  await killServer(page, 1);
  snap = await advance(page, 3000);
  expect(snap.outcome.sessions.lost).toBeGreaterThanOrEqual(onServer1.sessionCount);
  await expect.poll(() => counter(page, 'counter-sessions-lost')).toBeGreaterThan(0);

  const log = page.getByTestId('event-log');
  await expect(log).toContainText('Server 1 crashed.');
  await expect(log).toContainText(/\d+ sessions? lost with server 1's memory/);
  await expect(page.getByTestId('announcer')).toContainText('crashed');
  if (resident) {
    await expect(page.getByTestId('follow-card')).not.toContainText('lives on server 1');
  }
});

test('with a session store, killing a server loses no session', async ({ page }) => {
  await page.getByLabel('Architecture').selectOption('session-store');
  await waitForSnapshot(page, (s) => s.architecture === 'session-store', 'the reload');
  await expect(page.getByLabel('Store kind')).toBeEnabled();
  const before = await advance(page, 4000);
  expect(before.store.keys).toBeGreaterThan(0);

  await killServer(page, 1);
  const snap = await advance(page, 4000);
  expect(snap.outcome.sessions.lost).toBe(0);
  await expect(page.getByTestId('event-log')).toContainText('Server 1 crashed.');
  await expect(page.getByTestId('counter-sessions-lost')).toHaveText('0');
  await expect(page.getByTestId('counter-requests-ok')).not.toHaveText('0');
});

test('controls act through commands', async ({ page }) => {
  await advance(page, 1000);
  const sticky = page.getByRole('switch', { name: 'Sticky sessions' });
  await expect(sticky).toHaveAttribute('aria-checked', 'true');
  await sticky.click();
  await waitForSnapshot(page, (s) => s.sticky === 'none', 'stickiness off');
  await expect(sticky).toHaveAttribute('aria-checked', 'false');

  await page.getByLabel('Stickiness method').selectOption('consistent-hash');
  await sticky.click();
  await waitForSnapshot(page, (s) => s.sticky === 'consistent-hash', 'consistent hashing');

  await page.getByLabel('Load balancer algorithm').selectOption('least-connections');
  await waitForSnapshot(page, (s) => s.algorithm === 'least-connections', 'the algorithm');

  await page.getByRole('button', { name: 'Add server', exact: true }).click();
  await waitForSnapshot(page, (s) => s.servers.length === 4, 'a fourth server');

  const users = page.getByRole('spinbutton', { name: 'Users' });
  await users.fill('200');
  await users.press('Enter');
  await waitForSnapshot(page, (s) => s.users.target === 200, '200 users');
  await page.getByRole('button', { name: 'Traffic spike' }).click();
  await waitForSnapshot(page, (s) => s.users.target === 2000, 'the spike');

  // The speed slider is logarithmic and shows the factor; a run starts at real time.
  const speed = page.getByRole('slider', { name: 'Speed' });
  await expect(speed).toHaveAttribute('aria-valuetext', /^1× /);
  await speed.focus();
  await page.keyboard.press('End');
  await expect(speed).toHaveAttribute('aria-valuetext', /^20× /);

  // Every command so far is on the timeline; going back to 0 s replays from the start.
  const snap = await advance(page, 2000);
  expect(snap.liveCommands.map((c) => c.action)).toEqual([
    'set-sticky',
    'set-sticky',
    'set-algorithm',
    'add-server',
    'set-users',
    'set-users',
  ]);
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.focus();
  await page.keyboard.press('Home');
  await waitForSnapshot(page, (s) => s.tMs === 0, 'a seek to 0 s');

  // Reset with another seed reloads from 0 s without the commands.
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const reset = await waitForSnapshot(page, (s) => s.seed === 42, 'the new seed');
  expect(reset.liveCommands).toEqual([]);
  expect(reset.servers.length).toBe(3);
});

test('panels, timeline and header have no axe violations, in both themes', async ({ page }) => {
  await advance(page, 6000);
  await killServer(page, 1);
  await advance(page, 2000);
  const scan = () =>
    new AxeBuilder({ page })
      .include('.pg-side')
      .include('.timeline')
      .include('.app-header')
      .analyze();
  expect((await scan()).violations).toEqual([]);
  await page.getByRole('switch', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await scan()).violations).toEqual([]);
});

test('request dots move while playing', async ({ page }) => {
  const canvas = page.getByRole('region', { name: 'System picture' }).locator('canvas');
  test.skip((await canvas.count()) === 0, 'TopologyView (with the dot canvas) is not mounted');
  await advance(page, 3000);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await snapshot(page)).tMs).toBeGreaterThan(3000);
  // The canvas's own pixels (not a page screenshot, which would also catch node text changing).
  const pixels = () => canvas.first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const blank = await canvas.first().evaluate((c: HTMLCanvasElement) => {
    const empty = document.createElement('canvas');
    empty.width = c.width;
    empty.height = c.height;
    return empty.toDataURL();
  });
  const first = await pixels();
  await page.waitForTimeout(400); // wall time on purpose: the dots animate in wall time
  const second = await pixels();
  expect(first).not.toBe(second);
  expect(second).not.toBe(blank);
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 800, height: 600 },
]) {
  test(`layout at ${size.width}×${size.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    // Small steps, so the charts have a history to draw.
    for (let i = 0; i < 16; i++) await advance(page, 500);
    await killServer(page, 2);
    for (let i = 0; i < 8; i++) await advance(page, 500);
    await expect(page.getByTestId('event-log')).toContainText('Server 2 crashed.');

    // The picture is on screen, nothing overflows sideways.
    const stage = page.getByRole('region', { name: 'System picture' });
    const box = (await stage.boundingBox())!;
    expect(box.y).toBeLessThan(size.height * 0.2);
    expect(box.height).toBeGreaterThan(size.height * 0.25);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

    const dir = path.join(testInfo.project.testDir, 'screenshots');
    await page.screenshot({ path: path.join(dir, `playground-${size.width}x${size.height}.png`) });
    if (size.width === 1280) {
      // The lower panels of the side column, scrolled into view.
      await page.getByRole('heading', { name: 'What happened' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(dir, 'playground-1280x800-panels.png') });
      await page.getByRole('switch', { name: 'Dark theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.screenshot({
        path: path.join(dir, `playground-${size.width}x${size.height}-dark.png`),
      });
    }
  });
}
