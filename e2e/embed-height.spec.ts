// Height messages settle: the example course page sizes each frame from the `height` event,
// and the frame neither grows without bound while the run goes on nor stays tall when its
// content needs less (it shrinks when the layout does, and grows back).
import { expect, test, type Frame, type Page } from '@playwright/test';
import { waitForHook } from './support/lesson-driver';
import { FIXTURES_URL, PREVIEW_URL } from './support/urls';

async function playgroundFrame(page: Page): Promise<Frame> {
  await page.goto('./embed-example.html');
  const el = page.locator('#playground');
  await el.scrollIntoViewIfNeeded();
  await expect
    .poll(() => page.frames().some((f) => f.url().includes('preset=playground')))
    .toBe(true);
  const frame = page.frames().find((f) => f.url().includes('preset=playground'))!;
  await waitForHook(frame);
  return frame;
}

const frameHeight = (page: Page) =>
  page.locator('#playground').evaluate((el) => (el as HTMLElement).offsetHeight);

/** A height (`read`, or the example page's playground frame) once it reads the same twice. */
async function settled(read: Page | (() => Promise<number>)): Promise<number> {
  const measure = typeof read === 'function' ? read : () => frameHeight(read);
  let last = -1;
  await expect
    .poll(async () => {
      const h = await measure();
      const same = h === last;
      last = h;
      return same;
    })
    .toBe(true);
  return last;
}

test('the example page sizes the playground frame once, and it grows and shrinks with its layout', async ({
  page,
}) => {
  await page.setViewportSize({ width: 760, height: 900 });
  const frame = await playgroundFrame(page);
  // Narrow: the picture on top, the panels under it, so the content is taller than 600 px.
  const tall = await settled(page);
  expect(tall).toBeGreaterThan(600);
  // At most the page's own cap (1,600 px plus the 1 px border), however long the run.
  expect(tall).toBeLessThanOrEqual(1602);
  // The run goes on: the height stays where it settled (no feedback loop).
  for (let i = 0; i < 5; i++) {
    await frame.evaluate(async () => {
      await (
        window as unknown as { __statecraftTest: { advance(ms: number): Promise<unknown> } }
      ).__statecraftTest.advance(2000);
    });
  }
  expect(await settled(page)).toBe(tall);

  // Wide enough for the side-by-side layout: it needs only the frame's first height.
  await page.locator('#playground').evaluate((el) => {
    (el as HTMLElement).style.maxWidth = 'none';
    (el as HTMLElement).style.width = '1100px';
  });
  await expect.poll(() => frameHeight(page)).toBeLessThan(tall);
  const short = await settled(page);
  expect(short).toBeGreaterThanOrEqual(590);
  expect(short).toBeLessThanOrEqual(610);

  // Narrow again: it grows back to what the stacked layout needs.
  await page.locator('#playground').evaluate((el) => {
    (el as HTMLElement).style.width = '700px';
  });
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(short);
  expect(Math.abs((await settled(page)) - tall)).toBeLessThanOrEqual(60);
});

test('the reported height is the content’s own: resizing the frame does not move it', async ({
  page,
}) => {
  // A course page that sizes the frame from every `height` event (capped at 4,000 px, far
  // above what the content needs, so the cap cannot be what stops it).
  const src = `${PREVIEW_URL}?preset=playground&embed=1`;
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`${FIXTURES_URL}host.html?${new URLSearchParams({ src, autosize: '1' })}`);
  await page.locator('#app').evaluate((el) => {
    (el as HTMLIFrameElement).width = '760';
  });
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(PREVIEW_URL))).toBe(true);
  const app = page.frames().find((f) => f.url().startsWith(PREVIEW_URL))!;
  await waitForHook(app);
  // Paused after 20 s: the event log is full (it holds 300 px), so nothing grows by itself.
  await app.evaluate(async () => {
    await (
      window as unknown as { __statecraftTest: { advance(ms: number): Promise<unknown> } }
    ).__statecraftTest.advance(20_000);
  });
  const heights = () =>
    page.evaluate(() =>
      (window as unknown as { received: { data: { type?: string; height?: number } }[] }).received
        .filter((m) => m.data.type === 'height')
        .map((m) => m.data.height!),
    );
  // The height the page gave the frame (its style; offsetHeight adds the border).
  const given = () =>
    page.locator('#app').evaluate((el) => parseFloat((el as HTMLElement).style.height));
  const natural = await settled(given);
  // Stacked (the picture on top, every panel under it): taller than the frame's 600 px, and
  // nowhere near the cap.
  expect(natural).toBeGreaterThan(1200);
  expect(natural).toBeLessThan(2600);
  expect((await heights()).at(-1)).toBe(natural);
  const sent = (await heights()).length;

  // The course page grows the frame, then shrinks it: the app reports nothing new (every
  // height it sent since is the same), so a page sizing from it puts it back and stays.
  for (const forced of [3200, 320]) {
    await page.locator('#app').evaluate((el, h) => {
      (el as HTMLElement).style.height = `${h}px`;
    }, forced);
    // Two frames inside the app (its resize observers have run), then a command's reply:
    // messages arrive in order, so any height sent before the reply has arrived too.
    await app.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const replies = await page.evaluate(
      () => (window as unknown as { received: unknown[] }).received.length,
    );
    await page.evaluate(() =>
      (window as unknown as { sendToApp: (d: unknown) => void }).sendToApp({
        type: 'statecraft:get-state',
        v: 1,
        id: 1,
      }),
    );
    await expect
      .poll(() =>
        page.evaluate(
          (n) =>
            (window as unknown as { received: { data: { type?: string } }[] }).received
              .slice(n)
              .some((m) => m.data.type === 'state'),
          replies,
        ),
      )
      .toBe(true);
    expect(new Set([natural, ...(await heights()).slice(sent)])).toEqual(new Set([natural]));
    await page.locator('#app').evaluate((el, h) => {
      (el as HTMLElement).style.height = `${h}px`;
    }, natural);
  }
  expect(await settled(given)).toBe(natural);
  console.log(`stacked playground, 760 px wide: natural height ${natural} px`);
});
