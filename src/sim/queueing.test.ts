/**
 * The users form a closed loop (send, wait, think, send again), so the run must obey the
 * interactive response-time law N = X·(R + Z), and with exponential service on one server it
 * must agree with an exact mean value analysis (MVA) of the matching closed queueing network:
 * a delay station (think time plus the fixed network hops) and one queue with c workers.
 *
 * One detail keeps the model from being a pure product-form network: a login and a checkout
 * hold their worker during a 2–5 ms database round trip as well as the exponential service.
 * The MVA takes the mean time a worker is held per request, measured from the run, as the
 * queue's service demand (that is what MVA needs: a mean), and the test separately checks that
 * this mean is the 20 ms service time plus the expected database share.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { DB_RTT_MAX_MS, DB_RTT_MIN_MS } from './catalog.ts';

/** Exact MVA for a closed network: one delay station (Z ms) and one queue with c servers. */
function mva(users: number, serviceMs: number, workers: number, delayMs: number) {
  // Load-dependent MVA: p[j] = probability that j users are at the queue.
  let p = [1];
  let responseMs = 0;
  let throughputPerMs = 0;
  for (let n = 1; n <= users; n++) {
    responseMs = 0;
    for (let j = 1; j <= n; j++)
      responseMs += (j * serviceMs * (p[j - 1] ?? 0)) / Math.min(j, workers);
    throughputPerMs = n / (delayMs + responseMs);
    const next = new Array<number>(n + 1).fill(0);
    let rest = 0;
    for (let j = 1; j <= n; j++) {
      next[j] = ((throughputPerMs * serviceMs) / Math.min(j, workers)) * (p[j - 1] ?? 0);
      rest += next[j]!;
    }
    next[0] = 1 - rest;
    p = next;
  }
  return { responseMs, throughputPerS: throughputPerMs * 1000 };
}

interface Measured {
  throughputPerS: number;
  responseMs: number;
  holdMs: number;
}

/** Runs a closed-loop scenario and measures X, R and the worker hold time after warm-up. */
function measure(users: number, workers: number, serviceMs: number, thinkS: number): Measured {
  const sim = Simulation.fromScenario({
    version: 1,
    seed: 9,
    durationS: 1200,
    architecture: 'in-memory',
    loadBalancer: { sticky: 'cookie' },
    servers: {
      count: 1,
      workers,
      serviceTimeMs: serviceMs,
      serviceTimeDistribution: 'exponential',
    },
    users: { count: users, thinkTimeS: thinkS },
    network: { clientLatencyMs: 1, lbLatencyMs: 0.1 },
  });
  const s = sim.state;
  const srv = s.servers[0]!;
  const snapshot = () => ({
    ms: s.nowMs,
    ended: s.counters.requestsOk + s.counters.requestsFailed,
    latencySumMs: s.latency.sumMs,
    latencyCount: s.latency.count,
    busyMs: srv.busyMs,
    visits: srv.requests,
  });
  sim.runUntil(60_000);
  const a = snapshot();
  sim.runToEnd();
  const b = snapshot();
  expect(s.counters.requestsFailed).toBe(0);
  return {
    throughputPerS: (b.ended - a.ended) / ((b.ms - a.ms) / 1000),
    responseMs: (b.latencySumMs - a.latencySumMs) / (b.latencyCount - a.latencyCount),
    holdMs: (b.busyMs - a.busyMs) / (b.visits - a.visits),
  };
}

/** Mean network time of one request: user → LB → server and back (mean of each jitter). */
const NETWORK_MS = 2 * 1 + 2 * 0.1;

/** Expected share of requests that are a login or a checkout: 2 of a 6.5-step journey. */
const DB_SHARE = 2 / 6.5;
const DB_MEAN_MS = (DB_RTT_MIN_MS + DB_RTT_MAX_MS) / 2;

describe('closed-loop users', () => {
  const cases = [
    { users: 5, workers: 1, serviceMs: 50, thinkS: 0.5 },
    { users: 10, workers: 1, serviceMs: 50, thinkS: 0.5 },
    { users: 20, workers: 1, serviceMs: 20, thinkS: 0.5 },
    { users: 30, workers: 3, serviceMs: 50, thinkS: 0.5 },
  ];

  for (const c of cases) {
    const label = `${c.users} users, ${c.workers} worker(s), ${c.serviceMs} ms service`;
    it(`obey N = X·(R + Z) and match exact MVA: ${label}`, () => {
      const m = measure(c.users, c.workers, c.serviceMs, c.thinkS);
      const thinkMs = c.thinkS * 1000;

      // The interactive response-time law, within 2 %.
      const n = (m.throughputPerS / 1000) * (m.responseMs + thinkMs);
      expect(Math.abs(n - c.users) / c.users).toBeLessThan(0.02);

      // The worker is held for the service time plus, for logins and checkouts, a DB trip.
      const expectedHold = c.serviceMs + DB_SHARE * DB_MEAN_MS;
      expect(Math.abs(m.holdMs - expectedHold) / expectedHold).toBeLessThan(0.05);

      // MVA with the fixed network hops counted in the delay station.
      const model = mva(c.users, m.holdMs, c.workers, thinkMs + NETWORK_MS);
      const predictedMs = model.responseMs + NETWORK_MS;
      expect(Math.abs(m.responseMs - predictedMs) / predictedMs).toBeLessThan(0.1);
      expect(Math.abs(m.throughputPerS - model.throughputPerS) / model.throughputPerS).toBeLessThan(
        0.05,
      );
    });
  }

  it('MVA itself: one user never waits; many users saturate the workers', () => {
    const one = mva(1, 50, 1, 500);
    expect(one.responseMs).toBeCloseTo(50, 9);
    expect(one.throughputPerS).toBeCloseTo(1000 / 550, 9);
    const many = mva(200, 50, 2, 500);
    expect(many.throughputPerS).toBeCloseTo(40, 3);
  });
});
