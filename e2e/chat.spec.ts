// The chat workload in the playground and in its lesson: pick it, watch connections stay on
// their server, kill one, see the apps not notice at first, reconnect, and messages lost with
// presence in server memory but none with presence and queues in the store.
import { expect, test } from '@playwright/test';
import { watchPageHealth, type PageHealth } from './support/page-health';
import { advance, waitForSim, waitForSnapshot } from './support/sim-hook';

let health: PageHealth;

test.beforeEach(({ page }) => {
  health = watchPageHealth(page);
});

test.afterEach(() => {
  expect(health.consoleErrors).toEqual([]);
});

test('the playground runs the chat workload and shows its counters', async ({ page }) => {
  await page.goto('/?preset=playground');
  await waitForSim(page);
  await page.getByTestId('workload-select').selectOption('chat');
  let snap = await waitForSnapshot(page, (s) => s.outcome.chat !== null, 'the chat workload');
  expect(snap.name).toBe('chat-server-memory');
  await expect(page.getByTestId('chat-counters')).toBeVisible();
  // With presence in server memory the store only relays messages between servers.
  await expect(page.getByTestId('store-chat-figures')).toHaveText('Pub/sub only');

  snap = await advance(page, 61_000 - snap.tMs);
  expect(snap.outcome.chat!.connections.halfOpen).toBe(40);
  await expect(page.getByTestId('chat-half-open')).toContainText('40');

  snap = await advance(page, 50_000);
  const chat = snap.outcome.chat!;
  expect(chat.reconnects.total).toBe(40);
  expect(chat.messages.lost).toBeGreaterThan(0);
  await expect(page.getByTestId('chat-reconnects')).toContainText('40');
  await expect(page.getByTestId('chat-per-server')).toContainText('2: 0');

  // The same run with presence and queues in the store loses nothing.
  await page.getByLabel('Architecture').selectOption('session-store');
  snap = await waitForSnapshot(
    page,
    (s) => s.architecture === 'session-store' && s.outcome.chat?.state === 'shared-store',
    'the shared-store chat run',
  );
  // While the apps are connected the store box lists them in its presence map.
  snap = await advance(page, Math.max(1_000, 10_000 - snap.tMs));
  const kept = snap.store.chat!;
  expect(kept.online).toBe(snap.outcome.chat!.connections.open);
  expect(kept.online).toBeGreaterThan(0);
  await expect(page.getByTestId('store-chat-figures')).toHaveText(
    `${kept.online} online · ${kept.queued} queued`,
  );
  snap = await advance(page, 111_000 - snap.tMs);
  expect(snap.outcome.chat!.reconnects.total).toBe(40);
  expect(snap.outcome.chat!.messages.lost).toBe(0);
  expect(snap.outcome.chat!.messages.everQueued).toBeGreaterThan(0);
  await expect(page.getByTestId('chat-lost')).toHaveText('0');
  // The requests the apps sent, as the run counts them.
  await expect(page.getByTestId('chat-requests')).toContainText(
    snap.outcome.chat!.requests.total.toLocaleString('en'),
  );
});

test('a chat run in the playground is told in chat words, a shop run in shop words', async ({
  page,
}) => {
  await page.goto('/?preset=chat-shared-store');
  await waitForSim(page);
  await waitForSnapshot(page, (s) => s.outcome.chat !== null, 'the chat workload');
  const users = page.locator('.topo-users .topo-title');
  const store = page.locator('.topo-store .topo-title');
  await expect(users).toHaveText('Apps');
  await expect(store).toHaveText('Shared store');
  await expect(page.locator('.topo-server').first()).not.toContainText('session');
  // No carts or checkouts in a chat run: the key counters are its connections and messages.
  const strip = page.getByTestId('outcome-strip');
  await expect(strip).toContainText('Messages delivered');
  await expect(strip).not.toContainText('Checkouts');
  const intro = page.locator('.intro');
  await expect(intro).toContainText('A chat service');
  await page.getByTestId('workload-select').selectOption('shop');
  await waitForSnapshot(page, (s) => s.outcome.chat === null, 'the shop workload');
  await expect(users).toHaveText('Users');
  await expect(intro).toContainText('what is in your cart');
  await expect(strip).toContainText('Checkouts');
});

test('the real-time chat lesson shows the chat counters', async ({ page }) => {
  await page.goto('/?lesson=realtime-chat&step=2');
  await waitForSim(page);
  await expect(page.getByText('Connections open')).toBeVisible();
  await expect(page.getByText('Dead, not noticed yet')).toBeVisible();
});

test('on a phone each chat server box still says how many connections it holds', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?lesson=realtime-chat&step=2');
  await waitForSim(page);
  const snap = await waitForSnapshot(
    page,
    (s) => (s.outcome.chat?.connections.open ?? 0) > 0,
    'open connections',
  );
  const counts = page.locator('.topo-server .topo-chat-count');
  await expect(counts).toHaveCount(snap.servers.length);
  await expect(counts.first()).toHaveText(/^\d+ connections?$/);
});
