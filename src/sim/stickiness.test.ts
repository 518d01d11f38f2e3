/**
 * Stickiness when the server set changes: hash mod N moves about N/(N+1) of the users,
 * consistent hashing about 1/(N+1), a cookie none; and the sessions that move are lost.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';
import type { Scenario, StickyMethod } from './scenario.ts';

/**
 * 3 servers, 600 users; one server added at 20.3 s, up at 25.3 s, and put into rotation by
 * the LB after `rise` passed checks (within 25.3 s + rise × 2 s).
 */
function addOneServer(sticky: StickyMethod, seed: number) {
  const scenario: Scenario = {
    version: 1,
    seed,
    durationS: 60,
    architecture: 'in-memory',
    loadBalancer: { sticky, healthCheckS: 2 },
    servers: { count: 3, bootS: 5 },
    users: { count: 600 },
  };
  const sim = Simulation.fromScenario(scenario);
  sim.runUntil(20_300);
  sim.command({ action: 'add-server', count: 1 });
  sim.runUntil(25_299);
  // Nothing moves while the new server boots.
  expect(sim.state.rehomed).toEqual([]);
  let lostBefore = sim.state.counters.sessionsLost;
  while (!sim.state.servers[3]!.lbHealthy) {
    lostBefore = sim.state.counters.sessionsLost;
    sim.step();
  }
  const records = sim.state.rehomed.filter((r) => r.from === 3 && r.to === 4);
  expect(records).toHaveLength(1);
  const record = records[0]!;
  const rise = sim.state.scenario.loadBalancer.rise;
  expect(record.atMs).toBeGreaterThan(25_300 + (rise - 1) * 2000);
  expect(record.atMs).toBeLessThanOrEqual(25_300 + rise * 2000);
  expect(record.users).toBeGreaterThan(400);
  sim.runUntil(record.atMs + 19_000);
  return { record, lost: sim.state.counters.sessionsLost - lostBefore };
}

describe('adding a fourth server to three', () => {
  it('re-homes about 3/4 of sticky users with hash mod N, and their sessions are lost', () => {
    for (const seed of [1, 2]) {
      const { record, lost } = addOneServer('hash-mod-n', seed);
      expect(record.fraction).toBeGreaterThan(0.75 - 0.08);
      expect(record.fraction).toBeLessThan(0.75 + 0.08);
      // Each moved user's next request lands where its session is not.
      const moved = record.fraction * record.users;
      expect(lost).toBeGreaterThan(moved * 0.95);
      expect(lost).toBeLessThan(moved * 1.05);
    }
  });

  it('re-homes about 1/4 with consistent hashing', () => {
    for (const seed of [1, 2]) {
      const { record, lost } = addOneServer('consistent-hash', seed);
      expect(record.fraction).toBeGreaterThan(0.25 - 0.08);
      expect(record.fraction).toBeLessThan(0.25 + 0.08);
      const moved = record.fraction * record.users;
      expect(lost).toBeGreaterThan(moved * 0.9);
      expect(lost).toBeLessThan(moved * 1.1);
    }
  });

  it('re-homes nobody with a cookie: existing sessions keep their server', () => {
    const { record, lost } = addOneServer('cookie', 1);
    expect(record.fraction).toBe(0);
    expect(lost).toBe(0);
  });

  it('sends only users without a cookie to the new server: cookies outlive journeys', () => {
    const sim = Simulation.fromScenario({
      version: 1,
      seed: 3,
      durationS: 90,
      loadBalancer: { sticky: 'cookie' },
      users: { count: 300 },
      timeline: [
        { atS: 20.3, action: 'add-server', count: 1 },
        { atS: 40, action: 'set-users', count: 400 },
      ],
    });
    sim.runToEnd();
    const fourth = outcome(sim.state).servers[3]!;
    // The 100 users who arrive at 40 s have no cookie; about a quarter of them land there.
    expect(fourth.requests).toBeGreaterThan(250);
    // The first 300 keep the server their cookie names across journeys (checkout included).
    const early = sim.state.users.slice(0, 300);
    expect(early.every((u) => u.cookieServer !== 4)).toBe(true);
    expect(early.every((u) => u.journeys > 1)).toBe(true);
  });
});

describe('IP-hash stickiness behind shared NAT addresses', () => {
  function imbalance(sticky: StickyMethod): number {
    const sim = Simulation.fromScenario({
      version: 1,
      seed: 8,
      durationS: 60,
      architecture: 'session-store',
      loadBalancer: { sticky, algorithm: 'round-robin' },
      servers: { count: 4 },
      // Half the users sit behind two shared addresses.
      users: { count: 400, sharedIpGroups: 2, sharedIpShare: 0.5 },
    });
    sim.runToEnd();
    return outcome(sim.state).loadImbalance;
  }

  it('loads the servers unevenly, unlike round robin', () => {
    const rr = imbalance('none');
    const ip = imbalance('ip-hash');
    expect(rr).toBeLessThan(1.02);
    expect(ip).toBeGreaterThan(1.3);
    expect(ip).toBeGreaterThan(rr + 0.25);
  });
});

describe('switching the stickiness method', () => {
  it('records who moved and loses their in-memory sessions', () => {
    const sim = Simulation.fromScenario({
      version: 1,
      seed: 4,
      durationS: 60,
      loadBalancer: { sticky: 'cookie' },
      users: { count: 300 },
    });
    sim.runUntil(20_000);
    const lostBefore = sim.state.counters.sessionsLost;
    sim.command({ action: 'set-sticky', sticky: 'hash-mod-n' });
    expect(sim.state.lb.sticky).toBe('hash-mod-n');
    const record = sim.state.rehomed.at(-1)!;
    expect(record.atMs).toBe(20_000);
    // A cookie spreads users round robin and the hash spreads them at random: about 2/3 of
    // the users land on another server.
    expect(record.fraction).toBeGreaterThan(0.55);
    expect(record.fraction).toBeLessThan(0.78);
    sim.runUntil(40_000);
    const lost = sim.state.counters.sessionsLost - lostBefore;
    expect(lost).toBeGreaterThan(record.fraction * record.users * 0.9);
    expect(lost).toBeLessThan(record.fraction * record.users * 1.1);
  });
});
