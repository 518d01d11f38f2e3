// The embedded playground on one screen: in a frame of the Embed dialog's sizes, the picture,
// Play / Pause / Step and the key outcome counters are in the first viewport with nothing to
// scroll; the longer panels are tabs in a sheet, reachable by keyboard and named for screen
// readers; the locks an author chose still hide what they hide.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { waitForHook } from './support/lesson-driver';
import { watchPageHealth } from './support/page-health';
import { PREVIEW_URL } from './support/urls';
import { SIZE_PRESETS } from '../src/ui/embed/embedSnippet.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** A course page with one iframe of the given size around the embedded app. */
async function embedded(page: Page, query: string, width: number, height: number): Promise<Frame> {
  await page.setViewportSize({ width: width + 40, height: height + 40 });
  const src = `${PREVIEW_URL}?${query}&embed=1`;
  await page.setContent(
    `<iframe id="app" title="Statecraft" width="${width}" height="${height}" src="${src}" style="border:0"></iframe>`,
  );
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(PREVIEW_URL))).toBe(true);
  const frame = page.frames().find((f) => f.url().startsWith(PREVIEW_URL))!;
  await waitForHook(frame);
  await frame.evaluate(async () => {
    await (
      window as unknown as { __statecraftTest: { advance(ms: number): Promise<unknown> } }
    ).__statecraftTest.advance(5000);
  });
  return frame;
}

interface Box {
  top: number;
  bottom: number;
  height: number;
}

/** Where an element sits in the frame's own viewport (CSS px), or null when it is not shown. */
async function boxIn(frame: Frame, selector: string): Promise<Box | null> {
  return frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (r.height === 0) return null;
    return { top: r.top, bottom: r.bottom, height: r.height };
  }, selector);
}

// Every size preset of the Embed dialog (full width at both ends of a course column), and a
// tall frame where the sheet opens under the picture.
const FRAMES: [number, number][] = [
  ...SIZE_PRESETS.filter((p) => !p.fullWidth).map((p): [number, number] => [p.width, p.height]),
  ...SIZE_PRESETS.filter((p) => p.fullWidth).flatMap((p): [number, number][] => [
    [760, p.height],
    [1000, p.height],
  ]),
  [760, 1000],
];

for (const [width, height] of FRAMES) {
  test(`in a ${width}×${height} frame the picture, the play controls and the counters are in the first viewport`, async ({
    page,
  }) => {
    const health = watchPageHealth(page);
    const frame = await embedded(page, 'preset=playground', width, height);
    const first = await frame.evaluate(() => ({
      innerHeight: window.innerHeight,
      scrollY: window.scrollY,
      // What there is to scroll: nothing, the content fits the frame.
      scrollHeight: document.scrollingElement!.scrollHeight,
    }));
    expect(first.innerHeight).toBe(height);
    expect(first.scrollY).toBe(0);
    expect(first.scrollHeight).toBeLessThanOrEqual(height);

    const picture = await boxIn(frame, '[role="region"][aria-label="System picture"]');
    const play = await boxIn(frame, '.embed-pg-bar [role="group"][aria-label="Run"]');
    const counters = await boxIn(frame, '[data-testid="outcome-strip"]');
    for (const [name, box] of Object.entries({ picture, play, counters })) {
      expect(box, `${name} is shown`).not.toBeNull();
      expect(box!.top, `${name} top`).toBeGreaterThanOrEqual(0);
      expect(box!.bottom, `${name} bottom`).toBeLessThanOrEqual(height);
    }
    // The picture has most of the frame, not a sliver above a stack of panels.
    expect(picture!.height).toBeGreaterThanOrEqual(height * 0.35);
    for (const name of ['Play', 'Pause', 'Step']) {
      await expect(frame.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(frame.getByRole('slider', { name: 'Timeline' })).toBeVisible();
    // The sheet's tabs are in view too, so every longer panel is one click away.
    await expect(frame.getByRole('tablist', { name: 'Panels' })).toBeInViewport();
    expect(health.consoleErrors).toEqual([]);
  });
}

test('every panel is a tab: the keyboard moves between them and the sheet folds away', async ({
  page,
}) => {
  const frame = await embedded(page, 'preset=playground', 800, 600);
  const toggle = frame.getByRole('button', { name: /panels$/ });
  // A 600 px frame opens with the picture alone above the tab bar.
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(frame.getByRole('tabpanel')).toHaveCount(0);

  // A tab opens the sheet at its panel.
  await frame.getByRole('tab', { name: 'Events' }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(frame.getByRole('tabpanel', { name: 'Events' })).toBeVisible();
  await expect(frame.getByTestId('event-log')).toBeVisible();
  // Still one screen with the sheet open: the picture and the counters stay in view.
  expect(await boxIn(frame, '[data-testid="outcome-strip"]')).not.toBeNull();
  expect((await boxIn(frame, '[data-testid="outcome-strip"]'))!.bottom).toBeLessThanOrEqual(600);
  expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(
    600,
  );

  // Arrow keys, Home and End move the selection and the focus; each panel is the tab's.
  const expected: [string, string, RegExp][] = [
    ['ArrowRight', 'Intro', /What am I looking at/],
    ['Home', 'Controls', /^Controls$/],
    ['ArrowRight', 'Outcome', /What came of it/],
    ['End', 'Intro', /What am I looking at/],
    ['ArrowRight', 'Controls', /^Controls$/],
    ['ArrowLeft', 'Intro', /What am I looking at/],
  ];
  await frame.getByRole('tab', { name: 'Events' }).focus();
  for (const [key, tab, heading] of expected) {
    await page.keyboard.press(key);
    const t = frame.getByRole('tab', { name: tab, exact: true });
    await expect(t).toBeFocused();
    await expect(t).toHaveAttribute('aria-selected', 'true');
    const panel = frame.getByRole('tabpanel', { name: tab, exact: true });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: heading })).toBeVisible();
    // One tab stop for the whole tab list.
    await expect(frame.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  }

  // The toggle folds the sheet back to its tab bar, and opens it again where it was.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(frame.getByRole('tabpanel')).toHaveCount(0);
  await toggle.click();
  await expect(frame.getByRole('tabpanel', { name: 'Intro' })).toBeVisible();
});

test('a wide frame puts the sheet beside the picture, always open, with nothing to fold', async ({
  page,
}) => {
  const frame = await embedded(page, 'preset=playground', 1000, 625);
  await expect(frame.getByRole('tabpanel', { name: 'Controls' })).toBeVisible();
  await expect(frame.getByRole('button', { name: /panels$/ })).toHaveCount(0);
  const picture = (await frame.getByRole('region', { name: 'System picture' }).boundingBox())!;
  const sheet = (await frame.getByRole('tabpanel', { name: 'Controls' }).boundingBox())!;
  expect(sheet.x).toBeGreaterThanOrEqual(picture.x + picture.width);
  expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight)).toBe(625);
});

test('the locks an author chose still hide what they hide', async ({ page }) => {
  const frame = await embedded(page, 'preset=playground&lock=run,timeline,architecture', 800, 600);
  await expect(frame.getByRole('region', { name: 'System picture' })).toBeVisible();
  await expect(frame.getByTestId('outcome-strip')).toBeVisible();
  for (const name of ['Play', 'Pause', 'Step']) {
    await expect(frame.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(frame.getByRole('slider', { name: 'Timeline' })).toHaveCount(0);
  await frame.getByRole('tab', { name: 'Controls' }).click();
  const controls = frame.getByRole('tabpanel', { name: 'Controls' });
  await expect(controls.getByRole('slider', { name: 'Speed' })).toBeVisible();
  await expect(controls.getByRole('combobox', { name: 'Architecture' })).toHaveCount(0);
  await expect(controls.getByText('Some controls are hidden by the page')).toBeVisible();
});

test('axe finds nothing in the embedded playground with its sheet open, in both themes', async ({
  page,
}) => {
  // Eight axe passes over a running simulation: slow on a loaded machine.
  test.setTimeout(180_000);
  for (const theme of ['light', 'dark'] as const) {
    const frame = await embedded(page, `preset=sticky-crash&theme=${theme}`, 760, 1000);
    await expect(frame.getByRole('tabpanel', { name: 'Controls' })).toBeVisible();
    for (const tab of ['Controls', 'Outcome', 'Events', 'Intro']) {
      await frame.getByRole('tab', { name: tab, exact: true }).click();
      await expect(frame.getByRole('tabpanel', { name: tab, exact: true })).toBeVisible();
      // axe runs inside the frame (its own document).
      const { violations } = await new AxeBuilder({ page })
        .include('#app')
        .withTags(TAGS)
        .analyze();
      const found = violations.flatMap((v) =>
        v.nodes.slice(0, 3).map((n) => `${theme}/${tab}: ${v.id} ${n.target.join(' ')}`),
      );
      expect(found).toEqual([]);
    }
  }
});
