// Scenario files out and in, and pictures of the topology and charts.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseScenarioJson } from '../src/sim/index.ts';
import { act, advance, waitForSim } from './support/sim-hook';
import { watchPageHealth } from './support/page-health';

test('export a scenario with the learner commands, import it back; a bad file changes nothing', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=shared-store');
  await waitForSim(page);
  await advance(page, 5000);
  await act(page, { action: 'kill-store' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  const file = await (await download).path();
  const parsed = parseScenarioJson(readFileSync(file, 'utf8'));
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.scenario.timeline?.some((e) => e.action === 'kill-store')).toBe(true);

  const before = await advance(page, 1000);
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"version":1,"servers":{"count":"many"}}'),
  });
  await expect(page.getByRole('alert')).toContainText('servers.count');
  const still = await advance(page, 0);
  expect(still.tMs).toBe(before.tMs);
  expect(still.name).toBe('shared-store');

  await page.getByLabel('Scenario file to import').setInputFiles(file);
  await expect(page.getByText(/Loaded/)).toBeVisible();
  expect(health.consoleErrors).toEqual([]);
});

test('save the system picture as PNG and the charts as SVG', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=sticky-crash');
  await waitForSim(page);
  await advance(page, 3000);
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the system picture as PNG' }).click();
  const pngFile = await (await png).path();
  const bytes = readFileSync(pngFile);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5000);

  const svg = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the charts as SVG' }).click();
  const svgText = readFileSync(await (await svg).path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(health.consoleErrors).toEqual([]);
});
