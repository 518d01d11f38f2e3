/**
 * Where state lives decides what a failure costs: sessions in a server's memory die with it,
 * sessions in a store survive the server but not a store without a replica, a token survives
 * both but makes every request bigger.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { activeSessionCount, outcome } from './outcome.ts';
import { isActive } from './sessions.ts';
import type { Scenario } from './scenario.ts';
import { Recorder } from './testkit.ts';

/** Active sessions held in server `id`'s memory right now. */
function activeOnServer(sim: Simulation, id: number): number {
  const ctx = { s: sim.state, obs: null };
  let n = 0;
  for (const sess of sim.state.servers[id - 1]!.sessions.values()) if (isActive(ctx, sess)) n++;
  return n;
}

const base: Scenario = { version: 1, seed: 5, durationS: 60, users: { count: 300 } };

describe('killing one of three servers', () => {
  it('in memory with cookie stickiness: loses the sessions that lived on it', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario({ ...base, architecture: 'in-memory' }, rec);
    sim.runUntil(20_300);
    const onServer = activeOnServer(sim, 2);
    expect(onServer).toBeGreaterThan(60);
    const lostBefore = sim.state.counters.sessionsLost;
    sim.command({ action: 'kill-server', server: 2 });
    const atKill = rec.of('sessions-lost').filter((e) => e.cause === 'server-died');
    expect(atKill).toHaveLength(1);
    expect(atKill[0]!.count).toBe(onServer);
    sim.runToEnd();
    const lost = sim.state.counters.sessionsLost - lostBefore;
    // A login whose answer was already on its way back finds no session next time: a few more.
    expect(lost).toBeGreaterThanOrEqual(onServer);
    expect(lost).toBeLessThanOrEqual(onServer + 3);
    // Each of them had to log in again.
    expect(outcome(sim.state).failedByReason['session-lost']).toBe(lost);
  });

  it('with a session store: loses no session', () => {
    const sim = Simulation.fromScenario({ ...base, architecture: 'session-store' });
    sim.runUntil(20_300);
    sim.command({ action: 'kill-server', server: 2 });
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.sessions.lost).toBe(0);
    expect(o.cart.itemsLost).toBe(0);
    expect(o.staleReads).toBe(0);
    expect(o.failedByReason['session-lost']).toBe(0);
  });

  it('with JWT: loses no session', () => {
    const sim = Simulation.fromScenario({ ...base, architecture: 'jwt' });
    sim.runUntil(20_300);
    sim.command({ action: 'kill-server', server: 2 });
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.sessions.lost).toBe(0);
    expect(o.staleReads).toBe(0);
  });
});

describe('killing the session store', () => {
  const store = (replicas: number): Scenario => ({
    ...base,
    architecture: 'session-store',
    store: { kind: 'redis', replicas, failoverS: 2, replicationLagMs: 100 },
  });

  it('with no replica: every active session is lost', () => {
    const sim = Simulation.fromScenario(store(0));
    sim.runUntil(20_300);
    const active = activeSessionCount(sim.state);
    expect(active).toBeGreaterThan(200);
    sim.command({ action: 'kill-store' });
    const lost = sim.state.counters.sessionsLost;
    // A user whose checkout answer is still on its way counts as active but has no session.
    expect(lost).toBeLessThanOrEqual(active);
    expect(lost).toBeGreaterThanOrEqual(active - 3);
    sim.runUntil(25_000);
    expect(sim.state.counters.failedByReason[4]).toBeGreaterThan(100); // store-unavailable
    sim.command({ action: 'restart-store' });
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.sessions.lost).toBe(lost);
    expect(o.failedByReason['session-lost']).toBeGreaterThan(lost * 0.9);
  });

  it('with a replica: fails over and loses only writes younger than the replication lag', () => {
    const sim = Simulation.fromScenario(store(1));
    sim.runUntil(20_300);
    let young = 0;
    for (const sess of sim.state.store.sessions.values()) {
      if (sess.createdAtMs > 20_300 - 100) young++;
    }
    sim.command({ action: 'kill-store' });
    expect(sim.state.store.up).toBe(false);
    sim.runUntil(22_299);
    expect(sim.state.store.up).toBe(false);
    sim.runUntil(22_301);
    expect(sim.state.store.up).toBe(true);
    expect(sim.state.store.replicas).toBe(0);
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.sessions.lost).toBeLessThanOrEqual(young);
    expect(o.sessions.lost).toBeLessThan(5);
    // Items written in the last 100 ms before the kill may be gone: a few, not hundreds.
    expect(o.cart.itemsLost).toBeLessThan(10);
  });

  it('of a durable kind (DynamoDB): loses nothing, only fails requests while down', () => {
    const sim = Simulation.fromScenario({
      ...base,
      architecture: 'session-store',
      store: { kind: 'dynamodb' },
    });
    sim.runUntil(20_300);
    sim.command({ action: 'kill-store' });
    sim.runUntil(25_000);
    sim.command({ action: 'restart-store' });
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.failedByReason['store-unavailable']).toBeGreaterThan(100);
    expect(o.sessions.lost).toBe(0);
    expect(o.staleReads).toBe(0);
  });
});

describe('in-memory sessions without stickiness', () => {
  it('most requests after login land on a server that does not know the user', () => {
    const sim = Simulation.fromScenario({
      ...base,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'none', algorithm: 'round-robin' },
    });
    sim.runToEnd();
    const o = outcome(sim.state);
    // Every login succeeds here (nothing else fails), so logins = sessions created.
    const afterLogin = o.requests.total - o.sessions.created;
    const lostShare = o.failedByReason['session-lost']! / afterLogin;
    // With 3 servers, 2 in 3 requests go elsewhere.
    expect(lostShare).toBeGreaterThan(0.5);
    expect(lostShare).toBeLessThan(0.8);
    expect(o.failedByReason['session-lost']).toBe(o.requests.failed);
  });

  it('with a start-empty policy: no forced logins, but reads disagree with writes', () => {
    const sim = Simulation.fromScenario({
      ...base,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'none' },
      servers: { onMissingSession: 'start-empty' },
    });
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.failedByReason['session-lost']).toBe(0);
    expect(o.staleReads).toBeGreaterThan(100);
  });
});

describe('request size', () => {
  it('JWT requests carry more than ten times the bytes of a session cookie', () => {
    const bytes = (architecture: NonNullable<Scenario['architecture']>) => {
      const sim = Simulation.fromScenario({ ...base, durationS: 30, architecture });
      sim.runToEnd();
      return outcome(sim.state).bytesPerRequest;
    };
    const memory = bytes('in-memory');
    const store = bytes('session-store');
    const jwt = bytes('jwt');
    // Logins carry no credential, so the means sit below the credential sizes.
    expect(memory.mean).toBeLessThan(12);
    expect(store.mean).toBeLessThan(12);
    expect(memory.credential).toBe(12);
    expect(jwt.credential).toBe(232);
    expect(jwt.mean).toBeGreaterThan(10 * memory.mean);
    expect(jwt.mean).toBeGreaterThan(10 * store.mean);
  });
});
