// The worker client and the in-thread client run the same commands to the same result as
// the core in Node: one contract, checked in a real browser for both clients.
import { expect, test, type Page } from '@playwright/test';
import { CONTRACT_SCENARIO, CONTRACT_STEPS } from '../src/client/contract.ts';
import { Simulation, resolveScenario, type TimedCommand } from '../src/sim/index.ts';
import { watchPageHealth } from './support/page-health';
import type {} from '../src/ui/testHookTypes.ts';

function nodeHash(): string {
  const sim = new Simulation(resolveScenario(CONTRACT_SCENARIO));
  let t = 0;
  for (const step of CONTRACT_STEPS) {
    t += step.advanceMs;
    if (step.action) sim.enqueue({ ...step.action, atMs: t } as TimedCommand);
  }
  sim.runUntil(t);
  return sim.eventLogHash;
}

async function runInPage(page: Page): Promise<{ hash: string; kind: string | null }> {
  await page.waitForFunction(() => !!window.__statecraftTest);
  return page.evaluate(
    async ({ scenario, steps }) => {
      const hook = window.__statecraftTest!;
      await hook.load(scenario);
      let snap = hook.snapshot()!;
      for (const step of steps) {
        if (step.advanceMs > 0) snap = await hook.advance(step.advanceMs);
        if (step.action) snap = await hook.act(step.action);
      }
      return { hash: snap.outcome.eventLogHash, kind: hook.clientKind() };
    },
    { scenario: CONTRACT_SCENARIO, steps: CONTRACT_STEPS },
  );
}

for (const engine of ['worker', 'in-thread'] as const) {
  test(`the ${engine} client reproduces the Node run exactly`, async ({ page }) => {
    const health = watchPageHealth(page);
    await page.goto(`/?engine=${engine}`);
    const result = await runInPage(page);
    expect(result.kind).toBe(engine);
    expect(result.hash).toBe(nodeHash());
    expect(health.consoleErrors).toEqual([]);
  });
}
