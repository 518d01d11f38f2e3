/**
 * Session stores behave like the real ones: Memcached has no replicas and no append-only
 * file (a scenario asking for them is refused, naming the field), and an expired key is never
 * returned, as in Redis, whatever the background sweep has got round to.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { validateScenario } from './scenarioSchema.ts';
import type { Scenario } from './scenario.ts';

const memcachedRun: Scenario = {
  version: 1,
  seed: 3,
  durationS: 60,
  architecture: 'session-store',
  loadBalancer: { sticky: 'none' },
  users: { count: 200, thinkTimeS: 2 },
  timeline: [{ atS: 30, action: 'kill-store' }],
};

describe('Memcached', () => {
  it('refuses a replica, naming the field', () => {
    const r = validateScenario({ ...memcachedRun, store: { kind: 'memcached', replicas: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual(['store.replicas: must be 0: Memcached has no replication']);
  }, 30_000);

  it('refuses an append-only file, naming the field', () => {
    const r = validateScenario({
      ...memcachedRun,
      store: { kind: 'memcached', persistence: 'aof' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^store\.persistence: must be none/);
  }, 30_000);

  it('still accepts both for Redis', () => {
    const r = validateScenario({
      ...memcachedRun,
      store: { kind: 'redis', replicas: 1, persistence: 'aof' },
    });
    expect(r.ok).toBe(true);
  }, 30_000);

  it('loses every session when it dies, even if the state was built without the schema', () => {
    // Engine guard: a scenario that skipped validation gets no failover and no file.
    const sim = Simulation.fromScenario({
      ...memcachedRun,
      store: { kind: 'memcached', replicas: 1, persistence: 'aof' },
    });
    sim.runUntil(30_001);
    expect(sim.state.store.replicas).toBe(0);
    expect(sim.state.counters.sessionsLost).toBeGreaterThan(100);
  }, 30_000);
});

describe('session expiry', () => {
  it('never serves a session idle longer than its TTL: P(expired) = e^(-ttl/Z)', () => {
    // Think time Z = 20 s, TTL 10 s: a read finds its session expired when the pause before
    // it was longer than the TTL, with probability e^(-0.5) = 0.607 (less the ~0.1 s a request
    // takes, which shortens the idle time).
    const sim = Simulation.fromScenario({
      version: 1,
      seed: 5,
      durationS: 1200,
      architecture: 'in-memory',
      store: { ttlS: 10 },
      loadBalancer: { sticky: 'cookie' },
      users: { count: 300, thinkTimeS: 20 },
    });
    sim.runToEnd();
    const c = sim.state.counters;
    const share = c.sessionsExpired / c.sessionReads;
    expect(share).toBeGreaterThan(0.58);
    expect(share).toBeLessThan(0.63);
  }, 30_000);
});
