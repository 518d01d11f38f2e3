/**
 * Compare mode's promise, checked on the core: with the same seed, every architecture gets
 * the same users sending the same traffic, until their outcomes diverge.
 *
 * What the core guarantees today, and what it does not:
 * - Users (heavy or light, NAT address, think-time mean) and their first journey's plan are
 *   drawn at t = 0 in user order, so they are identical in every architecture, and so is the
 *   moment each user sends the first request.
 * - A user then walks the plan step by step, so each user asks for the same things (login,
 *   browse, add item X, view cart, checkout) in the same order in every architecture, until
 *   the user's first failed request (a retry or a forced re-login changes the path).
 * - The later send *times* are not identical: each think time is the next number of one
 *   stream shared by all users, drawn when a response arrives. Responses arrive in a slightly
 *   different order in each architecture (a store round trip here, a database read there), so
 *   the same think times go to different users. Making a user's k-th think time (and its next
 *   journey's plan) depend only on the user — one stream per user, or a counter-based draw
 *   keyed by user and request number — would make the times differ only by the latency the
 *   architecture adds. That is a change to src/sim, not something these tests can assume.
 */
import { describe, expect, it } from 'vitest';
import {
  presetScenario,
  resolveScenario,
  Simulation,
  type Architecture,
  type Scenario,
} from './index.ts';
import { Node, Op } from './model.ts';

const ARCHS: Architecture[] = ['in-memory', 'session-store', 'jwt'];

interface Send {
  tMs: number;
  op: number;
  item: number;
  failed: boolean;
}

/** The same scenario with state kept elsewhere (as Compare mode's panes do). */
function variant(base: Scenario, arch: Architecture): Scenario {
  return {
    ...structuredClone(base),
    architecture: arch,
    loadBalancer: { ...base.loadBalancer, sticky: arch === 'in-memory' ? 'cookie' : 'none' },
  };
}

/** Runs to `untilMs` and returns each user's requests, in order, as the user sent them. */
function traffic(scenario: Scenario, untilMs: number) {
  const perUser = new Map<number, Send[]>();
  const sim: Simulation = new Simulation(resolveScenario(scenario), {
    hop(_reqNo, userIdx, from, to, departMs, _arriveMs, fail) {
      if (from === Node.Users && to === Node.Lb) {
        // Called from inside userSend, before the step moves on: this is what was asked for.
        const u = sim.state.users[userIdx]!;
        const list = perUser.get(userIdx) ?? [];
        list.push({
          tMs: departMs,
          op: u.plan[u.step]!,
          item: u.planItems[u.step]!,
          failed: false,
        });
        perUser.set(userIdx, list);
      } else if (to === Node.Users && fail !== 0) {
        // A user has at most one request in flight: the failed one is the latest.
        const list = perUser.get(userIdx)!;
        list[list.length - 1]!.failed = true;
      }
    },
    event() {},
  });
  const start = structuredClone(sim.state.users);
  sim.runUntil(untilMs);
  return { perUser, start, outcome: sim.state.counters, users: scenario.users?.count ?? 0 };
}

/** A user's first journey (through the first checkout), cut after the first failure. */
function firstJourney(sends: readonly Send[], cutAt: number): Send[] {
  const checkout = sends.findIndex((s) => s.op === Op.Checkout);
  const end = Math.min(checkout < 0 ? sends.length : checkout + 1, cutAt);
  return sends.slice(0, end);
}

const firstFailure = (sends: readonly Send[]): number => {
  const i = sends.findIndex((s) => s.failed);
  return i < 0 ? Infinity : i + 1;
};

const what = (s: Send) => `${s.op}:${s.item}`;

function checkSameTraffic(base: Scenario, untilMs: number) {
  const runs = ARCHS.map((a) => traffic(variant(base, a), untilMs));
  const n = runs[0]!.users;
  let compared = 0;
  for (let u = 0; u < n; u++) {
    const sends = runs.map((r) => r.perUser.get(u) ?? []);
    // The first request: the same moment, the same login, everywhere.
    expect(sends.map((s) => s[0]?.tMs)).toEqual(sends.map(() => sends[0]![0]!.tMs));
    expect(sends.every((s) => s[0]!.op === Op.Login)).toBe(true);
    // Then the same things in the same order, until the user's first failure anywhere.
    const cut = Math.min(...sends.map(firstFailure));
    const journeys = sends.map((s) => firstJourney(s, cut).map(what));
    const common = Math.min(...journeys.map((j) => j.length));
    for (const j of journeys) expect(j.slice(0, common)).toEqual(journeys[0]!.slice(0, common));
    compared += common;
  }
  return { runs, compared, n };
}

/**
 * These run whole simulations (many, for the property tests): seconds of work on an idle
 * machine, several times that on a busy one. Vitest's 5 s default is for small tests.
 */
const HEAVY_TEST_TIMEOUT_MS = 120_000;

describe(
  'compare: identical seeds give identical traffic until outcomes diverge',
  { timeout: HEAVY_TEST_TIMEOUT_MS },
  () => {
    it('one architecture and seed, run twice, sends exactly the same requests at the same times', () => {
      const base = presetScenario('playground')!;
      for (const arch of ARCHS) {
        const a = traffic(variant(base, arch), 20_000);
        const b = traffic(variant(base, arch), 20_000);
        expect([...b.perUser.entries()]).toEqual([...a.perUser.entries()]);
      }
    });

    it('every architecture starts with the same users and the same first journeys', () => {
      const base = presetScenario('nat-hotspot')!; // heavy users and shared addresses
      const runs = ARCHS.map((a) => traffic(variant(base, a), 0));
      const users = runs.map((r) =>
        r.start.map((u) => ({
          ip: u.ip,
          heavy: u.heavy,
          thinkMeanMs: u.thinkMeanMs,
          plan: u.plan,
          planItems: u.planItems,
        })),
      );
      expect(users[0]!.length).toBe(300);
      expect(users[1]).toEqual(users[0]);
      expect(users[2]).toEqual(users[0]);
    });

    it('without faults: every user sends the first request at the same time, then asks for the same things', () => {
      const { runs, compared, n } = checkSameTraffic(presetScenario('playground')!, 60_000);
      // Nothing failed, so every user's whole first journey was compared.
      for (const r of runs) expect(r.outcome.requestsFailed).toBe(0);
      expect(compared).toBeGreaterThan(n * 5);
    });

    it('with a server killed at 30 s: the same until each user first fails, and only memory loses sessions', () => {
      const base = presetScenario('sticky-crash')!; // kill-server 1 at 30 s, 300 users
      const { runs } = checkSameTraffic(base, 60_000);
      // Before the kill, nobody failed anywhere: the traffic up to the fault is the same.
      for (const r of runs) {
        for (const sends of r.perUser.values()) {
          for (const s of sends) if (s.failed) expect(s.tMs).toBeGreaterThanOrEqual(30_000 - 1_000);
        }
      }
      const lost = runs.map((r) => r.outcome.sessionsLost);
      expect(lost[0]).toBeGreaterThan(0);
      expect(lost.slice(1)).toEqual([0, 0]);
    });

    it('a different seed gives different traffic (the check above is not vacuous)', () => {
      const base = presetScenario('playground')!;
      const a = traffic(variant(base, 'jwt'), 5_000);
      const b = traffic(variant({ ...base, seed: 8 }, 'jwt'), 5_000);
      expect(b.perUser.get(0)![0]!.tMs).not.toBe(a.perUser.get(0)![0]!.tMs);
    });
  },
);
