// Replays a link asks for are bounded by engine work (events and checkpoint copies), run in
// slices, show their progress and can be cancelled, on either engine (src/worker/replayCost.ts,
// src/worker/host.ts). The link below has no shop traffic at all, only a heavy chat workload,
// and asks for the end of an hour: a bound on requests alone let it replay for hours.
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { advance, snapshot } from './support/sim-hook';
import { watchPageHealth } from './support/page-health';

function runLink(body: unknown): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(body)));
  return `#run=${packed.toString('base64url')}`;
}

const HEAVY_CHAT = runLink({
  v: 1,
  s: {
    version: 1,
    name: 'chat flood',
    durationS: 3600,
    users: { count: 0 },
    chat: { clients: 10_000, messageIntervalS: 0.5 },
  },
  seed: 4,
  c: [[5000, 'kill-server', 1]],
  t: 3_600_000,
  x: 1,
});

/** Opens the link, checks the bound's message and the progress bar, and cancels. */
async function openAndCancel(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByText(/too heavy to replay to 3600 s here; it opens at/)).toBeVisible();
  const progress = page.getByTestId('replay-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('status')).toHaveText(/Replaying the run to \d+\.\d s/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(page.getByText(/Replay cancelled at [\d.]+ s of the run/)).toBeVisible();
}

test('a link beyond the replay bound says so, and Cancel leaves a working playground', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await openAndCancel(page, `/${HEAVY_CHAT}`);
  const stopped = await snapshot(page);
  expect(stopped.tMs).toBeLessThan(200_000);
  // The learner's command from the link is kept, and the run goes on from where it stopped.
  expect(stopped.liveCommands).toEqual([expect.objectContaining({ action: 'kill-server' })]);
  const later = await advance(page, 2000);
  expect(later.tMs).toBe(stopped.tMs + 2000);
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ }).first()).toBeEnabled();
  expect(health.consoleErrors).toEqual([]);
});

test('the in-thread engine replays in slices: the page draws progress while it runs', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto(`/?engine=in-thread${HEAVY_CHAT}`);
  const bar = page.getByRole('progressbar', { name: 'Replay progress' });
  await expect(bar).toBeVisible();
  // The page renders again and again during the replay (a frozen page would show one value).
  const first = Number(await bar.getAttribute('value'));
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(first);
  await page.getByTestId('replay-progress').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/Replay cancelled at/)).toBeVisible();
  const stopped = await snapshot(page);
  const later = await advance(page, 1000);
  expect(later.tMs).toBe(stopped.tMs + 1000);
  expect(health.consoleErrors).toEqual([]);
});
