/**
 * Property tests: random small scenarios with random timelines must keep the bookkeeping
 * invariants at every checkpoint (every request ends exactly once, counters add up, no
 * server is busier than its workers, …) and must be reproducible from their seed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';
import {
  ALGORITHMS,
  ARCHITECTURES,
  MISSING_SESSION_POLICIES,
  STICKY_METHODS,
  STORE_KINDS,
  type Action,
  type Scenario,
  type TimelineEntry,
} from './scenario.ts';
import { Recorder, brokenInvariants } from './testkit.ts';

const DURATION_S = 30;

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    action: fc.constant('kill-server' as const),
    server: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({
    action: fc.constant('restart-server' as const),
    server: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({ action: fc.constant('add-server' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.oneof(
    fc.constant<Action>({ action: 'remove-server' }),
    fc.record({
      action: fc.constant('remove-server' as const),
      server: fc.integer({ min: 1, max: 7 }),
    }),
  ),
  fc.constant<Action>({ action: 'kill-store' }),
  fc.constant<Action>({ action: 'restart-store' }),
  fc.constant<Action>({ action: 'add-store-replica' }),
  fc.record({
    action: fc.constant('set-sticky' as const),
    sticky: fc.constantFrom(...STICKY_METHODS),
  }),
  fc.record({
    action: fc.constant('set-algorithm' as const),
    algorithm: fc.constantFrom(...ALGORITHMS),
  }),
  fc.record({ action: fc.constant('set-users' as const), count: fc.integer({ min: 0, max: 80 }) }),
  fc.oneof(
    fc.constant<Action>({ action: 'deploy' }),
    fc.record({ action: fc.constant('deploy' as const), drainS: fc.integer({ min: 0, max: 5 }) }),
  ),
);

// Actions come in clusters a fraction of a second apart, so that interactions (a server killed
// while booting, users sent away and called back while thinking) happen often.
const clusterArb = fc.tuple(
  fc.integer({ min: 0, max: (DURATION_S - 2) * 10 }),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), actionArb), { minLength: 1, maxLength: 3 }),
);

const timelineArb: fc.Arbitrary<TimelineEntry[]> = fc
  .array(clusterArb, { maxLength: 4 })
  .map((clusters) =>
    clusters.flatMap(([start, actions]) => {
      let t = start;
      return actions.map(([gap, a]) => {
        t += gap;
        return { ...a, atS: t / 10 };
      });
    }),
  );

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    architecture: fc.constantFrom(...ARCHITECTURES),
    sticky: fc.constantFrom(...STICKY_METHODS),
    algorithm: fc.constantFrom(...ALGORITHMS),
    users: fc.integer({ min: 1, max: 60 }),
    servers: fc.integer({ min: 1, max: 5 }),
    workers: fc.integer({ min: 1, max: 4 }),
    queueLimit: fc.integer({ min: 0, max: 20 }),
    distribution: fc.constantFrom('constant' as const, 'exponential' as const),
    storeKind: fc.constantFrom(...STORE_KINDS),
    replicas: fc.integer({ min: 0, max: 2 }),
    persistence: fc.constantFrom('none' as const, 'aof' as const),
    healthCheckS: fc.constantFrom(0.5, 1, 2, 3),
    bootS: fc.constantFrom(0.5, 1, 3),
    drainTimeoutS: fc.constantFrom(1, 5),
    thinkTimeS: fc.constantFrom(0.2, 0.5, 1, 2),
    heavyShare: fc.constantFrom(0, 0.2),
    sharedIpGroups: fc.integer({ min: 0, max: 3 }),
    onMissingSession: fc.constantFrom(...MISSING_SESSION_POLICIES),
    autoscale: fc.boolean(),
    timeline: timelineArb,
  })
  .map((r): Scenario => ({
    version: 1,
    seed: r.seed,
    durationS: DURATION_S,
    architecture: r.architecture,
    store: {
      kind: r.storeKind,
      replicas: r.storeKind === 'memcached' ? 0 : r.replicas,
      persistence: r.persistence,
      failoverS: 1,
    },
    loadBalancer: { algorithm: r.algorithm, sticky: r.sticky, healthCheckS: r.healthCheckS },
    servers: {
      count: r.servers,
      workers: r.workers,
      queueLimit: r.queueLimit,
      serviceTimeDistribution: r.distribution,
      bootS: r.bootS,
      drainTimeoutS: r.drainTimeoutS,
      onMissingSession: r.onMissingSession,
      ...(r.autoscale
        ? { autoscale: { targetUtilization: 0.5, min: 1, max: 6, intervalS: 2 } }
        : {}),
    },
    users: {
      count: r.users,
      thinkTimeS: r.thinkTimeS,
      heavyShare: r.heavyShare,
      sharedIpGroups: r.sharedIpGroups,
    },
    timeline: r.timeline,
  }));

/**
 * These run whole simulations (many, for the property tests): seconds of work on an idle
 * machine, several times that on a busy one. Vitest's 5 s default is for small tests.
 */
const HEAVY_TEST_TIMEOUT_MS = 120_000;

describe('random scenarios', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it('keep every bookkeeping invariant at every checkpoint', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const rec = new Recorder();
        const sim = Simulation.fromScenario(scenario, rec);
        for (let t = 1000; t <= DURATION_S * 1000; t += 1000) {
          sim.runUntil(t);
          const bad = brokenInvariants(sim.state, rec);
          if (bad.length > 0) throw new Error(`at ${t} ms: ${bad.slice(0, 5).join('; ')}`);
        }
        const o = outcome(sim.state);
        const c = sim.state.counters;
        expect(o.requests.total + o.requests.inFlight).toBe(c.requestsStarted);
        expect(o.requests.ok + o.requests.failed).toBe(o.requests.total);
        const sum = Object.values(o.failedByReason).reduce((a, b) => a + b, 0);
        expect(sum).toBe(o.requests.failed);
        expect(o.requests.inFlight).toBeGreaterThanOrEqual(0);
        expect(o.staleReads).toBeGreaterThanOrEqual(0);
        expect(o.loadImbalance).toBeGreaterThanOrEqual(1);
        for (const srv of o.servers) {
          expect(srv.utilization).toBeGreaterThanOrEqual(0);
          expect(srv.utilization).toBeLessThanOrEqual(1);
        }
        for (const r of o.rehomed) {
          expect(r.fraction).toBeGreaterThanOrEqual(0);
          expect(r.fraction).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('lose nothing where nothing can be lost: JWT, and a durable session store', () => {
    const safe = scenarioArb.filter(
      (sc) =>
        sc.architecture === 'jwt' ||
        (sc.architecture === 'session-store' &&
          (sc.store?.kind === 'dynamodb' || sc.store?.kind === 'cassandra')),
    );
    fc.assert(
      fc.property(safe, (scenario) => {
        const sim = Simulation.fromScenario(scenario);
        sim.runToEnd();
        const o = outcome(sim.state);
        // Servers die, restart, drain and deploy; the store dies and restarts: still no
        // session is lost, no item vanishes and no read disagrees with the user's own writes.
        expect(o.sessions.lost).toBe(0);
        expect(o.cart.itemsLost).toBe(0);
        expect(o.staleReads).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('are reproducible: the timeline, live commands and enqueued commands give one run', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const fromTimeline = Simulation.fromScenario(scenario);
        fromTimeline.runToEnd();

        const { timeline: unsorted = [], ...bare } = scenario;
        // Same order as the engine gives a timeline: by time, ties in file order.
        const timeline = [...unsorted].sort((a, b) => a.atS - b.atS);
        const live = Simulation.fromScenario(bare);
        for (const { atS, ...action } of timeline) {
          live.runUntil(atS * 1000);
          live.command(action as Action);
        }
        live.runToEnd();

        const queued = Simulation.fromScenario(bare);
        for (const { atS, ...action } of timeline) {
          queued.enqueue({ ...(action as Action), atMs: atS * 1000 });
        }
        queued.runToEnd();

        expect(live.eventLogHash).toBe(fromTimeline.eventLogHash);
        expect(queued.eventLogHash).toBe(fromTimeline.eventLogHash);
        expect(outcome(live.state)).toEqual(outcome(fromTimeline.state));
      }),
      { numRuns: 30 },
    );
  });
});
