/**
 * The load balancer's view of the servers, as HAProxy builds it: each server is checked
 * every `inter` at its own phase, taken out after `fall` failed checks and put back after
 * `rise` passed ones; and a refused connection is retried on another server (HAProxy
 * `retries` + `option redispatch`, nginx `proxy_next_upstream error`).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { Fail } from './model.ts';
import type { Scenario } from './scenario.ts';
import { Recorder, brokenInvariants } from './testkit.ts';

const base: Scenario = {
  version: 1,
  seed: 1,
  durationS: 60,
  architecture: 'session-store',
  loadBalancer: { sticky: 'none', algorithm: 'round-robin', healthCheckS: 2 },
  users: { count: 300 },
};

/** When the LB took `server` out of (or put it into) rotation after `afterMs`. */
function lbChangeMs(rec: Recorder, server: number, reason: string, afterMs: number): number {
  const e = rec.of('server').find((x) => x.server === server && x.reason === reason);
  if (!e || e.tMs < afterMs) throw new Error(`no ${reason} for server ${server}`);
  return e.tMs;
}

describe('health checks (inter, fall, rise)', () => {
  it('notice a kill after fall failed checks, at a per-server phase, even on a round second', () => {
    const delays: number[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const rec = new Recorder();
      const sim = Simulation.fromScenario(
        { ...base, seed, timeline: [{ atS: 30, action: 'kill-server', server: 1 }] },
        rec,
      );
      sim.runUntil(40_000);
      delays.push(lbChangeMs(rec, 1, 'lb-removed', 30_000) - 30_000);
    }
    // Default fall 3, inter 2 s: the third failed check comes 4 to 6 s after the kill.
    for (const d of delays) {
      expect(d).toBeGreaterThan(4000);
      expect(d).toBeLessThanOrEqual(6000);
    }
    // The phase differs from run to run, so the delay does too.
    expect(new Set(delays.map((d) => Math.round(d))).size).toBeGreaterThan(8);
  }, 30_000);

  it('put a restarted server back after rise passed checks', () => {
    for (const rise of [1, 2, 4]) {
      const rec = new Recorder();
      const sim = Simulation.fromScenario(
        {
          ...base,
          loadBalancer: { ...base.loadBalancer, rise },
          servers: { bootS: 5 },
          timeline: [
            { atS: 10, action: 'kill-server', server: 2 },
            { atS: 20, action: 'restart-server', server: 2 },
          ],
        },
        rec,
      );
      sim.runUntil(50_000);
      const upAt = 25_000;
      const added = lbChangeMs(rec, 2, 'lb-added', upAt);
      expect(added - upAt).toBeGreaterThan((rise - 1) * 2000);
      expect(added - upAt).toBeLessThanOrEqual(rise * 2000);
    }
  }, 30_000);

  it('count a kill between checks as failures only when retries are off', () => {
    const serverDown = (retries: number, killAtS: number) => {
      const sim = Simulation.fromScenario({
        ...base,
        loadBalancer: { ...base.loadBalancer, retries, fall: 1 },
        timeline: [{ atS: killAtS, action: 'kill-server', server: 1 }],
      });
      sim.runToEnd();
      return sim.state.counters.failedByReason[Fail.ServerDown]!;
    };
    // Kills at and just after a round second fail comparable numbers of requests: the
    // checks do not sit on a global 2 s grid that a kill at 30 s would land on.
    const atRound = serverDown(0, 30);
    const justAfter = serverDown(0, 30.001);
    expect(atRound).toBeGreaterThan(10);
    expect(Math.abs(atRound - justAfter)).toBeLessThan(Math.max(atRound, justAfter) * 0.2);
  }, 30_000);
});

describe('retries on a refused connection', () => {
  it('send requests refused by a dead server to another one: only those inside it fail', () => {
    const run = (retries: number) => {
      const rec = new Recorder();
      const sim = Simulation.fromScenario(
        {
          ...base,
          loadBalancer: { ...base.loadBalancer, retries },
          timeline: [{ atS: 30.5, action: 'kill-server', server: 1 }],
        },
        rec,
      );
      sim.runToEnd();
      expect(brokenInvariants(sim.state, rec)).toEqual([]);
      return sim.state.counters;
    };
    const raw = run(0);
    const retried = run(3);
    // Without retries every request sent there before the LB noticed (4–6 s at ~33/s) fails.
    expect(raw.failedByReason[Fail.ServerDown]).toBeGreaterThan(100);
    expect(raw.retries).toBe(0);
    // With them, the only failures are requests that were inside the server when it died:
    // at most its 4 workers plus its queue (here a handful).
    expect(retried.failedByReason[Fail.ServerDown]).toBeLessThan(10);
    expect(retried.retries).toBeGreaterThan(100);
    expect(retried.requestsOk).toBeGreaterThan(raw.requestsOk);
  }, 30_000);

  it('never try a server twice and give up after the configured number of retries', () => {
    const run = (retries: number) => {
      const rec = new Recorder();
      const sim = Simulation.fromScenario(
        {
          ...base,
          durationS: 4,
          servers: { count: 4 },
          loadBalancer: { ...base.loadBalancer, retries, fall: 100 },
        },
        rec,
      );
      // Every server dies and the LB will not notice within the run: each request is refused
      // by 1 + min(retries, 3) distinct servers, then fails.
      for (const server of [1, 2, 3, 4]) sim.command({ action: 'kill-server', server });
      sim.runToEnd();
      expect(brokenInvariants(sim.state, rec)).toEqual([]);
      const c = sim.state.counters;
      return { perRequest: c.retries / c.requestsFailed, failed: c.requestsFailed };
    };
    expect(run(1).perRequest).toBeCloseTo(1, 1);
    expect(run(3).perRequest).toBeCloseTo(3, 1);
    expect(run(10).perRequest).toBeCloseTo(3, 1);
    expect(run(3).failed).toBeGreaterThan(100);
  }, 30_000);

  it('re-pin a cookie user to the server that answered', () => {
    const sim = Simulation.fromScenario({
      ...base,
      architecture: 'in-memory',
      loadBalancer: { ...base.loadBalancer, sticky: 'cookie' },
      timeline: [{ atS: 20.5, action: 'kill-server', server: 1 }],
    });
    const pinnedTo1 = () => sim.state.users.filter((u) => u.cookieServer === 1).length;
    sim.runUntil(20_500);
    const before = pinnedTo1();
    expect(before).toBeGreaterThan(60);
    // 3.5 s later the LB has not noticed yet (fall 3 × 2 s), but most of those users have
    // sent a request, been refused and redispatched, and now carry the new server's cookie.
    sim.runUntil(24_000);
    expect(sim.state.servers[0]!.lbHealthy).toBe(true);
    expect(pinnedTo1()).toBeLessThan(before * 0.5);
  }, 30_000);
});
