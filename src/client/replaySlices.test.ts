/**
 * The in-thread engine replays long stretches in slices: between two slices the page's
 * event loop runs (timers, input, drawing), progress is reported, and Cancel is heard.
 * A fake wall clock that moves 1 ms per reading cuts the slices at the same places on any
 * machine, so these tests count slices, never wall time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Simulation, resolveScenario, type Scenario } from '../sim/index.ts';
import type { FromSim } from '../protocol/messages.ts';
import { createInThreadClient } from './inThreadClient.ts';
import { request } from './contract.ts';
import type { SimClient } from './SimClient.ts';
import { tickingClock } from './tickingClock.ts';

const SCENARIO: Scenario = {
  version: 1,
  name: 'slices',
  seed: 7,
  durationS: 600,
  users: { count: 200, thinkTimeS: 3 },
};
const COMMANDS = [{ action: 'kill-server', server: 1, atMs: 100_000, live: true }] as const;

function headlessHash(atMs: number): string {
  const sim = new Simulation(resolveScenario(SCENARIO));
  for (const c of COMMANDS) sim.enqueue({ ...c });
  sim.runUntil(atMs);
  return sim.eventLogHash;
}

describe('sliced replay in the in-thread engine', () => {
  let client: SimClient;
  afterEach(() => client.dispose());

  it('lets a timer set before a long replay run before the replay ends', async () => {
    client = createInThreadClient({ now: tickingClock(), sliceMs: 10 });
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const progress: number[] = [];
    client.subscribe((m: FromSim) => {
      if (m.type === 'progress') progress.push(m.doneMs);
    });
    const frame = await request(client, {
      type: 'load',
      scenario: SCENARIO,
      commands: [...COMMANDS],
      atMs: 600_000,
    });
    order.push('replayed');
    expect(order).toEqual(['timer', 'replayed']);
    // Progress came while it ran, moving forward; the run is the same as in one go.
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(frame.tMs).toBe(600_000);
    expect(frame.snapshot!.outcome.eventLogHash).toBe(headlessHash(600_000));
  });

  it('stops at Cancel where it got to, paused, with the commands kept', async () => {
    client = createInThreadClient({ now: tickingClock(), sliceMs: 10 });
    let cancelled = false;
    client.subscribe((m: FromSim) => {
      if (m.type === 'progress' && !cancelled) {
        cancelled = true;
        client.send({ type: 'cancel' });
      }
    });
    const replay = request(client, {
      type: 'load',
      scenario: SCENARIO,
      commands: [...COMMANDS],
      atMs: 600_000,
      playing: true,
    });
    const frame = await replay;
    expect(frame.cancelled).toBe(true);
    expect(frame.playing).toBe(false);
    expect(frame.tMs).toBeGreaterThan(0);
    expect(frame.tMs).toBeLessThan(600_000);
    expect(frame.snapshot!.liveCommands).toEqual([expect.objectContaining(COMMANDS[0])]);
    // A consistent state: the same as a straight run to that moment, and it goes on from it.
    expect(frame.snapshot!.outcome.eventLogHash).toBe(headlessHash(frame.tMs));
    const after = await request(client, { type: 'advance', ms: 1000 });
    expect(after.tMs).toBe(frame.tMs + 1000);
  });

  it('answers messages sent during a replay after it, in order', async () => {
    client = createInThreadClient({ now: tickingClock(), sliceMs: 10 });
    const load = request(client, { type: 'load', scenario: SCENARIO, atMs: 300_000 });
    const act = request(client, { type: 'act', action: { action: 'kill-server', server: 2 } });
    const [loaded, acted] = await Promise.all([load, act]);
    expect(loaded.tMs).toBe(300_000);
    expect(acted.snapshot!.liveCommands).toEqual([
      expect.objectContaining({ action: 'kill-server', server: 2, atMs: 300_000 }),
    ]);
  });
});
