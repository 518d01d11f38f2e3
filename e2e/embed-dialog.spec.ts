// The Embed dialog writes what is on screen: the playground's run (setup, faults, time) as
// its share-link fragment, a comparison's setup, a lesson at its step; locks only where the
// embed has controls; size presets; a live preview; and a real link to the embedding guide.
import { expect, test, type Page } from '@playwright/test';
import { act, advance, snapshot, waitForSim } from './support/sim-hook';
import { watchPageHealth } from './support/page-health';

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a course page' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The iframe src the snippet holds, as a URL (attribute escaping undone). */
async function snippetSrc(dialog: ReturnType<Page['getByRole']>): Promise<URL> {
  const html = await dialog.getByLabel('Snippet').inputValue();
  const src = /src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
  return new URL(src);
}

test('playground: the snippet carries the run on screen, a manual kill included', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto('./?preset=playground');
  await waitForSim(page);
  await advance(page, 3000);
  await act(page, { action: 'kill-server', server: 1 });
  await advance(page, 1000);
  const dialog = await openDialog(page);
  await expect(dialog.getByLabel('Show')).toHaveValue('screen');
  await expect.poll(async () => (await snippetSrc(dialog)).hash).toMatch(/^#run=/);
  const src = await snippetSrc(dialog);
  expect(src.searchParams.get('embed')).toBe('1');
  // Every playground lock group is offered.
  await expect(
    dialog.getByRole('group', { name: 'Hide these controls' }).getByRole('checkbox'),
  ).toHaveCount(8);
  // The live preview shows exactly what the snippet embeds.
  await expect(dialog.locator('iframe')).toHaveAttribute('src', src.toString());
  // Size presets.
  await dialog.getByLabel('Size').selectOption('full');
  await expect(dialog.getByLabel('Snippet')).toHaveValue(/width="100%" height="640"/);
  await dialog.getByLabel('Size').selectOption('16:10');
  await expect(dialog.getByLabel('Snippet')).toHaveValue(/width="800" height="500"/);
  // The guide is a link that answers.
  const guide = dialog.getByRole('link', { name: 'the embedding guide' });
  const href = await guide.getAttribute('href');
  expect((await page.request.get(new URL(href!, page.url()).toString())).status()).toBe(200);

  // Opening the snippet's address reproduces the run, kill and all.
  await page.goto(src.toString());
  await waitForSim(page);
  const snap = await snapshot(page);
  expect(snap.liveCommands.map((c) => c.action)).toContain('kill-server');
  expect(health.consoleErrors).toEqual([]);
});

test('a lock chosen for the playground does not leak into a lesson snippet', async ({ page }) => {
  await page.goto('./?preset=playground');
  await waitForSim(page);
  const dialog = await openDialog(page);
  await dialog.getByRole('checkbox', { name: 'seed' }).check();
  await expect.poll(async () => (await snippetSrc(dialog)).searchParams.get('lock')).toBe('seed');
  await dialog.getByLabel('Show').selectOption('lesson:pizza');
  await expect(dialog.getByRole('group', { name: 'Hide these controls' })).toHaveCount(0);
  const src = await snippetSrc(dialog);
  expect(src.searchParams.get('lesson')).toBe('pizza');
  expect(src.searchParams.get('lock')).toBeNull();
});

test('a lesson: the snippet opens the step on screen', async ({ page }) => {
  await page.goto('./?lesson=pizza&step=3');
  await expect(page.getByText('Step 3 of')).toBeVisible();
  const dialog = await openDialog(page);
  await expect(dialog.getByLabel('Show')).toHaveValue('screen');
  let src = await snippetSrc(dialog);
  expect([src.searchParams.get('lesson'), src.searchParams.get('step')]).toEqual(['pizza', '3']);
  await dialog.getByLabel('Show').selectOption('screen-start');
  src = await snippetSrc(dialog);
  expect(src.searchParams.get('step')).toBeNull();
});

test('compare: the snippet is the comparison on screen, with compare locks only', async ({
  page,
}) => {
  await page.goto('./?mode=compare&archs=in-memory,jwt&preset=sticky-crash&seed=5');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const dialog = await openDialog(page);
  await expect(dialog.getByLabel('Show')).toHaveValue('screen');
  const src = await snippetSrc(dialog);
  expect(Object.fromEntries(src.searchParams)).toMatchObject({
    mode: 'compare',
    archs: 'in-memory,jwt',
    preset: 'sticky-crash',
    seed: '5',
    embed: '1',
  });
  await expect(
    dialog.getByRole('group', { name: 'Hide these controls' }).getByRole('checkbox'),
  ).toHaveCount(5);
});
