import { afterEach, describe, expect, it } from 'vitest';
import { createInThreadClient } from './inThreadClient.ts';
import { CONTRACT_SCENARIO, CONTRACT_STEPS, playScript, request } from './contract.ts';
import { Simulation, resolveScenario, type TimedCommand } from '../sim/index.ts';
import type { SimClient } from './SimClient.ts';

/** The same run computed directly on the core, with the commands given up front. */
function headlessHash(): { hash: string; commands: TimedCommand[] } {
  const sim = new Simulation(resolveScenario(CONTRACT_SCENARIO));
  let t = 0;
  const commands: TimedCommand[] = [];
  for (const step of CONTRACT_STEPS) {
    t += step.advanceMs;
    if (step.action) {
      const cmd = { ...step.action, atMs: t } as TimedCommand;
      commands.push(cmd);
      sim.enqueue(cmd);
    }
  }
  sim.runUntil(t);
  return { hash: sim.eventLogHash, commands };
}

describe('in-thread client contract', () => {
  let client: SimClient;
  afterEach(() => client.dispose());

  it('reproduces the headless run exactly (same event-log hash)', async () => {
    client = createInThreadClient();
    const frame = await playScript(client, CONTRACT_SCENARIO, CONTRACT_STEPS);
    const expected = headlessHash();
    expect(frame.snapshot!.outcome.eventLogHash).toBe(expected.hash);
    expect(frame.snapshot!.liveCommands.map((c) => c.atMs)).toEqual(
      expected.commands.map((c) => c.atMs),
    );
  });

  it('replays a command log to the same state (share links, worker recovery)', async () => {
    client = createInThreadClient();
    const first = await playScript(client, CONTRACT_SCENARIO, CONTRACT_STEPS);
    const snap = first.snapshot!;
    const replay = await request(client, {
      type: 'load',
      scenario: CONTRACT_SCENARIO,
      commands: snap.liveCommands,
      atMs: snap.tMs,
    });
    expect(replay.snapshot!.outcome.eventLogHash).toBe(snap.outcome.eventLogHash);
    expect(replay.snapshot!.outcome.sessions).toEqual(snap.outcome.sessions);
  });

  it('seeks back with checkpoints and forward again to the same state', async () => {
    client = createInThreadClient();
    const end = await playScript(client, CONTRACT_SCENARIO, CONTRACT_STEPS);
    const back = await request(client, { type: 'seek', tMs: 15_000 });
    expect(back.tMs).toBe(15_000);
    expect(back.reset).toBe(true);
    const again = await request(client, { type: 'seek', tMs: end.tMs });
    expect(again.snapshot!.outcome.eventLogHash).toBe(end.snapshot!.outcome.eventLogHash);
  });

  it('forks a new future when acting after seeking back', async () => {
    client = createInThreadClient();
    const end = await playScript(client, CONTRACT_SCENARIO, CONTRACT_STEPS);
    await request(client, { type: 'seek', tMs: 5_000 });
    const forked = await request(client, {
      type: 'act',
      action: { action: 'kill-server', server: 3 },
    });
    expect(forked.snapshot!.liveCommands).toEqual([
      expect.objectContaining({ action: 'kill-server', server: 3, atMs: 5_000 }),
    ]);
    const later = await request(client, { type: 'seek', tMs: end.tMs });
    expect(later.snapshot!.outcome.eventLogHash).not.toBe(end.snapshot!.outcome.eventLogHash);
  });

  it('rejects bad input with a message and keeps the run', async () => {
    client = createInThreadClient();
    await playScript(client, CONTRACT_SCENARIO, [{ advanceMs: 1000 }]);
    await expect(
      request(client, { type: 'load', scenario: { version: 2 } as never }),
    ).rejects.toThrow(/version/);
    await expect(
      request(client, { type: 'act', action: { action: 'explode' } as never }),
    ).rejects.toThrow(/not valid/);
    const still = await request(client, { type: 'advance', ms: 1000 });
    expect(still.tMs).toBe(2000);
  });
});

describe('checkpoints', () => {
  it('stay bounded on a long run, and seeking still lands on the same state', async () => {
    const client = createInThreadClient();
    try {
      const long = { ...CONTRACT_SCENARIO, durationS: 1200, users: { count: 30, thinkTimeS: 3 } };
      await request(client, { type: 'load', scenario: long, playing: false });
      const end = await request(client, { type: 'advance', ms: 1_200_000 });
      expect(end.snapshot!.checkpointsMs.length).toBeLessThanOrEqual(32);
      expect(end.snapshot!.checkpointsMs[0]).toBe(0);
      await request(client, { type: 'seek', tMs: 333_000 });
      const again = await request(client, { type: 'seek', tMs: end.tMs });
      expect(again.snapshot!.outcome.eventLogHash).toBe(end.snapshot!.outcome.eventLogHash);
    } finally {
      client.dispose();
    }
  });
});

describe('checkpoints for crowds', () => {
  it('keep fewer copies when each copy is large', async () => {
    const client = createInThreadClient();
    try {
      const crowd = {
        ...CONTRACT_SCENARIO,
        durationS: 100,
        users: { count: 20_000, thinkTimeS: 30 },
      };
      await request(client, { type: 'load', scenario: crowd, playing: false });
      const end = await request(client, { type: 'advance', ms: 100_000 });
      // 100,000 user-copies at most: 5 checkpoints of 20,000 users.
      expect(end.snapshot!.checkpointsMs.length).toBeLessThanOrEqual(5);
      expect(end.snapshot!.checkpointsMs.length).toBeGreaterThanOrEqual(2);
    } finally {
      client.dispose();
    }
  }, 30_000);
});

describe('long jumps', () => {
  it('send only recent hops, not every hop of the skipped stretch', async () => {
    const client = createInThreadClient();
    try {
      const busy = { ...CONTRACT_SCENARIO, durationS: 600, users: { count: 300, thinkTimeS: 3 } };
      await request(client, { type: 'load', scenario: busy, playing: false });
      const frame = await request(client, { type: 'advance', ms: 600_000 });
      // About 100 requests a second, 6 hops each: the whole run would be ~360,000 hops.
      expect(frame.hops.length / 7).toBeLessThan(5_000);
      const seek = await request(client, { type: 'seek', tMs: 100_000 });
      expect(seek.hops.length / 7).toBeLessThan(5_000);
    } finally {
      client.dispose();
    }
  });
});
