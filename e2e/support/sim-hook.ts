// Drives simulated time through the e2e build's test hook (src/ui/testHook.ts) instead of
// sleeping: `advance` pauses the run and moves it forward deterministically.
import { expect, type Page } from '@playwright/test';
import type { Action } from '../../src/sim/index.ts';
import type { Snapshot } from '../../src/protocol/snapshot.ts';

interface HookLike {
  advance(ms: number): Promise<Snapshot>;
  act(action: Action): Promise<Snapshot>;
  snapshot(): Snapshot | null;
}

type HookWindow = Window & { __statecraftTest?: HookLike };

/** Waits until the hook is installed and the first snapshot has arrived. */
export async function waitForSim(page: Page): Promise<Snapshot> {
  await page.waitForFunction(() => !!(window as HookWindow).__statecraftTest?.snapshot());
  return snapshot(page);
}

export async function snapshot(page: Page): Promise<Snapshot> {
  const snap = await page.evaluate(() => (window as HookWindow).__statecraftTest!.snapshot());
  expect(snap).not.toBeNull();
  return snap!;
}

/** Pauses, advances simulated time by `ms` and returns the snapshot after it. */
export function advance(page: Page, ms: number): Promise<Snapshot> {
  return page.evaluate((n) => (window as HookWindow).__statecraftTest!.advance(n), ms);
}

export function act(page: Page, action: Action): Promise<Snapshot> {
  return page.evaluate((a) => (window as HookWindow).__statecraftTest!.act(a), action);
}

/** Waits until the latest snapshot satisfies `pred` (e.g. after a reload from the UI). */
export async function waitForSnapshot(
  page: Page,
  pred: (s: Snapshot) => boolean,
  what: string,
): Promise<Snapshot> {
  await expect
    .poll(async () => pred(await snapshot(page)), { message: `waiting for ${what}` })
    .toBe(true);
  return snapshot(page);
}
