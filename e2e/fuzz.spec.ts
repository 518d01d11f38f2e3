// UI fuzzing: random valid actions (clicks, keys, sliders, lists, lesson navigation, kills,
// restarts, adds, time passing) picked by a seeded generator. Fails on any console error,
// page error or CSP violation, on any broken invariant (every request ends exactly once,
// counters never negative and never shrinking within a run), and when the page's counters
// disagree with the simulation's. A short run is part of the normal test command;
// `npm run fuzz -- --seconds 600 [--seed N]` runs long (scripts/fuzz.ts sets the variables).
import { expect, test } from '@playwright/test';
import { watchPageHealth } from './support/page-health';
import { waitForSim } from './support/sim-hook';
import {
  Rng,
  checkInvariants,
  checkUiMatchesSim,
  randomAction,
  type FuzzState,
} from './support/fuzz-actions';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
/** How often (in actions) the page's counters are compared with the simulation's. */
const UI_CHECK_EVERY = 8;

test(`random UI actions for ${SECONDS} s (seed ${SEED}) keep the run healthy`, async ({ page }) => {
  test.setTimeout((SECONDS + 90) * 1000);
  const health = watchPageHealth(page);
  page.on('dialog', (d) => void d.dismiss()); // nothing should open one; never block on it
  await page.goto('/?preset=playground');
  await waitForSim(page);

  const st: FuzzState = {
    page,
    rng: new Rng(SEED),
    url: '/?preset=playground',
    log: [],
    last: [],
    broken: [],
    actions: 0,
    navigate: true,
  };
  const report = (): string =>
    `seed ${SEED}, after ${st.actions} actions; last actions:\n  ${st.log.join('\n  ')}`;

  const endAt = Date.now() + SECONDS * 1000;
  while (Date.now() < endAt) {
    await randomAction(st);
    await checkInvariants(st);
    if (st.actions % UI_CHECK_EVERY === 0) {
      for (const p of await checkUiMatchesSim(page)) st.broken.push(`UI ≠ simulation: ${p}`);
    }
    expect(health.consoleErrors, report()).toEqual([]);
    expect(st.broken, report()).toEqual([]);
  }
  expect(health.failedRequests, report()).toEqual([]);
  test
    .info()
    .annotations.push({ type: 'fuzz', description: `${st.actions} actions, seed ${SEED}` });
  console.log(`fuzz: ${st.actions} actions in ${SECONDS} s, seed ${SEED}, no problems`);
});
