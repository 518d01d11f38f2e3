// The picture tells the story: every hop is seen (short hops stretched in view time), the
// text is large enough to read, nothing overflows sideways, taps have room, and the first
// minute shows a crash and what it cost. Simulated time is moved with the test hook.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/catalog.ts';
import { act, advance, snapshot, waitForSim } from './support/sim-hook';
import { watchPageHealth } from './support/page-health';
import type { Snapshot } from '../src/protocol/snapshot.ts';

type HookWindow = Window & {
  __statecraftTest?: { drawnDots(): Record<string, number> };
};

/** Waits two animation frames, so the dot layer has drawn the latest simulated time. */
async function drawn(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve((window as HookWindow).__statecraftTest!.drawnDots()),
          ),
        ),
      ),
  );
}

/** Samples `frames` frames `stepMs` of simulated time apart; counts frames with dots per edge. */
async function sampleEdges(page: Page, frames: number, stepMs: number) {
  const seen = new Map<string, number>();
  for (let i = 0; i < frames; i++) {
    await advance(page, stepMs);
    const d = await drawn(page);
    for (const [edge, n] of Object.entries(d)) if (n > 0) seen.set(edge, (seen.get(edge) ?? 0) + 1);
  }
  return seen;
}

const SIZES = [
  { name: '1280×800', width: 1280, height: 800 },
  { name: '1920×1080', width: 1920, height: 1080 },
  { name: '390×844', width: 390, height: 844 },
] as const;

/** Panels, nodes, cards and the page itself whose content is wider than their box. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      out.push(`page ${doc.scrollWidth}>${doc.clientWidth}`);
    const boxes = document.querySelectorAll<HTMLElement>(
      '.panel, .react-flow__node, .react-flow__node *, .cmp-pane, .cmp-tabs, .cmp-table-wrap, .outcome-strip, .timeline, .app-header, .pg-stage, .pg-side, .lesson-player, table',
    );
    for (const el of boxes) {
      if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
      const cs = getComputedStyle(el);
      // Visually hidden text (kept for screen readers) is clipped on purpose.
      if (cs.clipPath.startsWith('inset(50%') || el.clientWidth <= 1) continue;
      const clipped = cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
      // A clipped box hides what does not fit; any box whose content is wider spills out.
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        (clipped || el.matches('.panel, .react-flow__node'))
      ) {
        const name = (el.className || el.tagName).toString().split(' ')[0];
        out.push(
          `${name} "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.scrollWidth}>${el.clientWidth}`,
        );
      }
    }
    return out;
  });
}

/** The smallest rendered text in the graph's nodes, in CSS px (font size × graph zoom). */
async function smallestNodeText(
  page: Page,
  within = 'body',
): Promise<{ px: number; text: string }> {
  return page.evaluate((root) => {
    let px = Infinity;
    let text = '';
    for (const vp of document.querySelectorAll<HTMLElement>(`${root} .react-flow__viewport`)) {
      const zoom = new DOMMatrixReadOnly(getComputedStyle(vp).transform).a;
      const walker = document.createTreeWalker(vp, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n.textContent?.trim();
        const el = n.parentElement;
        if (!t || !el || !el.closest('.react-flow__node')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || el.closest('[aria-hidden="true"]')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
        if (size < px) {
          px = size;
          text = t.slice(0, 30);
        }
      }
    }
    return { px, text };
  }, within);
}

test.describe('the dot layer shows every hop', () => {
  test('dots ride each LB → server link and the server → store link while requests flow there', async ({
    page,
  }) => {
    const health = watchPageHealth(page);
    await page.goto('/?preset=shared-store');
    await waitForSim(page);
    await advance(page, 5000);
    const frames = 60;
    const seen = await sampleEdges(page, frames, 50);
    const servers = (await snapshot(page)).servers.filter((s) => s.status === 'up');
    expect(servers.length).toBe(3);
    for (const s of servers) {
      // Edge names are "left-right" node numbers: LB 1, store 2, server k is 3 + k.
      const lb = seen.get(`1-${3 + s.id}`) ?? 0;
      const store = seen.get(`${3 + s.id}-2`) ?? 0;
      expect(lb, `frames with dots between the LB and server ${s.id}`).toBeGreaterThan(
        frames * 0.3,
      );
      expect(store, `frames with dots between server ${s.id} and the store`).toBeGreaterThan(
        frames * 0.3,
      );
    }
    expect(health.consoleErrors).toEqual([]);
  });
});

test.describe('sizes', () => {
  test('node text is at least 12 px at 1280×800 and tap targets at least 24 px on a phone', async ({
    page,
  }) => {
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/?preset=shared-store');
    await waitForSim(page);
    await advance(page, 3000);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const small = await smallestNodeText(page);
    expect(small.px, `smallest node text: "${small.text}"`).toBeGreaterThanOrEqual(11.95);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await waitForSim(page);
    await advance(page, 3000);
    // WCAG 2.5.8: a target is at least 24 × 24 px, or a 24 px circle on its centre touches
    // no other target (the spacing exception, which a grid of 20 px chips 24 px apart meets).
    const tiny = await page.evaluate(() => {
      const out: string[] = [];
      const sel = 'button, select, input:not([type="range"]), summary, [role="button"], .modes a';
      const rects: DOMRect[] = [];
      const els: HTMLElement[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(sel)) {
        // A checkbox inside its label: the label is the target.
        const target = el.matches('input') ? (el.closest('label') ?? el) : el;
        const r = target.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden')
          continue;
        rects.push(r);
        els.push(el);
      }
      const dist = (x: number, y: number, r: DOMRect): number =>
        Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
      rects.forEach((r, i) => {
        if (r.width >= 23.5 && r.height >= 23.5) return;
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const small = (o: DOMRect): boolean => o.width < 23.5 || o.height < 23.5;
        const crowded = rects.some(
          (o, j) =>
            j !== i &&
            (dist(cx, cy, o) < 11.5 ||
              (small(o) &&
                Math.hypot(o.left + o.width / 2 - cx, o.top + o.height / 2 - cy) < 23.5)),
        );
        if (!crowded) return;
        const el = els[i]!;
        const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20);
        out.push(`${el.tagName} "${label}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
      });
      return out;
    });
    expect(tiny).toEqual([]);
    // The legend and the zoom buttons share the picture's top edge: neither covers the other.
    const legend = await page.locator('.topo-legend').boundingBox();
    const zoom = await page.locator('.react-flow__controls').boundingBox();
    expect(legend && zoom).toBeTruthy();
    expect(legend!.x, 'legend starts right of the zoom buttons').toBeGreaterThanOrEqual(
      zoom!.x + zoom!.width,
    );
    expect(health.consoleErrors).toEqual([]);
  });

  test('node text is at least 10 px in a three-pane compare at 1280 px', async ({ page }) => {
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/?mode=compare');
    await page.waitForFunction(() => !!window.__statecraftCompare?.ready());
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect.poll(async () => (await smallestNodeText(page)).px).toBeGreaterThanOrEqual(9.95);
    expect(health.consoleErrors).toEqual([]);
  });

  test('compare on a 390×844 phone: one pane at a time by tabs, node text at least 10 px, nothing sideways, the runs in step', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?mode=compare&archs=in-memory,session-store,jwt&preset=sticky-crash&seed=7');
    await page.waitForFunction(() => !!window.__statecraftCompare?.ready());
    const tabs = page.getByRole('tablist', { name: 'Architecture shown' }).getByRole('tab');
    await expect(tabs).toHaveCount(3);
    // Past the scripted crash: only the in-memory run has lost sessions.
    let snaps: Snapshot[] = [];
    for (let i = 0; i < 20; i++)
      snaps = await page.evaluate(() => window.__statecraftCompare!.advance(1500));
    expect(new Set(snaps.map((s) => s.tMs)).size).toBe(1);
    expect(snaps[0]!.outcome.sessions.lost).toBeGreaterThan(0);
    const archs = ['in-memory', 'session-store', 'jwt'] as const;
    for (const [i, arch] of archs.entries()) {
      // Each tab carries its run's outcome at the shared time, whichever pane is shown.
      await expect(page.getByTestId(`tab-sessions-lost-${arch}`)).toHaveText(
        new RegExp(`${snaps[i]!.outcome.sessions.lost}$`),
      );
    }
    const names = ['In memory + sticky pane', 'Session store pane', 'JWT pane'];
    for (const [i, name] of names.entries()) {
      if (i > 0) {
        // The tabs pattern: arrow keys move the selection.
        await tabs.nth(i - 1).focus();
        await page.keyboard.press('ArrowRight');
      }
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      if (i > 0) await expect(tabs.nth(i)).toBeFocused();
      const panel = page.getByRole('tabpanel', { name });
      await expect(panel).toBeVisible();
      for (const other of names.filter((n) => n !== name))
        await expect(page.getByRole('tabpanel', { name: other, includeHidden: true })).toBeHidden();
      // The shown pane fills the width, and its picture reads.
      const box = (await panel.boundingBox())!;
      expect(box.width, `${name}: width`).toBeGreaterThanOrEqual(360);
      await expect
        .poll(async () => (await smallestNodeText(page, `#${await panel.getAttribute('id')}`)).px)
        .toBeGreaterThanOrEqual(9.95);
      // The counters under the picture agree with the tab's.
      expect(
        await panel.getByTestId('pane-sessions-lost').textContent(),
        `${name}: sessions lost`,
      ).toContain(String(snaps[i]!.outcome.sessions.lost));
      expect(await sidewaysOverflow(page)).toEqual([]);
    }
    // The tab strip stays in view while the learner scrolls down to the table.
    await page.getByTestId('compare-table').scrollIntoViewIfNeeded();
    await expect(page.getByRole('tablist', { name: 'Architecture shown' })).toBeInViewport();
    await expect(page.getByTestId('compare-table')).toBeInViewport();
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(health.consoleErrors).toEqual([]);
  });
});

/** Distinct rows the header's items sit on (items whose tops differ by more than 8 px). */
async function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tops: number[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.app-header > *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (!tops.some((t) => Math.abs(t - r.top) <= 8)) tops.push(r.top);
    }
    return tops.length;
  });
}

test.describe('large text and phones', () => {
  test('large text at 1920×1080 (T key, ?text=, remembered): bigger node text, cards and counters, nothing sideways', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/?preset=shared-store&theme=dark');
    await waitForSim(page);
    await advance(page, 3000);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const normal = (await smallestNodeText(page)).px;
    const strip = page.getByTestId('outcome-strip');
    const stripPx = async (): Promise<number> =>
      parseFloat(await strip.evaluate((el) => getComputedStyle(el).fontSize));
    const normalStrip = await stripPx();
    // The shortcut goes through the command registry, like the header's switch.
    await page.keyboard.press('t');
    await expect(page.getByRole('switch', { name: 'Large text' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
    // The picture refits: its node text reads from the back of a room (22 px or more).
    await expect
      .poll(async () => (await smallestNodeText(page)).px)
      .toBeGreaterThanOrEqual(Math.max(22, normal * 1.15));
    expect(await stripPx()).toBeGreaterThanOrEqual(normalStrip * 1.3);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeInViewport();
    await expect(strip).toBeInViewport();
    expect(await sidewaysOverflow(page)).toEqual([]);

    // Remembered: a lesson opens large, its card text is large, the picture still fits.
    await page.goto('/?lesson=shopping-cart&step=2&theme=light');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
    const card = page.locator('.lesson-card p').first();
    expect(
      parseFloat(await card.evaluate((el) => getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(17.5);
    await expect.poll(async () => (await smallestNodeText(page)).px).toBeGreaterThanOrEqual(22);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.goto('/?mode=compare&text=large');
    await page.waitForFunction(() => !!window.__statecraftCompare?.ready());
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect.poll(async () => (await smallestNodeText(page)).px).toBeGreaterThanOrEqual(11.95);
    expect(await sidewaysOverflow(page)).toEqual([]);

    // A link can switch it off for one page; a bad value says so and keeps the remembered size.
    await page.goto('/?text=normal');
    await expect(page.locator('html')).not.toHaveAttribute('data-text', 'large');
    await page.goto('/?text=huge');
    await expect(page.getByText('The text size must be large or normal')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
    expect(health.consoleErrors).toEqual([]);
  });

  test("at 390×844 the header takes two rows and every lesson's first picture reads", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await waitForSim(page);
    expect(await headerRows(page)).toBeLessThanOrEqual(2);
    // The display switches sit in a menu on a phone.
    await page.getByText('Display', { exact: true }).click();
    await page.getByRole('switch', { name: 'Large text' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
    expect(await headerRows(page)).toBeLessThanOrEqual(2);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByRole('switch', { name: 'Large text' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('switch', { name: 'Large text' })).toBeHidden();
    const small: string[] = [];
    for (const lesson of LESSONS) {
      await page.goto(`/?lesson=${lesson.id}&step=1`);
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      expect(await headerRows(page), `${lesson.id}: header rows`).toBeLessThanOrEqual(2);
      // The picture fills the phone's width.
      const stage = (await page.locator('.lesson-stage').boundingBox())!;
      expect(stage.width, `${lesson.id}: stage width`).toBeGreaterThanOrEqual(370);
      await expect
        .poll(async () => (await smallestNodeText(page)).px, { timeout: 5000 })
        .toBeGreaterThanOrEqual(9.95)
        .catch(() => undefined);
      const t = await smallestNodeText(page);
      if (t.px < 9.95) small.push(`${lesson.id}: "${t.text}" ${t.px.toFixed(1)} px`);
    }
    expect(small).toEqual([]);
    expect(health.consoleErrors).toEqual([]);
  });
});

/**
 * A crashed server box's text lines that run out of the box or under its edge, wrap onto a
 * second line, or lie over another line.
 */
function deadBoxSpill(box: Locator): Promise<string[]> {
  return box.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const out: string[] = [];
    const lines: DOMRect[] = [];
    for (const t of el.querySelectorAll<HTMLElement>('.topo-dead-line, .topo-warn-text')) {
      // Where the text itself is drawn (a squeezed box lets it spill out of its element).
      const range = document.createRange();
      range.selectNodeContents(t);
      const q = range.getBoundingClientRect();
      if (q.width === 0) continue;
      if (q.right > r.right + 0.5 || q.bottom > r.bottom + 0.5) out.push(t.textContent ?? '');
      // One line each: a second line would run into the chips or out of the box.
      const tops = new Set([...range.getClientRects()].map((c) => Math.round(c.top)));
      if (tops.size > 1) out.push(`wraps: ${t.textContent}`);
      lines.push(q);
    }
    // And no line lies over another.
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!;
        const b = lines[j]!;
        if (a.top < b.bottom - 1 && b.top < a.bottom - 1 && a.left < b.right && b.left < a.right)
          out.push('two lines overlap');
      }
    return out;
  });
}

test.describe('narrow boxes', () => {
  test('on a phone a crashed server says so in lines that fit its box', async ({ page }) => {
    const health = watchPageHealth(page);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const preset of ['playground', 'shared-store']) {
      await page.goto(`/?preset=${preset}`);
      await waitForSim(page);
      await advance(page, 3000);
      await act(page, { action: 'kill-server', server: 1 });
      const box = page.locator('.topo-server.is-down').first();
      await expect(box).toBeVisible();
      // Until the health checks fail, the load balancer still sends requests to the dead box.
      await expect(box).toContainText('Still in rotation');
      expect(await deadBoxSpill(box), preset).toEqual([]);
    }
    // The three-pane compare at 1280 px draws the same narrow boxes, stateless ones too.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/?mode=compare');
    await page.waitForFunction(() => !!window.__statecraftCompare?.ready());
    await page.evaluate(() => window.__statecraftCompare!.advance(3000));
    await page.evaluate(() =>
      window.__statecraftCompare!.act({ action: 'kill-server', server: 1 }),
    );
    const dead = page.locator('.cmp-pane .topo-server.is-down');
    await expect(dead).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await expect(dead.nth(i)).toContainText('Still in rotation');
      expect(await deadBoxSpill(dead.nth(i)), `compare pane ${i + 1}`).toEqual([]);
    }
    expect(health.consoleErrors).toEqual([]);
  });
});

test.describe('nothing scrolls sideways', () => {
  for (const size of SIZES) {
    test(`at ${size.name}: playground, compare and every lesson step`, async ({ page }) => {
      test.setTimeout(360_000);
      const health = watchPageHealth(page);
      await page.setViewportSize({ width: size.width, height: size.height });
      const problems: string[] = [];
      await page.goto('/');
      await waitForSim(page);
      await advance(page, 25_000);
      problems.push(...(await sidewaysOverflow(page)).map((p) => `playground: ${p}`));
      await page.goto('/?preset=black-friday');
      await waitForSim(page);
      await advance(page, 60_000);
      problems.push(...(await sidewaysOverflow(page)).map((p) => `black friday: ${p}`));
      await page.goto('/?mode=compare');
      await page.waitForFunction(() => !!window.__statecraftCompare?.ready());
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      problems.push(...(await sidewaysOverflow(page)).map((p) => `compare: ${p}`));
      for (const lesson of LESSONS) {
        for (let i = 0; i < lesson.steps.length; i++) {
          await page.goto(`/?lesson=${lesson.id}&step=${i + 1}`);
          await expect(page.locator('.react-flow__node').first()).toBeVisible();
          problems.push(
            ...(await sidewaysOverflow(page)).map((p) => `${lesson.id} step ${i + 1}: ${p}`),
          );
        }
      }
      expect(problems).toEqual([]);
      expect(health.consoleErrors).toEqual([]);
    });
  }
});

test.describe('the first minute', () => {
  test('with no input, a crash and its cost show within 60 s of wall time', async ({ page }) => {
    const health = watchPageHealth(page);
    await page.goto('/');
    const first = await waitForSim(page);
    // The default speed, as the slider shows it, turns 60 s of wall time into simulated time.
    const speedText = (await page.locator('.slider-value').first().textContent()) ?? '';
    const speed = Number(speedText.replace('×', ''));
    expect(speed).toBeGreaterThanOrEqual(0.5);
    expect(first.tMs).toBeLessThan(5_000);
    const after = await advance(page, 60_000 * speed - first.tMs);
    expect(after.servers.some((s) => s.status !== 'up') || after.outcome.sessions.lost > 0).toBe(
      true,
    );
    expect(after.outcome.sessions.lost).toBeGreaterThan(0);
    // The cost is in view next to the picture, and the log tells the story.
    await expect(page.getByTestId('outcome-strip')).toContainText(/Sessions lost\s*✖?\s*[1-9]/);
    await expect(page.getByTestId('event-log')).toContainText(/crash|killed|down/i);
    expect(health.consoleErrors).toEqual([]);
  });
});
