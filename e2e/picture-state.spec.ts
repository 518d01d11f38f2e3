// State drawn where it lives: a crash kills its sessions visibly in the box that held them,
// a chip's cart shows on hover and focus (the followed user's without a click), and the
// reduced-motion view still tells which server a followed user's requests go to.
import { expect, test } from '@playwright/test';
import { act, advance, waitForSim } from './support/sim-hook';
import { watchPageHealth } from './support/page-health';

test('a crash leaves dead chips and "N sessions lost" on the server that crashed', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=playground');
  await waitForSim(page);
  const before = await advance(page, 4000);
  const held = before.servers.find((s) => s.id === 1)!.sessionCount;
  expect(held).toBeGreaterThan(0);
  await act(page, { action: 'kill-server', server: 1 });
  await advance(page, 200);
  const server = page.locator('.react-flow__node[data-id="server-1"]');
  await expect(server.locator('.topo-loss-note')).toHaveText(`✕ ${held} sessions lost`);
  await expect(server.locator('.topo-chip.is-dying').first()).toBeVisible();
  // The other servers lost nothing and say nothing.
  await expect(page.locator('.react-flow__node[data-id="server-2"] .topo-loss-note')).toHaveCount(
    0,
  );
  expect(health.consoleErrors).toEqual([]);
});

test('a chip shows its cart on hover and on focus; the followed user’s without a click', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=playground');
  await waitForSim(page);
  const snap = await advance(page, 4000);
  const chip = page.locator('.react-flow__node[data-id="server-1"] .topo-chip').first();
  await chip.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toHaveCount(1);
  await expect(tip).toContainText(/cart \(\d+\): .+ — lives on server 1/);
  await expect(chip).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  await chip.focus();
  await expect(page.getByRole('tooltip')).toContainText('lives on server 1');
  await chip.blur();

  const resident = snap.users.named.find((u) => typeof u.home === 'number')!;
  await page.getByLabel('Follow a user').selectOption(String(resident.idx));
  const followed = page.locator(
    `.react-flow__node[data-id="server-${resident.home}"] .topo-chip.is-followed`,
  );
  await expect(followed).toHaveAttribute('aria-describedby', /.+/);
  const tipId = (await followed.getAttribute('aria-describedby'))!;
  await expect(page.locator(`[id="${tipId}"]`)).toContainText(
    `${resident.name}'s cart (${resident.cart.length})`,
  );
  expect(health.consoleErrors).toEqual([]);
});

test('with reduced motion, the followed user’s server is marked on the link they use', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?preset=playground');
  await waitForSim(page);
  const snap = await advance(page, 4000);
  const resident = snap.users.named.find((u) => typeof u.home === 'number')!;
  await page.getByLabel('Follow a user').selectOption(String(resident.idx));
  await advance(page, 6000);
  // Sticky sessions: the latest request went to the server holding the session.
  await expect(page.locator('canvas.topo-dots')).toHaveAttribute(
    'data-latest-links',
    new RegExp(`(^| )${resident.name}:1-${3 + (resident.home as number)}( |$)`),
  );
  expect(health.consoleErrors).toEqual([]);
});
