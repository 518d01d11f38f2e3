/**
 * Common random numbers: every user draws its journeys and think times from its own streams,
 * so one seed gives the same users the same behaviour in every architecture, and compare
 * mode pits architectures against the same traffic.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import type { Architecture, Scenario } from './scenario.ts';

const shop = (architecture: Architecture): Scenario => ({
  version: 1,
  seed: 21,
  durationS: 60,
  architecture,
  loadBalancer: { sticky: architecture === 'in-memory' ? 'cookie' : 'none' },
  users: { count: 120 },
  timeline: [{ atS: 25, action: 'kill-server', server: 2 }],
});

/** Each user's journeys, in order: the plan (steps and items) of every journey begun. */
function journeys(scenario: Scenario): string[][] {
  const sim = Simulation.fromScenario(scenario);
  const seen: string[][] = [];
  const last: number[] = [];
  for (let t = 0; t <= sim.endMs; t += 50) {
    sim.runUntil(t);
    for (const u of sim.state.users) {
      if (last[u.idx] === u.journeys) continue;
      last[u.idx] = u.journeys;
      (seen[u.idx] ??= []).push(`${u.plan.join('')}/${u.planItems.join(',')}`);
    }
  }
  return seen;
}

describe('common random numbers', () => {
  it('give every user the same journeys in every architecture, as far as each gets', () => {
    const a = journeys(shop('in-memory'));
    const b = journeys(shop('session-store'));
    const c = journeys(shop('jwt'));
    let compared = 0;
    for (let i = 0; i < 120; i++) {
      for (const other of [b, c]) {
        const x = a[i]!;
        const y = other[i]!;
        const n = Math.min(x.length, y.length);
        // Architectures differ in speed and in who must log in again, so one user may get
        // through more journeys in one run; the journeys both got to are the same.
        expect(x.slice(0, n)).toEqual(y.slice(0, n));
        compared += n;
      }
    }
    expect(compared).toBeGreaterThan(120 * 2 * 3);
  }, 30_000);

  it('give the same user the same first request time in every architecture', () => {
    const firstSend = (architecture: Architecture) => {
      const sim = Simulation.fromScenario({ ...shop(architecture), users: { count: 50 } });
      const times: number[] = [];
      sim.setObserver({
        hop: (_no, user, from, _to, departMs) => {
          if (from === 0 && times[user] === undefined) times[user] = departMs;
        },
        event: () => {},
      });
      sim.runUntil(5000);
      return times;
    };
    expect(firstSend('jwt')).toEqual(firstSend('in-memory'));
  }, 30_000);
});
