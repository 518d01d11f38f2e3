// Height messages settle: the example course page sizes each frame from the `height` event,
// and the frame neither grows without bound while the run goes on nor stays tall when its
// content needs less (it shrinks when the layout does, and grows back).
import { expect, test, type Frame, type Page } from '@playwright/test';
import { waitForHook } from './support/lesson-driver';

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

async function settled(page: Page): Promise<number> {
  let last = -1;
  await expect
    .poll(async () => {
      const h = await frameHeight(page);
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
