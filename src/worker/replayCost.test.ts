import { describe, expect, it, vi } from 'vitest';
import { PRESET_NAMES, Simulation, presetScenario, type Scenario } from '../sim/index.ts';
import {
  MAX_REPLAY_WORK,
  replayLimitMs,
  replayRates,
  replayWork,
  EVENTS_PER_USER_COPY,
  POPULATION_SCALE,
} from './replayCost.ts';
import { copiesForReplay } from './checkpointPolicy.ts';
import { SimHost } from './host.ts';

const HOUR_MS = 3_600_000;

/** Events a run really processes to `atMs`. */
function eventsTo(scenario: Scenario, atMs: number): number {
  const sim = Simulation.fromScenario(scenario);
  sim.runUntil(atMs);
  return sim.state.counters.eventsProcessed;
}

describe('the replay bound', () => {
  it('counts chat events: a chat run with no shop users cannot open an hour in', () => {
    const chat: Scenario = {
      version: 1,
      durationS: 3600,
      users: { count: 0 },
      chat: { clients: 50_000, messageIntervalS: 0.5 },
    };
    // No shop requests at all: a bound on requests alone would let this replay the whole hour.
    const limit = replayLimitMs(chat, []);
    expect(limit).toBeLessThan(60_000);
    expect(limit).toBeGreaterThan(0);
    expect(replayWork(replayRates(chat, []), limit)).toBeLessThanOrEqual(MAX_REPLAY_WORK);
  });

  it('counts the users every checkpoint copies, not only their requests', () => {
    const crowd: Scenario = {
      version: 1,
      durationS: 3600,
      users: { count: 50_000, thinkTimeS: 2400 },
    };
    const rates = replayRates(crowd, []);
    const copies = copiesForReplay(HOUR_MS, rates.users);
    expect(copies).toBeGreaterThan(0);
    const eventsOnly = ((rates.eventsPerS * HOUR_MS) / 1000) * (1 + 50_000 / POPULATION_SCALE);
    expect(replayWork(rates, HOUR_MS)).toBe(eventsOnly + EVENTS_PER_USER_COPY * 50_000 * copies);
  });

  it('grows with the users a command adds', () => {
    const base: Scenario = { version: 1, durationS: 3600, users: { count: 1000 } };
    const more = replayLimitMs(base, [{ action: 'set-users', count: 40_000, atMs: 1000 }]);
    expect(more).toBeLessThan(replayLimitMs(base, []));
  });

  it.each([
    ['shop', { version: 1, durationS: 60, users: { count: 400, thinkTimeS: 2 } }],
    ['jwt', { version: 1, durationS: 60, architecture: 'jwt', users: { count: 400 } }],
    [
      'chat',
      {
        version: 1,
        durationS: 60,
        users: { count: 0 },
        chat: { clients: 500, messageIntervalS: 1 },
      },
    ],
  ] as [string, Scenario][])('does not underestimate the events of a %s run', (_name, scenario) => {
    const estimated = (replayRates(scenario, []).eventsPerS * 60_000) / 1000;
    expect(eventsTo(scenario, 60_000)).toBeLessThanOrEqual(estimated);
  });

  it('lets every preset open at its very end', () => {
    for (const name of PRESET_NAMES) {
      const s = presetScenario(name)!;
      expect(replayLimitMs(s, []), name).toBe((s.durationS ?? 120) * 1000);
    }
  });
});

describe('checkpoints during a long replay', () => {
  const crowd: Scenario = {
    version: 1,
    durationS: 600,
    users: { count: 20_000, thinkTimeS: 600 },
  };

  it('copy only the states that are kept, and keep the same ones as step by step', () => {
    const spy = vi.spyOn(Simulation.prototype, 'checkpoint');
    try {
      let jumped: number[] = [];
      const a = new SimHost(
        (m) => {
          if (m.type === 'frame' && m.snapshot) jumped = m.snapshot.checkpointsMs;
        },
        () => 0,
      );
      a.handle({ type: 'load', scenario: crowd, atMs: 600_000 });
      // 60 boundaries, at most 5 kept for 20,000 users: taking every one and thinning would
      // copy about 13 states; only the kept ones are copied.
      expect(spy.mock.calls.length).toBeLessThanOrEqual(5);
      spy.mockClear();
      let stepped: number[] = [];
      const b = new SimHost(
        (m) => {
          if (m.type === 'frame' && m.snapshot) stepped = m.snapshot.checkpointsMs;
        },
        () => 0,
      );
      b.handle({ type: 'load', scenario: crowd });
      for (let i = 0; i < 60; i++) b.handle({ type: 'advance', ms: 10_000 });
      expect(jumped).toEqual(stepped.filter((t) => t > 0));
    } finally {
      spy.mockRestore();
    }
  }, 60_000);
});
