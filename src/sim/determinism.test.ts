/**
 * Seed + scenario + timed commands reproduce a run exactly, however the run is driven: in
 * one go or in slices, by live commands or queued ones, step by step, watched or not, or
 * checkpointed and restored half-way.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';
import type { Scenario, TimedCommand } from './scenario.ts';
import { Recorder } from './testkit.ts';

const scenario: Scenario = {
  version: 1,
  seed: 21,
  durationS: 60,
  architecture: 'in-memory',
  loadBalancer: { sticky: 'consistent-hash' },
  users: { count: 200, heavyShare: 0.1 },
  timeline: [{ atS: 40, action: 'add-server', count: 1 }],
};

function run(sc: Scenario): string {
  const sim = Simulation.fromScenario(sc);
  sim.runToEnd();
  return sim.eventLogHash;
}

/**
 * These run whole simulations (many, for the property tests): seconds of work on an idle
 * machine, several times that on a busy one. Vitest's 5 s default is for small tests.
 */
const HEAVY_TEST_TIMEOUT_MS = 120_000;

describe('determinism', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it('the same seed and scenario give the same event-log hash', () => {
    expect(run(scenario)).toBe(run(scenario));
    const a = Simulation.fromScenario(scenario);
    a.runToEnd();
    const b = Simulation.fromScenario(scenario);
    b.runToEnd();
    expect(outcome(a.state)).toEqual(outcome(b.state));
  });

  it('a different seed gives a different run', () => {
    const hashes = new Set([1, 2, 3, 21].map((seed) => run({ ...scenario, seed })));
    expect(hashes.size).toBe(4);
  });

  it('a live command equals the same command queued up front', () => {
    const live = Simulation.fromScenario(scenario);
    live.runUntil(12_345.5);
    const stamped = live.command({ action: 'kill-server', server: 2 });
    expect(stamped.atMs).toBe(12_345.5);
    live.runUntil(20_000);
    live.command({ action: 'set-sticky', sticky: 'hash-mod-n' });
    live.runToEnd();

    const queued = Simulation.fromScenario(scenario);
    const log: TimedCommand[] = [
      { action: 'kill-server', server: 2, atMs: 12_345.5 },
      { action: 'set-sticky', sticky: 'hash-mod-n', atMs: 20_000 },
    ];
    for (const cmd of log) queued.enqueue(cmd);
    queued.runToEnd();

    expect(queued.eventLogHash).toBe(live.eventLogHash);
    expect(queued.state.applied).toEqual(live.state.applied);
    // The command changed the run.
    expect(live.eventLogHash).not.toBe(run(scenario));
  });

  it('replaying the applied-command log of a run reproduces it', () => {
    const original = Simulation.fromScenario({ ...scenario, timeline: [] });
    original.runUntil(5_000);
    original.command({ action: 'set-users', count: 400 });
    original.runUntil(30_000);
    original.command({ action: 'remove-server' });
    original.runToEnd();

    const replay = Simulation.fromScenario({ ...scenario, timeline: [] });
    for (const cmd of original.state.applied) replay.enqueue(cmd);
    replay.runToEnd();
    expect(replay.eventLogHash).toBe(original.eventLogHash);
  });

  it('checkpoint, restore and continue equals an uninterrupted run', () => {
    const straight = Simulation.fromScenario(scenario);
    straight.runUntil(15_000);
    straight.command({ action: 'kill-server', server: 1 });
    straight.runToEnd();

    const forked = Simulation.fromScenario(scenario);
    forked.runUntil(15_000);
    const checkpoint = forked.checkpoint();
    // Wander off: a different command and more time…
    forked.command({ action: 'kill-store' });
    forked.runUntil(50_000);
    // …then come back and take the original path.
    forked.restore(checkpoint);
    expect(forked.nowMs).toBe(15_000);
    forked.command({ action: 'kill-server', server: 1 });
    forked.runToEnd();
    expect(forked.eventLogHash).toBe(straight.eventLogHash);

    // A new simulation built from the checkpoint continues the same way.
    const resumed = new Simulation(checkpoint);
    resumed.command({ action: 'kill-server', server: 1 });
    resumed.runToEnd();
    expect(resumed.eventLogHash).toBe(straight.eventLogHash);
    expect(outcome(resumed.state)).toEqual(outcome(straight.state));
  });

  it('restoring the same checkpoint twice does not share state between the copies', () => {
    const sim = Simulation.fromScenario(scenario);
    sim.runUntil(10_000);
    const checkpoint = sim.checkpoint();
    sim.runToEnd();
    const first = sim.eventLogHash;
    sim.restore(checkpoint);
    sim.runToEnd();
    expect(sim.eventLogHash).toBe(first);
  });

  it('slicing time, stepping one event at a time and watching do not change the run', () => {
    const whole = run(scenario);

    const sliced = Simulation.fromScenario(scenario);
    for (let t = 0; t <= 60_000; t += 777) sliced.runUntil(t);
    sliced.runToEnd();
    expect(sliced.eventLogHash).toBe(whole);

    const stepped = Simulation.fromScenario(scenario);
    let steps = 0;
    while (stepped.step()) steps++;
    expect(stepped.eventLogHash).toBe(whole);
    expect(steps).toBe(stepped.state.counters.eventsProcessed + stepped.state.applied.length);

    const watched = Simulation.fromScenario(scenario, new Recorder());
    watched.runToEnd();
    expect(watched.eventLogHash).toBe(whole);
  });
});
