/**
 * Where hash stickiness places users and what a crash does to them: nginx `ip_hash` moves
 * only the dead server's clients, HAProxy map-based hashing (hash-mod-n) re-homes most; the
 * re-homed record tells users moved because their server died from users moved because the
 * map changed; and each seed salts the placement so seed-to-seed spread reflects layout.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';
import type { Scenario, StickyMethod } from './scenario.ts';

function crash(sticky: StickyMethod, seed = 1) {
  const scenario: Scenario = {
    version: 1,
    seed,
    durationS: 60,
    architecture: 'in-memory',
    loadBalancer: { sticky, algorithm: 'round-robin' },
    servers: { count: 3 },
    users: { count: 600 },
    timeline: [{ atS: 20.3, action: 'kill-server', server: 1 }],
  };
  const sim = Simulation.fromScenario(scenario);
  sim.runToEnd();
  const o = outcome(sim.state);
  // One record at the crash (its users moved because dead), one when the LB notices.
  const atCrash = o.rehomed.find((r) => r.atS === 20.3)!;
  const detected = o.rehomed.find((r) => r.from === 3 && r.to === 2)!;
  return { o, atCrash, detected };
}

describe('a crash under each stickiness method', () => {
  it('ip-hash (nginx) moves only the dead server’s clients', () => {
    const { o, atCrash, detected } = crash('ip-hash');
    // About a third of the users were on server 1; nobody else moves.
    expect(atCrash.deadFraction).toBeGreaterThan(0.25);
    expect(atCrash.deadFraction).toBeLessThan(0.42);
    expect(detected.mapFraction).toBe(0);
    expect(o.sessions.lost / o.sessions.created).toBeLessThan(0.3);
  }, 30_000);

  it('hash-mod-n (HAProxy map-based) also moves users whose server is still up', () => {
    const { o, atCrash, detected } = crash('hash-mod-n');
    expect(atCrash.deadFraction).toBeGreaterThan(0.25);
    expect(atCrash.deadFraction).toBeLessThan(0.42);
    expect(detected.mapFraction).toBeGreaterThan(0.2);
    expect(detected.deadFraction).toBe(0);
    expect(o.sessions.lost).toBeGreaterThan(crash('ip-hash').o.sessions.lost * 1.4);
  }, 30_000);

  it('cookie reports the dead server’s users as moved because dead, none by the map', () => {
    const { atCrash, detected } = crash('cookie');
    expect(atCrash.deadFraction).toBeGreaterThan(0.25);
    expect(atCrash.deadFraction).toBeLessThan(0.42);
    expect(atCrash.fraction).toBe(atCrash.deadFraction);
    expect(detected.mapFraction).toBe(0);
  }, 30_000);
});

describe('placement salt', () => {
  it('gives each seed its own layout of shared addresses over servers', () => {
    // Two NAT groups carry 40 % of the users; which server they hash to depends on the seed.
    const hottest = new Set<number>();
    for (let seed = 1; seed <= 8; seed++) {
      const sim = Simulation.fromScenario({
        version: 1,
        seed,
        durationS: 30,
        architecture: 'in-memory',
        loadBalancer: { sticky: 'ip-hash' },
        servers: { count: 4 },
        users: { count: 200, sharedIpGroups: 1, sharedIpShare: 0.5 },
      });
      sim.runToEnd();
      const servers = outcome(sim.state).servers;
      const top = servers.reduce((a, b) => (b.requests > a.requests ? b : a));
      hottest.add(top.id);
    }
    expect(hottest.size).toBeGreaterThan(1);
  }, 30_000);
});

describe('load imbalance', () => {
  it('weights servers by their time in rotation, so a crashed one does not skew it', () => {
    const sim = Simulation.fromScenario({
      version: 1,
      seed: 3,
      durationS: 120,
      architecture: 'session-store',
      loadBalancer: { sticky: 'none', algorithm: 'round-robin' },
      users: { count: 300 },
      timeline: [{ atS: 30, action: 'kill-server', server: 1 }],
    });
    sim.runToEnd();
    // The two survivors share the load evenly, and server 1 had its share while it lived.
    expect(outcome(sim.state).loadImbalance).toBeLessThan(1.06);
  }, 30_000);
});

describe('draining with cookie stickiness', () => {
  it('starts new sessions elsewhere, so a drain finishes long before its deadline', () => {
    // A short TTL makes users log in again often, still carrying the draining server's cookie.
    const sim = Simulation.fromScenario({
      version: 1,
      seed: 5,
      durationS: 200,
      architecture: 'in-memory',
      store: { ttlS: 6 },
      loadBalancer: { sticky: 'cookie' },
      servers: { drainTimeoutS: 300 },
      users: { count: 300 },
      timeline: [{ atS: 20, action: 'remove-server', server: 2 }],
    });
    sim.runUntil(100_000);
    // A journey lasts about 20 s; once its users finish, no new login lands there.
    expect(sim.state.servers[1]!.status).toBe('down');
  }, 30_000);
});
