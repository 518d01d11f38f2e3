/**
 * Bytes of credential per request: a login carries none in any architecture (it sends the
 * password), every later request carries the session cookie or the token, so the two means
 * differ by exactly the ratio of their sizes.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';
import { SESSION_COOKIE_BYTES } from './catalog.ts';
import type { Architecture } from './scenario.ts';

const mean = (architecture: Architecture) => {
  const sim = Simulation.fromScenario({
    version: 1,
    seed: 9,
    durationS: 300,
    architecture,
    loadBalancer: { sticky: architecture === 'in-memory' ? 'cookie' : 'none' },
    users: { count: 200 },
  });
  sim.runToEnd();
  return outcome(sim.state).bytesPerRequest.mean;
};

describe('credential bytes', () => {
  it('count no credential on a login in any architecture', () => {
    const cookie = mean('session-store');
    const token = mean('jwt');
    // Same users, same journeys (common random numbers): same share of logins.
    expect(token / cookie).toBeCloseTo(232 / SESSION_COOKIE_BYTES, 0);
    // About one request in 6.5 is a login, in steady state.
    expect(cookie).toBeGreaterThan(SESSION_COOKIE_BYTES * 0.8);
    expect(cookie).toBeLessThan(SESSION_COOKIE_BYTES * 0.9);
  }, 30_000);
});
