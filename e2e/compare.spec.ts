// Compare mode: two or three architectures, the same seeded traffic and faults, panes in
// lock-step. A kill given once happens in every pane at the same simulated moment, and only
// the pane that keeps sessions in server memory loses them. Also: bad link values, embed
// chrome, the way in from the playground, accessibility, layout, and the 2-pane frame rate.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Action, Scenario } from '../src/sim/index.ts';
import type { Snapshot } from '../src/protocol/snapshot.ts';
import type { CompareTestHook } from '../src/ui/compare/compareTestHookTypes.ts';
import { watchPageHealth, type PageHealth } from './support/page-health';

type HookWindow = Window & { __statecraftCompare?: CompareTestHook };

const ALL3 = '/?mode=compare&archs=in-memory,session-store,jwt&preset=playground&seed=7';
const PANES = ['In memory + sticky pane', 'Session store pane', 'JWT pane'];

let health: PageHealth;

test.beforeEach(({ page }) => {
  health = watchPageHealth(page);
});

test.afterEach(() => {
  expect(health.consoleErrors).toEqual([]);
});

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => !!(window as HookWindow).__statecraftCompare?.ready());
}

function advance(page: Page, ms: number): Promise<Snapshot[]> {
  return page.evaluate((n) => (window as HookWindow).__statecraftCompare!.advance(n), ms);
}

function act(page: Page, action: Action): Promise<Snapshot[]> {
  return page.evaluate((a) => (window as HookWindow).__statecraftCompare!.act(a), action);
}

function snapshots(page: Page): Promise<Snapshot[]> {
  return page.evaluate(() => (window as HookWindow).__statecraftCompare!.snapshots() as Snapshot[]);
}

async function paneCounter(page: Page, pane: string, key: string): Promise<number> {
  const text = await page
    .getByRole('region', { name: pane })
    .getByTestId(`pane-${key}`)
    .textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

test('a kill injected once happens in every pane; only the in-memory pane loses sessions', async ({
  page,
}) => {
  await open(page, ALL3);
  // The comparison starts playing; `advance` pauses it first, wherever it had got to.
  let snaps = await advance(page, 6000);
  const killAt = snaps[0]!.tMs;
  expect(killAt).toBeGreaterThanOrEqual(6000);
  expect(snaps.map((s) => s.architecture)).toEqual(['in-memory', 'session-store', 'jwt']);
  expect(snaps.map((s) => s.seed)).toEqual([7, 7, 7]);

  await page.getByRole('combobox', { name: 'Server' }).selectOption('1');
  await page.getByRole('button', { name: 'Kill server 1 in every pane' }).click();
  await expect(page.getByTestId('compare-announce')).toHaveText(
    `Server 1 killed in every pane at ${(killAt / 1000).toFixed(1)} s.`,
  );
  snaps = await advance(page, 4000);

  // Same moment everywhere: the kill is stamped at the same simulated ms in every pane.
  for (const s of snaps) {
    expect(s.tMs).toBe(killAt + 4000);
    expect(s.liveCommands).toEqual([
      expect.objectContaining({ action: 'kill-server', server: 1, atMs: killAt }),
    ]);
    expect(s.servers.find((x) => x.id === 1)!.status).toBe('down');
  }
  expect(snaps[0]!.outcome.sessions.lost).toBeGreaterThan(0);
  expect(snaps[1]!.outcome.sessions.lost).toBe(0);
  expect(snaps[2]!.outcome.sessions.lost).toBe(0);

  // And the page says so, pane by pane.
  await expect.poll(() => paneCounter(page, PANES[0]!, 'sessions-lost')).toBeGreaterThan(0);
  expect(await paneCounter(page, PANES[1]!, 'sessions-lost')).toBe(0);
  expect(await paneCounter(page, PANES[2]!, 'sessions-lost')).toBe(0);
  const row = page.getByRole('row', { name: /^Sessions lost/ });
  await expect(row.getByRole('cell').filter({ hasText: '✓ best' })).toHaveCount(2);
  await expect(row).toContainText('In memory a session lives on one server only');
});

test('a Kill button on a node inside one pane acts in every pane', async ({ page }) => {
  await open(page, '/?mode=compare&archs=in-memory,jwt&preset=playground');
  await advance(page, 2000);
  await page
    .getByRole('region', { name: 'JWT pane' })
    .getByRole('button', { name: 'Kill server 2', exact: true })
    .click();
  await expect
    .poll(async () => (await snapshots(page)).map((s) => s.servers.find((x) => x.id === 2)!.status))
    .toEqual(['down', 'down']);
  const snaps = await advance(page, 1000);
  expect(snaps[0]!.liveCommands[0]!.atMs).toBe(snaps[1]!.liveCommands[0]!.atMs);
});

test('Copy link and the Embed snippet carry a kill: opening the link replays the same run', async ({
  page,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, ALL3);
  const killAt = (await advance(page, 4000))[0]!.tMs;
  await page.getByRole('combobox', { name: 'Server' }).selectOption('2');
  await page.getByRole('button', { name: 'Kill server 2 in every pane' }).click();
  await expect(page.getByTestId('compare-announce')).toContainText('Server 2 killed');
  const target = (await advance(page, 5000))[0]!.tMs;
  // The outcomes side by side, at that moment (the table and the time it was taken at).
  const table = page.locator('.cmp-table-panel');
  await expect(table).toContainText(`After ${(target / 1000).toFixed(1)} s`);
  const before = await table.innerText();

  await page.getByRole('button', { name: 'Copy link to this comparison' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toContainText(
    'with the fault you gave',
  );
  const link = new URL(await page.getByLabel('Link to this comparison').inputValue());
  expect(link.searchParams.get('faults')).toBe(`${killAt}:kill-server:2`);

  // The Embed snippet is the same comparison, the kill included.
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a course page' });
  const html = await dialog.getByLabel('Snippet').inputValue();
  const src = new URL(/src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
  expect(src.searchParams.get('faults')).toBe(link.searchParams.get('faults'));
  expect(src.searchParams.get('embed')).toBe('1');

  // Opened, the link replays the kill at its moment: the same table at the same time.
  await open(page, link.pathname + link.search);
  const snaps = await page.evaluate(
    (t) => (window as HookWindow).__statecraftCompare!.seek(t),
    target,
  );
  for (const s of snaps) {
    expect(s.tMs).toBe(target);
    expect(s.liveCommands).toEqual([
      expect.objectContaining({ action: 'kill-server', server: 2, atMs: killAt }),
    ]);
  }
  await expect.poll(() => table.innerText()).toBe(before);

  // A link with a fault it cannot read says so and opens the comparison without faults.
  await open(page, `${ALL3}&faults=${encodeURIComponent(`${killAt}:kill-server:x`)}`);
  await expect(page.getByText("The link's fault 1 could not be read")).toBeVisible();
  expect((await snapshots(page))[0]!.liveCommands).toEqual([]);
});

test('shared controls drive every pane together', async ({ page }) => {
  await open(page, ALL3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const t0 = (await advance(page, 0))[0]!.tMs;
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect
    .poll(async () => (await snapshots(page)).map((s) => s.tMs))
    .toEqual([t0 + 100, t0 + 100, t0 + 100]);

  const speed = page.getByRole('slider', { name: 'Speed' });
  await speed.focus();
  await page.keyboard.press('End');
  await expect(speed).toHaveAttribute('aria-valuetext', /^20× /);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await snapshots(page))[0]!.tMs).toBeGreaterThan(t0 + 2000);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const paused = await advance(page, 0);
  expect(new Set(paused.map((s) => s.tMs)).size).toBe(1);
  expect(new Set(paused.map((s) => s.outcome.eventsProcessed)).size).toBe(3);

  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await snapshots(page)).map((s) => s.tMs)).toEqual([0, 0, 0]);
});

test('bad link values give a message and the defaults', async ({ page }) => {
  await open(page, '/?mode=compare&archs=jwt,bogus&preset=nope&seed=x');
  const notices = page.locator('.notices');
  await expect(notices).toContainText('Unknown preset "nope"');
  await expect(notices).toContainText('The archs must be two or three of');
  await expect(notices).toContainText('The seed must be a whole number');
  for (const name of PANES) await expect(page.getByRole('region', { name })).toBeVisible();
  const snaps = await snapshots(page);
  expect(snaps.map((s) => s.name)).toEqual(['first-crash', 'first-crash', 'first-crash']);
  // The address bar now holds the comparison actually shown.
  expect(new URL(page.url()).searchParams.get('archs')).toBe('in-memory,session-store,jwt');
});

test('embed=1 shows the comparison without the site chrome', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await open(page, '/?mode=compare&archs=in-memory,jwt&preset=sticky-crash&embed=1');
  await advance(page, 32_000);
  await page.screenshot({
    path: path.join(testInfo.project.testDir, 'screenshots', 'compare-embed-800x600.png'),
  });
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'In memory + sticky pane' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'JWT pane' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Session store pane' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy link to this comparison' })).toHaveCount(0);
});

test('the playground opens a comparison of its preset and seed', async ({ page }) => {
  await page.goto('/?preset=sticky-crash&seed=5');
  await page.getByRole('link', { name: 'Compare architectures' }).click();
  await page.waitForFunction(() => !!(window as HookWindow).__statecraftCompare?.ready());
  const q = new URL(page.url()).searchParams;
  expect(q.get('mode')).toBe('compare');
  expect(q.get('preset')).toBe('sticky-crash');
  expect(q.get('seed')).toBe('5');
  const snaps = await snapshots(page);
  expect(snaps.map((s) => s.seed)).toEqual([5, 5, 5]);
  await expect(page.getByRole('link', { name: 'Compare', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('no axe violations, in both themes', async ({ page }) => {
  await open(page, ALL3);
  await advance(page, 5000);
  await act(page, { action: 'kill-server', server: 1 });
  await advance(page, 3000);
  const scan = () =>
    new AxeBuilder({ page })
      .include('.app-header')
      .include('.cmp-top')
      .include('.cmp-controls')
      .include('.cmp-pane-head')
      .include('.cmp-counters')
      .include('.cmp-results')
      .analyze();
  expect((await scan()).violations).toEqual([]);
  await page.getByRole('switch', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await scan()).violations).toEqual([]);
});

/** Buttons, fields and checkbox labels above the panes smaller than 24×24 px, shown. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      ['button', 'select', "input:not([type='checkbox'])", 'label.check']
        .flatMap((t) => ['.cmp-top', '.cmp-controls', '.cmp-tabs'].map((w) => `${w} ${t}`))
        .join(', '),
    );
    return [...targets]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
      .map(({ el, box }) => `${el.textContent?.trim() || el.tagName} ${box.width}×${box.height}`);
  });
}

test('on a 390×844 phone the tab strip and the picture come first; setup and faults fold', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const url = '/?mode=compare&archs=in-memory,session-store,jwt&preset=sticky-crash&seed=7';
  const fold = page.getByRole('button', { name: /^Setup, speed and faults/ });
  const scenario = page.getByRole('combobox', { name: 'Scenario' });
  const sideways = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  // The theme switch sits in the Display menu on a phone: the link sets the theme.
  for (const theme of ['light', 'dark'] as const) {
    await open(page, `${url}&theme=${theme}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await advance(page, 33_000);
    // The first screen: the play controls and the timeline, the whole tab strip, and a good
    // part of the shown pane's picture (it is taller than what is left of the screen).
    const strip = (await page.getByRole('tablist', { name: 'Architecture shown' }).boundingBox())!;
    const panel = page.getByRole('tabpanel', { name: 'In memory + sticky pane' });
    const picture = (await panel.locator('.cmp-topology').boundingBox())!;
    expect(strip.y + strip.height, `${theme}: tab strip bottom`).toBeLessThanOrEqual(844);
    expect(picture.y, `${theme}: picture top`).toBeLessThanOrEqual(844 - 300);
    expect(picture.width, `${theme}: picture width`).toBeGreaterThanOrEqual(360);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeInViewport();
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeInViewport();
    // Folded by default, saying what is running: the scripted crash and the panes.
    await expect(fold).toHaveAttribute('aria-expanded', 'false');
    await expect(fold).toContainText(
      'Sticky sessions in memory, then server 1 crashes at 30 s · In memory + sticky vs Session store vs JWT',
    );
    await expect(scenario).toBeHidden();
    await expect(page.getByRole('button', { name: 'Kill server 1 in every pane' })).toBeHidden();
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    const scan = () =>
      new AxeBuilder({ page }).include('.cmp-top').include('.cmp-controls').include('.cmp-tabs');
    expect((await scan().analyze()).violations, `${theme}, folded`).toEqual([]);
    // Unfolded from the keyboard, everything is there, readable, and fits the width.
    await fold.focus();
    await page.keyboard.press('Enter');
    await expect(fold).toHaveAttribute('aria-expanded', 'true');
    await expect(fold).toBeFocused();
    await expect(scenario).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Speed' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kill server 2 in every pane' })).toBeVisible();
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    expect((await scan().analyze()).violations, `${theme}, unfolded`).toEqual([]);
  }

  // A fault given from the fold happens in every pane; what the learner picked there is kept
  // while the fold is shut, and the announcement stays in sight.
  await page.getByRole('combobox', { name: 'Server' }).selectOption('3');
  await page.getByRole('button', { name: 'Kill server 3 in every pane' }).click();
  await expect(page.getByTestId('compare-announce')).toContainText('Server 3 killed');
  await fold.focus();
  await page.keyboard.press('Space');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('compare-announce')).toBeInViewport();
  const snaps = await advance(page, 1000);
  for (const s of snaps) expect(s.servers.find((x) => x.id === 3)!.status).toBe('down');
  await fold.click();
  await expect(page.getByRole('combobox', { name: 'Server' })).toHaveValue('3');

  // A change of architectures made in the fold takes effect: two panes, two tabs, and the
  // folded line says so.
  await page.getByRole('checkbox', { name: 'JWT' }).uncheck();
  await expect(page.getByRole('tab')).toHaveCount(2);
  // The shown pane of two still takes the phone's width.
  const shown = page.getByRole('tabpanel', { name: 'In memory + sticky pane' });
  await expect.poll(async () => (await shown.boundingBox())?.width).toBeGreaterThanOrEqual(360);
  await expect(page.getByRole('tabpanel', { name: 'JWT pane', includeHidden: true })).toHaveCount(
    0,
  );
  await expect
    .poll(async () => (await snapshots(page)).map((s) => (s as Snapshot | null)?.architecture))
    .toEqual(['in-memory', 'session-store']);
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.click();
  await expect(fold).toContainText('· In memory + sticky vs Session store');
  await expect(fold).not.toContainText('JWT');
  expect(new URL(page.url()).searchParams.get('archs')).toBe('in-memory,session-store');

  // Wider than a phone nothing folds: the setup bar is above the panel as before.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(fold).toHaveCount(0);
  await expect(scenario).toBeVisible();
  await expect(page.getByRole('button', { name: /^Kill server \d+ in every pane$/ })).toBeVisible();
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 800, height: 600 },
]) {
  test(`layout at ${size.width}×${size.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await open(page, '/?mode=compare&archs=in-memory,session-store,jwt&preset=sticky-crash');
    for (let i = 0; i < 24; i++) await advance(page, 1500);
    await expect
      .poll(() => paneCounter(page, 'In memory + sticky pane', 'sessions-lost'))
      .toBeGreaterThan(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const name of PANES) {
      const box = (await page.getByRole('region', { name }).boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    }
    const dir = path.join(testInfo.project.testDir, 'screenshots');
    const file = (suffix: string) =>
      path.join(dir, `compare-${size.width}x${size.height}${suffix}.png`);
    await page.screenshot({ path: file('') });
    await page.evaluate(() =>
      document.querySelector('.cmp-results')!.scrollIntoView({ block: 'start' }),
    );
    await page.screenshot({ path: file('-table') });
    if (size.width === 1280) {
      await page.getByRole('switch', { name: 'Dark theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: file('-dark') });
      await page.evaluate(() =>
        document.querySelector('.cmp-results')!.scrollIntoView({ block: 'start' }),
      );
      await page.screenshot({ path: file('-table-dark') });
    }
  });
}

// Two panes, about a thousand requests in flight in each, playing: the animation frames.
const CROWD: Scenario = {
  version: 1,
  name: 'compare-crowd',
  seed: 7,
  durationS: 600,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'least-connections', sticky: 'cookie' },
  servers: { count: 16, workers: 16 },
  users: { count: 12_000, thinkTimeS: 1 },
};

test('two panes keep the frame rate with ~1,000 requests in flight each', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '/?mode=compare&archs=in-memory,session-store&preset=playground');
  await page.evaluate(async (s) => {
    const hook = (window as HookWindow).__statecraftCompare!;
    await hook.load(s);
    await hook.advance(5000);
    hook.play(0.1);
  }, CROWD);
  await page.waitForTimeout(1000); // wall time on purpose: the frames are what is measured
  const result = await page.evaluate(async () => {
    const hook = (window as HookWindow).__statecraftCompare!;
    const gaps: number[] = [];
    const inFlight: number[][] = [];
    let last = performance.now();
    const end = last + 5000;
    await new Promise<void>((done) => {
      const frame = (t: number) => {
        gaps.push(t - last);
        last = t;
        if (gaps.length % 30 === 0) inFlight.push(hook.visibleHops());
        if (t < end) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    return { gaps, inFlight, snaps: await hook.pause() };
  });
  const sorted = [...result.gaps].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const meanInFlight = result.inFlight[0]!.map(
    (_, i) => result.inFlight.reduce((a, f) => a + f[i]!, 0) / result.inFlight.length,
  );
  const figures = {
    frames: result.gaps.length,
    fps: Math.round((result.gaps.length / 5) * 10) / 10,
    p50Ms: Math.round(q(0.5) * 10) / 10,
    p95Ms: Math.round(q(0.95) * 10) / 10,
    maxMs: Math.round(sorted[sorted.length - 1]! * 10) / 10,
    dotsInFlightPerPane: meanInFlight.map(Math.round),
    requestsInFlightPerPane: result.snaps.map((s) => s.outcome.requests.inFlight),
  };
  console.log(`compare 2-pane frame rate: ${JSON.stringify(figures)}`);
  await test.info().attach('frame-rate.json', {
    body: JSON.stringify(figures, null, 2),
    contentType: 'application/json',
  });
  for (const n of figures.requestsInFlightPerPane) expect(n).toBeGreaterThan(800);
  // Frame times depend on what else the machine is doing, so they are recorded (above) and
  // only checked on request: STATECRAFT_FPS_CHECK=1 on a quiet machine.
  if (process.env.STATECRAFT_FPS_CHECK === '1') {
    expect(figures.p50Ms).toBeLessThan(17.5);
    expect(figures.p95Ms).toBeLessThan(34);
  }
});
