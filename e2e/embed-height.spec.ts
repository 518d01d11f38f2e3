// Height messages settle: the example course page sizes each frame from the `height` event,
// and the frame neither grows without bound while the run goes on nor stays tall when its
// content needs less (it shrinks when the layout does, and grows back). The embedded
// playground is one screen, so its natural height is the frame's own.
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

test('the example page sizes the playground frame once: it keeps the author’s height at any width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 760, height: 900 });
  const frame = await playgroundFrame(page);
  // Narrow: the picture on top and the panels in a tabbed sheet under it, all inside the
  // frame's 600 px (plus its 1 px border), not a stack of panels below the picture.
  const narrow = await settled(page);
  expect(narrow).toBeGreaterThanOrEqual(598);
  expect(narrow).toBeLessThanOrEqual(604);
  // The run goes on: the height stays where it settled (no feedback loop).
  for (let i = 0; i < 5; i++) {
    await frame.evaluate(async () => {
      await (
        window as unknown as { __statecraftTest: { advance(ms: number): Promise<unknown> } }
      ).__statecraftTest.advance(2000);
    });
  }
  expect(await settled(page)).toBe(narrow);
  // Opening the sheet at the long event log shares the frame with the picture: still 600 px.
  await frame.getByRole('tab', { name: 'Events' }).click();
  await expect(frame.getByTestId('event-log')).toBeVisible();
  expect(await settled(page)).toBe(narrow);

  // Wide enough for the sheet beside the picture: the same height.
  await page.locator('#playground').evaluate((el) => {
    (el as HTMLElement).style.maxWidth = 'none';
    (el as HTMLElement).style.width = '1100px';
  });
  await expect.poll(() => frame.evaluate(() => window.innerWidth)).toBeGreaterThanOrEqual(1090);
  expect(await settled(page)).toBe(narrow);

  // Narrow again: still the same.
  await page.locator('#playground').evaluate((el) => {
    (el as HTMLElement).style.width = '700px';
  });
  await expect.poll(() => frame.evaluate(() => window.innerWidth)).toBeLessThanOrEqual(700);
  expect(await settled(page)).toBe(narrow);
});

test('a frame too short for the picture grows to what it needs, and shrinks when wider', async ({
  page,
}) => {
  // A course page that sizes the frame from its `height` events, with a 260 px frame: less
  // than the picture's 240 px floor plus the tab bar and the footer under it.
  const src = `${PREVIEW_URL}?preset=playground&embed=1`;
  await page.setViewportSize({ width: 1200, height: 900 });
  // The page opens with an empty frame, sized before the app loads into it.
  await page.goto(
    `${FIXTURES_URL}host.html?${new URLSearchParams({ src: 'about:blank', autosize: '1' })}`,
  );
  await page.locator('#app').evaluate((el, url) => {
    const f = el as HTMLIFrameElement;
    f.width = '760';
    f.height = '260';
    f.src = url;
  }, src);
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(PREVIEW_URL))).toBe(true);
  const app = page.frames().find((f) => f.url().startsWith(PREVIEW_URL))!;
  await waitForHook(app);
  // The app took the frame's first height as its own.
  expect(
    await app.evaluate(() => document.documentElement.style.getPropertyValue('--embed-h')),
  ).toBe('260px');
  const given = () =>
    page.locator('#app').evaluate((el) => (el as HTMLElement).getBoundingClientRect().height);
  // Narrow: picture, tab bar and footer stacked need more than 260 px: the frame grows ...
  const grown = await settled(given);
  expect(grown).toBeGreaterThan(280);
  expect(grown).toBeLessThan(420);
  // ... and stays grown while the run goes on.
  await app.evaluate(async () => {
    await (
      window as unknown as { __statecraftTest: { advance(ms: number): Promise<unknown> } }
    ).__statecraftTest.advance(10_000);
  });
  expect(await settled(given)).toBe(grown);
  // Wide: the sheet moves beside the picture and the frame shrinks back toward 260 px.
  await page.locator('#app').evaluate((el) => {
    (el as HTMLIFrameElement).width = '1100';
  });
  await expect.poll(given).toBeLessThan(grown);
  const shrunk = await settled(given);
  expect(shrunk).toBeGreaterThanOrEqual(258);
  // Narrow again: it grows back to the same height.
  await page.locator('#app').evaluate((el) => {
    (el as HTMLIFrameElement).width = '760';
  });
  await expect.poll(given).toBeGreaterThan(shrunk);
  expect(await settled(given)).toBe(grown);
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
  // After 20 s of the run (the event log is full, the counters have their widest figures).
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
  // One screen (the picture on top, the panels in tabs under it): the frame's own 600 px,
  // not a stack of panels, and well under 900 px.
  expect(natural).toBeGreaterThanOrEqual(598);
  expect(natural).toBeLessThanOrEqual(900);
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
  console.log(`embedded playground, 760×600 frame: natural height ${natural} px`);
});
