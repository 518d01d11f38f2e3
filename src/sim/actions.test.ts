/**
 * Every action a learner, a lesson or a timeline can take, driven at explicit simulated
 * times, with the effect each one must have.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';
import { Fail } from './model.ts';
import type { Scenario } from './scenario.ts';
import { Recorder, brokenInvariants } from './testkit.ts';

const stateless: Scenario = {
  version: 1,
  seed: 12,
  durationS: 60,
  architecture: 'session-store',
  // One check decides and refused connections are not retried, so each test sees the raw
  // mechanics; healthChecks.test.ts covers fall, rise and retries.
  loadBalancer: {
    sticky: 'none',
    algorithm: 'round-robin',
    healthCheckS: 2,
    fall: 1,
    rise: 1,
    retries: 0,
  },
  users: { count: 300 },
};

/** The first check of `server` at or after `tMs`: checks sit at its phase + k × interval. */
const nextCheckMs = (sim: Simulation, server: number, tMs: number): number => {
  const srv = sim.state.servers[server - 1]!;
  const interMs = sim.state.scenario.loadBalancer.healthCheckS * 1000;
  const k = Math.ceil((tMs - srv.checkPhaseMs - 1e-9) / interMs);
  return srv.checkPhaseMs + Math.max(0, k) * interMs;
};

const failed = (sim: Simulation, reason: number) => sim.state.counters.failedByReason[reason]!;

describe('kill-server and restart-server', () => {
  it('takes a server down until restarted, booted and seen healthy again', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario(stateless, rec);
    sim.runUntil(10_300);
    sim.command({ action: 'kill-server', server: 3 });
    const srv = sim.state.servers[2]!;
    expect(srv.status).toBe('down');
    sim.runUntil(20_000);
    expect(srv.lbHealthy).toBe(false);
    const servedWhileDown = srv.requests;
    sim.runUntil(25_000);
    expect(srv.requests).toBe(servedWhileDown);

    sim.runUntil(25_500);
    sim.command({ action: 'restart-server', server: 3 });
    expect(srv.status).toBe('booting');
    sim.runUntil(30_499);
    expect(srv.status).toBe('booting');
    sim.runUntil(30_501);
    expect(srv.status).toBe('up');
    // Up, but the load balancer only sends traffic after its next check.
    const seen = nextCheckMs(sim, 3, 30_500);
    if (seen > 30_501) expect(srv.lbHealthy).toBe(false);
    sim.runUntil(seen + 1);
    expect(srv.lbHealthy).toBe(true);
    sim.runUntil(40_000);
    expect(srv.requests).toBeGreaterThan(servedWhileDown + 200);
    expect(brokenInvariants(sim.state, rec)).toEqual([]);
  });

  it('refuses to kill a dead server or restart a running one', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario(stateless, rec);
    sim.command({ action: 'restart-server', server: 1 });
    sim.command({ action: 'kill-server', server: 9 });
    sim.command({ action: 'kill-server', server: 1 });
    sim.command({ action: 'kill-server', server: 1 });
    expect(rec.of('refused')).toHaveLength(3);
  });

  it('restart-all-servers boots every server that is down, and only those', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario(stateless, rec);
    sim.runUntil(10_000);
    sim.command({ action: 'restart-all-servers' });
    expect(rec.of('refused')).toHaveLength(1);
    sim.command({ action: 'kill-server', server: 1 });
    sim.command({ action: 'kill-server', server: 3 });
    sim.runUntil(12_000);
    sim.command({ action: 'restart-all-servers' });
    expect(sim.state.servers.map((x) => x.status)).toEqual(['booting', 'up', 'booting']);
    sim.runUntil(40_000);
    expect(sim.state.servers.every((x) => x.status === 'up' && x.lbHealthy)).toBe(true);
    expect(rec.of('refused')).toHaveLength(1);
    expect(brokenInvariants(sim.state, rec)).toEqual([]);
  });

  it('a server killed while booting and started again waits for a full boot', () => {
    const sim = Simulation.fromScenario({ ...stateless, servers: { bootS: 5 } });
    sim.runUntil(10_000);
    sim.command({ action: 'add-server', count: 1 });
    sim.runUntil(11_000);
    sim.command({ action: 'kill-server', server: 4 });
    sim.runUntil(12_000);
    sim.command({ action: 'restart-server', server: 4 });
    sim.runUntil(16_500);
    expect(sim.state.servers[3]!.status).toBe('booting');
    sim.runUntil(17_001);
    expect(sim.state.servers[3]!.status).toBe('up');
  });
});

describe('health checks', () => {
  it('requests sent to a killed server before the LB notices fail with server-down', () => {
    const sim = Simulation.fromScenario({
      ...stateless,
      loadBalancer: { ...stateless.loadBalancer, healthCheckS: 5 },
    });
    sim.runUntil(10_100);
    expect(failed(sim, Fail.ServerDown)).toBe(0);
    sim.command({ action: 'kill-server', server: 1 });
    // Detected at the server's next check; requests routed before it come back ~50 ms later.
    const detectMs = nextCheckMs(sim, 1, 10_100);
    sim.runUntil(detectMs);
    const beforeDetection = failed(sim, Fail.ServerDown);
    // Round robin sends a third of ~100 requests/s there until then.
    const windowS = (detectMs - 10_100) / 1000;
    expect(beforeDetection).toBeGreaterThan(20 * windowS);
    expect(beforeDetection).toBeLessThan(50 * windowS + 5);
    sim.runUntil(detectMs + 200);
    const detected = failed(sim, Fail.ServerDown);
    sim.runToEnd();
    expect(failed(sim, Fail.ServerDown)).toBe(detected);
    expect(sim.state.servers[0]!.lbHealthy).toBe(false);
  });

  it('a shorter health-check interval fails fewer requests', () => {
    const failures = (healthCheckS: number) => {
      const sim = Simulation.fromScenario({
        ...stateless,
        loadBalancer: { ...stateless.loadBalancer, healthCheckS },
      });
      sim.runUntil(10_100);
      sim.command({ action: 'kill-server', server: 1 });
      sim.runToEnd();
      return failed(sim, Fail.ServerDown);
    };
    expect(failures(1)).toBeLessThan(failures(10) / 4);
  });
});

describe('add-server and remove-server', () => {
  it('adds booting servers that join the pool once healthy', () => {
    const sim = Simulation.fromScenario(stateless);
    sim.runUntil(10_300);
    sim.command({ action: 'add-server', count: 2 });
    expect(sim.state.servers.map((s) => s.status)).toEqual([
      'up',
      'up',
      'up',
      'booting',
      'booting',
    ]);
    // Booted at 15.3 s, in rotation at each one's next check (within one 2 s interval).
    sim.runUntil(17_301);
    expect(sim.state.lb.pool).toEqual([1, 2, 3, 4, 5]);
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.servers[4]!.requests).toBeGreaterThan(500);
    expect(o.requests.failed).toBe(0);
  });

  it('drains a removed server: pinned users finish on it, then it stops, nobody lost', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario(
      {
        version: 1,
        seed: 12,
        durationS: 90,
        architecture: 'in-memory',
        loadBalancer: { sticky: 'cookie' },
        servers: { drainTimeoutS: 60 },
        users: { count: 300 },
      },
      rec,
    );
    sim.runUntil(20_300);
    sim.command({ action: 'remove-server', server: 2 });
    const srv = sim.state.servers[1]!;
    expect(srv.status).toBe('draining');
    expect(sim.state.lb.pool).toEqual([1, 3]);
    const before = srv.requests;
    sim.runUntil(22_000);
    // Users pinned to it keep being served while it drains.
    expect(srv.requests).toBeGreaterThan(before);
    sim.runToEnd();
    expect(srv.status).toBe('down');
    const stopped = rec.of('server').find((e) => e.server === 2 && e.reason === 'drained')!;
    expect(stopped).toBeDefined();
    // It stopped once its users were done, long before the 60 s deadline.
    expect(stopped.tMs).toBeLessThan(20_300 + 45_000);
    expect(outcome(sim.state).sessions.lost).toBe(0);
    expect(outcome(sim.state).requests.failed).toBe(0);
  });

  it('remove-server without a number drains the newest running server', () => {
    const sim = Simulation.fromScenario(stateless);
    sim.runUntil(1000);
    sim.command({ action: 'remove-server' });
    expect(sim.state.servers.map((s) => s.status)).toEqual(['up', 'up', 'draining']);
  });
});

describe('the store', () => {
  it('kill-store fails store requests until restart-store', () => {
    const sim = Simulation.fromScenario(stateless);
    sim.runUntil(10_300);
    sim.command({ action: 'kill-store' });
    sim.runUntil(15_000);
    const whileDown = failed(sim, Fail.StoreUnavailable);
    expect(whileDown).toBeGreaterThan(200);
    sim.command({ action: 'restart-store' });
    sim.runUntil(15_100);
    const atRestart = failed(sim, Fail.StoreUnavailable);
    sim.runToEnd();
    expect(failed(sim, Fail.StoreUnavailable)).toBe(atRestart);
    expect(sim.state.counters.requestsOk).toBeGreaterThan(3000);
  });

  it('add-store-replica adds a replica to Redis and is refused by Memcached', () => {
    const rec = new Recorder();
    const redis = Simulation.fromScenario(stateless, rec);
    redis.command({ action: 'add-store-replica' });
    expect(redis.state.store.replicas).toBe(1);
    expect(rec.of('refused')).toHaveLength(0);

    const rec2 = new Recorder();
    const memcached = Simulation.fromScenario({ ...stateless, store: { kind: 'memcached' } }, rec2);
    memcached.command({ action: 'add-store-replica' });
    expect(memcached.state.store.replicas).toBe(0);
    expect(rec2.of('refused')).toHaveLength(1);
  });

  it('a replica added at run time takes over when the primary dies', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario(stateless, rec);
    sim.runUntil(10_000);
    sim.command({ action: 'add-store-replica' });
    sim.runUntil(20_300);
    sim.command({ action: 'kill-store' });
    sim.runUntil(30_000);
    expect(rec.of('store').map((e) => e.status)).toEqual(['up', 'failing-over', 'failed-over']);
    expect(sim.state.store.up).toBe(true);
    expect(outcome(sim.state).sessions.lost).toBeLessThan(5);
  });
});

describe('load balancer settings', () => {
  it('set-algorithm changes how requests are spread', () => {
    const imbalance = (algorithm: 'round-robin' | 'random' | 'least-connections') => {
      const rec = new Recorder();
      const sim = Simulation.fromScenario({ ...stateless, servers: { count: 5 } }, rec);
      sim.runUntil(1);
      sim.command({ action: 'set-algorithm', algorithm });
      expect(sim.state.lb.algorithm).toBe(algorithm);
      expect(rec.of('lb').at(-1)!.algorithm).toBe(algorithm);
      sim.runToEnd();
      return outcome(sim.state).loadImbalance;
    };
    const rr = imbalance('round-robin');
    const random = imbalance('random');
    const least = imbalance('least-connections');
    expect(rr).toBeLessThan(1.01);
    expect(random).toBeGreaterThan(rr);
    expect(random).toBeLessThan(1.1);
    expect(least).toBeLessThan(1.05);
  });
});

describe('set-users', () => {
  it('a spike multiplies the load; when it ends the load comes back down', () => {
    const sim = Simulation.fromScenario({ ...stateless, durationS: 120 });
    const rate = (fromMs: number, toMs: number) => {
      sim.runUntil(fromMs);
      const a = sim.state.counters.requestsStarted;
      sim.runUntil(toMs);
      return (sim.state.counters.requestsStarted - a) / ((toMs - fromMs) / 1000);
    };
    const before = rate(10_000, 30_000);
    sim.command({ action: 'set-users', count: 900 });
    expect(sim.state.users.filter((u) => u.active)).toHaveLength(900);
    const spike = rate(40_000, 60_000);
    sim.command({ action: 'set-users', count: 300 });
    expect(sim.state.users.filter((u) => u.active)).toHaveLength(300);
    const after = rate(70_000, 110_000);
    expect(spike / before).toBeGreaterThan(2.7);
    expect(spike / before).toBeLessThan(3.3);
    expect(after / before).toBeGreaterThan(0.9);
    expect(after / before).toBeLessThan(1.1);
    expect(brokenInvariants(sim.state)).toEqual([]);
  });

  it('users sent away and called back while thinking do not double their requests', () => {
    const sim = Simulation.fromScenario({ ...stateless, durationS: 200, users: { count: 50 } });
    sim.runUntil(10_000);
    for (let k = 0; k < 20; k++) {
      sim.command({ action: 'set-users', count: 0 });
      sim.runUntil(sim.nowMs + 200);
      sim.command({ action: 'set-users', count: 50 });
      sim.runUntil(sim.nowMs + 200);
      expect(brokenInvariants(sim.state)).toEqual([]);
    }
    sim.runUntil(40_000);
    const a = sim.state.counters.requestsStarted;
    sim.runUntil(190_000);
    const rate = (sim.state.counters.requestsStarted - a) / 150;
    // 50 users with 3 s think time and ~0.1 s response time: about 16 requests/s.
    expect(rate).toBeGreaterThan(14.5);
    expect(rate).toBeLessThan(17.5);
  });
});

describe('deploy', () => {
  it('restarts every server once, one at a time, without failing a request', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario({ ...stateless, servers: { count: 4 } }, rec);
    sim.runUntil(10_000);
    sim.command({ action: 'deploy', drainS: 10 });
    let maxOut = 0;
    while (sim.nowMs < 60_000) {
      sim.runUntil(sim.nowMs + 100);
      const out = sim.state.servers.filter((s) => s.status !== 'up').length;
      maxOut = Math.max(maxOut, out);
    }
    expect(maxOut).toBe(1);
    const restarts = rec.of('deploy').filter((e) => e.phase === 'restarting');
    expect(restarts.map((e) => e.server)).toEqual([1, 2, 3, 4]);
    expect(rec.of('deploy').at(-1)).toMatchObject({ server: 0, phase: 'done' });
    expect(sim.state.deploy).toBeNull();
    expect(sim.state.servers.every((s) => s.status === 'up' && s.lbHealthy)).toBe(true);
    expect(outcome(sim.state).requests.failed).toBe(0);
  });

  it('refuses a second deploy while one rolls, and rolls on past a server killed mid-deploy', () => {
    const rec = new Recorder();
    const sim = Simulation.fromScenario(stateless, rec);
    sim.runUntil(10_000);
    sim.command({ action: 'deploy' });
    sim.command({ action: 'deploy' });
    expect(rec.of('refused')).toHaveLength(1);
    sim.runUntil(12_000);
    // Server 1 is booting its new version; it dies.
    sim.command({ action: 'kill-server', server: 1 });
    sim.runUntil(50_000);
    const restarted = rec.of('deploy').filter((e) => e.phase === 'restarting');
    expect(restarted.map((e) => e.server)).toEqual([1, 2, 3]);
    expect(sim.state.deploy).toBeNull();
  });
});

/** Whole autoscaling runs: seconds of work on an idle machine, more on a busy one. */
const AUTOSCALE_TIMEOUT_MS = 120_000;

describe('autoscale', { timeout: AUTOSCALE_TIMEOUT_MS }, () => {
  it('grows toward max under a spike and shrinks back when it ends', () => {
    const sim = Simulation.fromScenario({
      ...stateless,
      durationS: 600,
      servers: {
        count: 2,
        autoscale: { targetUtilization: 0.6, min: 2, max: 8, intervalS: 10 },
      },
      users: { count: 200 },
      timeline: [
        { atS: 30, action: 'set-users', count: 2000 },
        { atS: 180, action: 'set-users', count: 200 },
      ],
    });
    const running = () => sim.state.servers.filter((s) => s.status === 'up').length;
    sim.runUntil(29_000);
    expect(running()).toBe(2);
    let peak = 0;
    while (sim.nowMs < 180_000) {
      sim.runUntil(sim.nowMs + 1000);
      peak = Math.max(peak, running());
    }
    // 2,000 users need about 14 busy workers at a 21 ms service time: 6–8 servers at 60 %.
    expect(peak).toBeGreaterThanOrEqual(7);
    expect(peak).toBeLessThanOrEqual(8);
    expect(running()).toBeGreaterThanOrEqual(6);
    // Scale-in waits for the stabilisation window (300 s) of low recommendations.
    sim.runUntil(470_000);
    expect(running()).toBeGreaterThanOrEqual(6);
    sim.runToEnd();
    expect(running()).toBe(2);
  }, 30_000);
});

describe('overload', () => {
  it('a full queue turns requests away as overloaded', () => {
    const sim = Simulation.fromScenario({
      ...stateless,
      durationS: 30,
      servers: { count: 1, workers: 1, queueLimit: 2 },
    });
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.failedByReason.overloaded).toBeGreaterThan(o.requests.total * 0.3);
    expect(o.failedByReason.overloaded).toBe(o.requests.failed);
    expect(o.servers[0]!.utilization).toBeGreaterThan(0.95);
  });

  it('no servers at all: every request fails with no-healthy-server', () => {
    const sim = Simulation.fromScenario({ ...stateless, durationS: 10 });
    for (const server of [1, 2, 3]) sim.command({ action: 'kill-server', server });
    // The LB notices within one interval (2 s); requests routed before come back by ~2.1 s.
    sim.runUntil(2200);
    const before = sim.state.counters.requestsFailed;
    const noServerBefore = failed(sim, Fail.NoHealthyServer);
    sim.runToEnd();
    const o = outcome(sim.state);
    expect(o.requests.ok).toBe(0);
    expect(failed(sim, Fail.NoHealthyServer) - noServerBefore).toBe(o.requests.failed - before);
    expect(o.failedByReason['no-healthy-server']).toBeGreaterThan(100);
  });
});
