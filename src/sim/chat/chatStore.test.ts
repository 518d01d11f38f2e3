/**
 * The store box's figures for a chat run: the presence map lists every connected app, keeps
 * listing a dead server's apps until their entries expire (when the apps give up on the
 * connection), lists them again after the reconnect, and the queue count is the messages
 * really waiting; with presence in server memory the store keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { outcome } from '../outcome.ts';
import type { Scenario } from '../scenario.ts';
import { chatStoreFigures } from './chatStore.ts';
import { ClientStatus } from './chatState.ts';

const KILL_S = 60;

function scenario(state: 'server-memory' | 'shared-store'): Scenario {
  return {
    version: 1,
    seed: 5,
    durationS: 180,
    architecture: state === 'shared-store' ? 'session-store' : 'in-memory',
    loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
    servers: { count: 3 },
    users: { count: 0 },
    chat: { clients: 90, messageIntervalS: 5 },
    timeline: [{ atS: KILL_S, action: 'kill-server', server: 2 }],
  };
}

describe('chat store figures', () => {
  it('with shared state: everyone online, stale entries until they expire, queues as waiting', () => {
    const sim = Simulation.fromScenario(scenario('shared-store'));
    sim.runUntil(KILL_S * 1000 - 1);
    let f = chatStoreFigures(sim.state)!;
    expect(f.keepsState).toBe(true);
    expect(f.online).toBe(90);
    expect(f.queued).toBe(0);
    // Before the kill everyone is connected: a message in a queue is one being pushed, and
    // no app waits to reconnect, at any moment.
    const probe = Simulation.fromScenario(scenario('shared-store'));
    let sawInPush = false;
    for (let t = 5_000; t < KILL_S * 1000; t += 37) {
      probe.runUntil(t);
      const p = chatStoreFigures(probe.state)!;
      if (p.queued > 0) sawInPush = true;
      expect(p.waitingApps, `at ${t} ms`).toBe(0);
    }
    expect(sawInPush).toBe(true);

    // Just after the kill the map still lists server 2's apps: nobody has told it otherwise.
    sim.runUntil(KILL_S * 1000 + 1_000);
    f = chatStoreFigures(sim.state)!;
    expect(f.online).toBe(90);
    const o = outcome(sim.state).chat!;
    expect(o.connections.halfOpen).toBe(30);

    // While some of them are between connections, messages for them wait in their queues;
    // the box's count is the outcome's, and every waiting app has lost its live entry.
    let sawWaiting = false;
    let sawExpired = false;
    for (let t = KILL_S * 1000 + 2_000; t <= 130_000; t += 500) {
      sim.runUntil(t);
      f = chatStoreFigures(sim.state)!;
      const chat = outcome(sim.state).chat!;
      expect(f.queued).toBe(chat.messages.queued);
      if (f.queued > 0) sawWaiting = true;
      expect(f.waitingApps).toBeLessThanOrEqual(f.queued);
      const between = sim.state.chat!.clients.filter(
        (c) => c.status !== ClientStatus.Connected,
      ).length;
      expect(f.waitingApps).toBeLessThanOrEqual(between + 30);
      if (f.online < 90) sawExpired = true;
      // An app between connections is never listed once the map has had time to expire it.
      expect(f.online).toBeGreaterThanOrEqual(chat.connections.open);
      expect(f.online).toBeLessThanOrEqual(90 - Math.max(0, between - 30));
    }
    expect(sawWaiting).toBe(true);
    expect(sawExpired).toBe(true);

    // After the reconnects, everyone is listed again and nothing waits.
    sim.runUntil(170_000);
    f = chatStoreFigures(sim.state)!;
    expect(outcome(sim.state).chat!.connections.open).toBe(90);
    expect(f.online).toBe(90);
  });

  it('with presence in server memory the store keeps nothing', () => {
    const sim = Simulation.fromScenario(scenario('server-memory'));
    sim.runUntil(100_000);
    expect(chatStoreFigures(sim.state)).toEqual({
      keepsState: false,
      polling: false,
      online: 0,
      queued: 0,
      waitingApps: 0,
    });
  });

  it('a run without chat has no figures', () => {
    const sim = Simulation.fromScenario({ version: 1, users: { count: 10 } });
    sim.runUntil(1_000);
    expect(chatStoreFigures(sim.state)).toBeNull();
  });
});
