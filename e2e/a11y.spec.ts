// Accessibility (WCAG 2.2 AA): axe-core reports nothing on any screen, every lesson step,
// compare mode, the embed view and the dialogs, in light and dark themes; everything can be
// reached by keyboard with a visible focus that is never hidden and never trapped; the `?`
// shortcuts dialog; the polite live region; text alternatives for nodes and charts; and the
// reduced-motion view (no moving dots, rates on the arrows instead), by system setting or by
// the switch. Screenshots of the reduced-motion view and the shortcuts dialog are saved in
// e2e/screenshots/.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/catalog.ts';
import { playSteps } from './support/lesson-driver';
import { watchPageHealth, type PageHealth } from './support/page-health';
import { act, advance, snapshot, waitForSim, waitForSnapshot } from './support/sim-hook';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 adds target size), plus axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let health: PageHealth;
test.beforeEach(({ page }) => {
  // axe takes a second or two per scan on a shared 2-core machine; most tests scan a few.
  test.setTimeout(120_000);
  health = watchPageHealth(page);
});
test.afterEach(() => {
  expect(health.consoleErrors).toEqual([]);
});

/** Runs axe on the whole page and fails with a readable list of what it found. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.flatMap((v) =>
    v.nodes.slice(0, 3).map((n) => `${where}: ${v.id} (${v.impact}) ${n.target.join(' ')}`),
  );
  expect(found, `axe on ${where}`).toEqual([]);
}

const themeSwitch = (page: Page) => page.getByRole('switch', { name: 'Dark theme' });

/** Flips the header's theme switch and waits for it to apply. */
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const sw = themeSwitch(page);
  if ((await sw.getAttribute('aria-checked')) !== String(theme === 'dark')) await sw.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function bothThemes(page: Page, where: string): Promise<void> {
  await setTheme(page, 'light');
  await expectNoViolations(page, `${where} (light)`);
  await setTheme(page, 'dark');
  await expectNoViolations(page, `${where} (dark)`);
  await setTheme(page, 'light');
}

// ---------------------------------------------------------------------------------------
// axe on every screen

test('playground: no violations, before and after a crash, in both themes', async ({ page }) => {
  await page.goto('/?preset=playground');
  await waitForSim(page);
  await advance(page, 4000);
  await bothThemes(page, 'playground');
  await act(page, { action: 'kill-server', server: 1 });
  await advance(page, 3000);
  await bothThemes(page, 'playground after a crash');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await bothThemes(page, 'playground, reduced motion');
});

test('playground with the chat workload, after a crash, in both themes', async ({ page }) => {
  await page.goto('/?preset=chat-server-memory');
  await waitForSim(page);
  await advance(page, 62_000);
  await expect(page.getByTestId('chat-strip')).toBeVisible();
  await bothThemes(page, 'playground chat');
});

test('a small window with many servers: targets stay at least 24 px', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/?preset=playground');
  await waitForSim(page);
  await act(page, { action: 'add-server', count: 7 });
  await advance(page, 6000);
  await bothThemes(page, 'playground at 800×600 with 10 servers');
});

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id}: every step, both themes`, async ({ page }) => {
    test.setTimeout(60_000 + lesson.steps.length * 20_000);
    await page.goto(`/?lesson=${lesson.id}`);
    for (let i = 0; i < lesson.steps.length; i++) {
      if (i > 0) {
        // The embed API's go-to-step command, performed in-page: opens the step without
        // reloading.
        await page.evaluate(
          (step) => window.__statecraftTest!.perform('go-to-step', { step }),
          i + 1,
        );
      }
      await expect(page.getByText(`Step ${i + 1} of ${lesson.steps.length}`)).toBeVisible();
      await expect(page.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
      await advance(page, 1500);
      await bothThemes(page, `${lesson.id} step ${i + 1}`);
    }
  });
}

test('lesson list and a completed lesson', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?mode=lessons');
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
  await bothThemes(page, 'lesson list');
  const pizza = LESSONS.find((l) => l.id === 'pizza')!;
  // Reaching the end with steps skipped: the card lists the steps still to do.
  await page.goto(`/?lesson=pizza&step=${pizza.steps.length}`);
  await playSteps(page, pizza, pizza.steps.length - 1, pizza.steps.length);
  await expect(page.getByRole('heading', { name: 'Almost there' })).toBeVisible();
  await bothThemes(page, 'lesson reached with steps skipped');
  // Every step done: complete, with the score.
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await playSteps(page, pizza, 0, pizza.steps.length);
  await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
  await bothThemes(page, 'lesson complete');
});

test('compare mode', async ({ page }) => {
  await page.goto('/?mode=compare');
  await expect(page.getByRole('main')).toBeVisible();
  test.skip(
    (await page.getByText(/Unknown mode/).count()) > 0,
    'compare mode does not exist in this build',
  );
  await page.waitForFunction(
    () => !!(window as { __statecraftCompare?: { ready(): boolean } }).__statecraftCompare?.ready(),
  );
  await page.waitForTimeout(500);
  await bothThemes(page, 'compare');
});

test('compare mode on a phone: the tab strip and the shown pane, in both themes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone the theme switch sits in the Display menu: the link sets the theme instead.
  for (const theme of ['light', 'dark'] as const) {
    await page.goto(`/?mode=compare&theme=${theme}`);
    await page.waitForFunction(
      () =>
        !!(window as { __statecraftCompare?: { ready(): boolean } }).__statecraftCompare?.ready(),
    );
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByRole('tab')).toHaveCount(3);
    await page.getByRole('tab').nth(2).click();
    await expect(page.getByRole('tab').nth(2)).toHaveAttribute('aria-selected', 'true');
    await expectNoViolations(page, `compare on a phone (${theme})`);
  }
});

test('embed view: playground and lesson at 800×600', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  for (const theme of ['light', 'dark'] as const) {
    await page.goto(`/?preset=sticky-crash&embed=1&theme=${theme}`);
    await waitForSim(page);
    await advance(page, 3000);
    await expectNoViolations(page, `embedded playground (${theme})`);
    await page.goto(`/?lesson=pizza&step=2&embed=1&theme=${theme}`);
    await expect(page.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
    await advance(page, 1000);
    await expectNoViolations(page, `embedded lesson (${theme})`);
  }
});

test('the Embed and shortcuts dialogs, in both themes', async ({ page }, testInfo) => {
  await page.goto('/?preset=playground');
  await waitForSim(page);
  await advance(page, 2000);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Embed in a course page' })).toBeVisible();
    await expectNoViolations(page, `Embed dialog (${theme})`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expectNoViolations(page, `shortcuts dialog (${theme})`);
    if (theme === 'light') {
      await page.screenshot({
        path: path.join(testInfo.project.testDir, 'screenshots', 'a11y-shortcuts-dialog.png'),
      });
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  }
});

// ---------------------------------------------------------------------------------------
// Keyboard

interface FocusStop {
  name: string;
  /** Something draws the focus: an outline of at least 2 px or a box shadow. */
  indicated: boolean;
  /** The element is on screen and on top at one of five points inside it. */
  onTop: boolean;
}

/** Presses Tab until focus comes back round; returns every stop. Fails if it never does. */
async function tabCycle(page: Page, maxStops = 250): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
  });
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  let first: string | null = null;
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const id = el.dataset.focusProbe ?? String(Math.random());
      el.dataset.focusProbe = id;
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const indicated = outline || cs.boxShadow !== 'none';
      const r = el.getBoundingClientRect();
      const points: [number, number][] = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 2, r.top + 2],
        [r.right - 2, r.top + 2],
        [r.left + 2, r.bottom - 2],
        [r.right - 2, r.bottom - 2],
      ];
      const onTop = points.some(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
      });
      const name = (
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        el.tagName
      )
        .trim()
        .slice(0, 50);
      return { id, name: `${el.tagName.toLowerCase()} "${name}"`, indicated, onTop };
    });
    if (stop === null) {
      if (first !== null) return stops; // back to the page itself: one full round
      continue;
    }
    if (first === null) first = stop.id;
    else if (stop.id === first) return stops;
    if (seen.has(stop.id)) continue;
    seen.add(stop.id);
    stops.push({ name: stop.name, indicated: stop.indicated, onTop: stop.onTop });
  }
  throw new Error(`Focus did not come round in ${maxStops} Tab presses (a trap?)`);
}

function expectGoodFocus(stops: FocusStop[], where: string): void {
  expect(stops.length, `${where}: focusable controls`).toBeGreaterThan(5);
  expect(
    stops.filter((s) => !s.indicated).map((s) => s.name),
    `${where}: focus without a visible indicator`,
  ).toEqual([]);
  expect(
    stops.filter((s) => !s.onTop).map((s) => s.name),
    `${where}: focus hidden under something`,
  ).toEqual([]);
}

for (const [where, url] of [
  ['playground', '/?preset=sticky-crash'],
  ['lesson', '/?lesson=shopping-cart&step=2'],
  ['embedded playground', '/?preset=playground&embed=1'],
  ['compare', '/?mode=compare'],
] as const) {
  test(`keyboard: every stop has a visible, unhidden focus and Tab comes round (${where})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    await expect(page.getByRole('main')).toBeVisible();
    if (where === 'compare') {
      test.skip((await page.getByText(/Unknown mode/).count()) > 0, 'no compare mode here');
      await page.waitForTimeout(1000);
    } else {
      await waitForSim(page);
      await advance(page, 3000);
    }
    expectGoodFocus(await tabCycle(page), where);
  });
}

test('keyboard: the `?` dialog lists the shortcuts; P, S and M work; they can be turned off', async ({
  page,
}) => {
  await page.goto('/?preset=playground');
  await waitForSim(page);
  await advance(page, 1000);
  const before = await snapshot(page);

  // P plays, P again pauses.
  await page.keyboard.press('p');
  await expect.poll(async () => (await snapshot(page)).tMs).toBeGreaterThan(before.tMs);
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // S processes one event.
  const paused = await snapshot(page);
  await page.keyboard.press('s');
  await waitForSnapshot(
    page,
    (s) => s.outcome.eventsProcessed === paused.outcome.eventsProcessed + 1,
    'one more event',
  );
  // M switches reduced motion.
  const motion = page.getByRole('switch', { name: 'Reduce motion' });
  const wasReduced = (await motion.getAttribute('aria-checked')) === 'true';
  await page.keyboard.press('m');
  await expect(motion).toHaveAttribute('aria-checked', String(!wasReduced));
  await page.keyboard.press('m');
  await expect(motion).toHaveAttribute('aria-checked', String(wasReduced));

  // Keys typed into a field are the field's.
  const users = page.getByRole('spinbutton', { name: 'Users' });
  await users.focus();
  await page.keyboard.press('m');
  await expect(motion).toHaveAttribute('aria-checked', String(wasReduced));

  // `?` opens the dialog; focus is inside, Tab stays inside, Esc closes and focus returns.
  await page.getByRole('heading', { name: 'What came of it' }).click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'Play or pause the simulation' })).toBeVisible();
  // Tab never reaches the page behind the modal dialog (it may pass through the browser's own
  // controls, which is not a trap: the next Tab comes back into the dialog).
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const where = await dialog.evaluate((d) =>
      d.contains(document.activeElement)
        ? 'dialog'
        : document.activeElement === document.body
          ? 'browser'
          : 'page',
    );
    expect(where).not.toBe('page');
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The header button opens it too, and focus goes back to the button on close.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  // Turn single-key shortcuts off: `?` and `m` then do nothing.
  await dialog.getByRole('checkbox', { name: /Single-key shortcuts/ }).uncheck();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.getByRole('heading', { name: 'What came of it' }).click();
  await page.keyboard.press('?');
  await page.keyboard.press('m');
  await expect(dialog).toHaveCount(0);
  await expect(motion).toHaveAttribute('aria-checked', String(wasReduced));
  // … and the setting is remembered.
  await page.reload();
  await waitForSim(page);
  await page.keyboard.press('?');
  await expect(dialog).toHaveCount(0);
});

// ---------------------------------------------------------------------------------------
// Screen readers

test('narration: important events go to a polite live region, a few at a time', async ({
  page,
}) => {
  await page.goto('/?preset=playground');
  await waitForSim(page);
  await advance(page, 4000);
  const region = page.getByTestId('announcer');
  await expect(region).toHaveAttribute('role', 'status');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  // A burst of crashes is one announcement, not three.
  await act(page, { action: 'kill-server', server: 1 });
  await act(page, { action: 'kill-server', server: 2 });
  await act(page, { action: 'kill-server', server: 3 });
  await advance(page, 500);
  await expect(region).toContainText('crashed');
  const first = await region.textContent();
  expect(first!.length).toBeLessThan(300);
  // At most one announcement every two seconds of wall time.
  const changes = await region.evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        let n = 0;
        const mo = new MutationObserver(() => n++);
        mo.observe(el, { childList: true, characterData: true, subtree: true });
        setTimeout(() => {
          mo.disconnect();
          resolve(n);
        }, 1500);
      }),
  );
  expect(changes).toBeLessThanOrEqual(1);
});

test('narration in lessons too', async ({ page }) => {
  await page.goto('/?lesson=pizza&step=3');
  await expect(page.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('announcer')).toHaveAttribute('aria-live', 'polite');
});

test('nodes and charts have text: status and sessions are readable without the picture', async ({
  page,
}) => {
  await page.goto('/?preset=playground');
  await waitForSim(page);
  const snap = await advance(page, 5000);
  const withSessions = snap.servers.find((s) => s.sessionCount > 0)!;
  const server = page.getByRole('group', { name: `Server ${withSessions.id}: up` });
  await expect(server).toBeVisible();
  await expect(server).toContainText(new RegExp(`${withSessions.sessionCount} sessions?`));
  // Whose sessions live there, by name.
  const named = snap.users.named.filter((u) => u.home === withSessions.id);
  for (const u of named.slice(0, 2)) {
    await expect(server.getByRole('button', { name: `${u.name}'s session` })).toBeVisible();
  }
  await act(page, { action: 'kill-server', server: withSessions.id });
  await advance(page, 500);
  await expect(page.getByRole('group', { name: `Server ${withSessions.id}: down` })).toBeVisible();
  // Charts are images with a summary in words and numbers.
  const charts = page.getByRole('img').filter({ has: page.locator('svg') });
  const labels = await page
    .locator('[role="img"][aria-label]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.some((l) => /\d/.test(l))).toBe(true);
  void charts;
  // The request dots are decoration for the eye: the canvas is hidden from screen readers.
  await expect(page.locator('canvas.topo-dots')).toHaveAttribute('aria-hidden', 'true');
});

// ---------------------------------------------------------------------------------------
// Reduced motion

/**
 * Distinct canvas pictures in `n` samples, `everyMs` of page time apart. The page's clock is
 * Playwright's (installed by the test), so animation frames run only when the test moves it:
 * the count depends on how much page time passed, never on how busy the machine is.
 */
async function distinctFrames(page: Page, n: number, everyMs: number): Promise<number> {
  const canvas = page.locator('canvas.topo-dots').first();
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    seen.add(await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL()));
    await page.clock.runFor(everyMs);
  }
  return seen.size;
}

test('reduced motion: no moving dots, rates on the arrows; by system setting or switch', async ({
  page,
}, testInfo) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.install();
  await page.goto('/?preset=playground');
  await page.clock.runFor(100);
  await waitForSim(page);
  const motion = page.getByRole('switch', { name: 'Reduce motion' });
  await expect(motion).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
  await advance(page, 5000);
  await page.evaluate(() => window.__statecraftTest!.play(0.5));
  await page.clock.runFor(1200);
  // Rates are recounted twice a second of page time; between recounts nothing moves. Eight
  // looks 80 ms apart span at most two recounts, and a named user's mark may move when the
  // engine's next frame brings a new request of theirs (those arrive in real time, outside the
  // test's clock): at most four pictures, where travelling dots would give eight.
  expect(await distinctFrames(page, 8, 80)).toBeLessThanOrEqual(4);
  await expect(page.getByTestId('event-log')).not.toBeEmpty();
  await page.screenshot({
    path: path.join(testInfo.project.testDir, 'screenshots', 'a11y-reduced-motion.png'),
  });

  // The switch overrides the system setting, both ways, and is remembered.
  await motion.click();
  await expect(motion).toHaveAttribute('aria-checked', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'full');
  await page.clock.runFor(300);
  expect(await distinctFrames(page, 4, 80)).toBeGreaterThan(2);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await motion.click();
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
  await page.reload();
  await waitForSim(page);
  await expect(page.getByRole('switch', { name: 'Reduce motion' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // Anything that moves can be paused: the booting spinner holds still while paused.
  await advance(page, 1000);
  await expect(page.locator('.topo-root')).toHaveAttribute('data-playing', 'false');
});
