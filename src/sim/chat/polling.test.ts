/**
 * Chat without connections: clients poll any server every `pollIntervalS`. A message waits in
 * the shared store until its recipient's next poll, so it arrives on average about half an
 * interval after it was written; the clients send about one poll per interval each, mostly
 * answered with nothing new; a server's death costs only the polls sent to it, no reconnects
 * and no messages. Pushing over WebSockets delivers in milliseconds with far fewer requests.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { outcome } from '../outcome.ts';
import { DEFAULTS, type Scenario } from '../scenario.ts';
import { validateScenario } from '../scenarioSchema.ts';

const CLIENTS = 100;
const MESSAGE_INTERVAL_S = 10;
/** Client to server through the balancer, with the default network. */
const ONE_WAY_MS = DEFAULTS.network.clientLatencyMs + DEFAULTS.network.lbLatencyMs;

function scenario(pollIntervalS: number, extra: Partial<Scenario> = {}): Scenario {
  return {
    version: 1,
    seed: 3,
    durationS: 300,
    architecture: 'session-store',
    loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    servers: { count: 3 },
    users: { count: 0 },
    chat: { clients: CLIENTS, messageIntervalS: MESSAGE_INTERVAL_S, pollIntervalS },
    ...extra,
  };
}

function run(sc: Scenario, ms: number) {
  const sim = Simulation.fromScenario(sc);
  sim.runUntil(ms);
  return outcome(sim.state).chat!;
}

describe('chat by polling', () => {
  it.each([2, 6])(
    'every %s s: messages arrive about half an interval late, one poll per client per interval',
    (intervalS) => {
      const o = run(scenario(intervalS), 200_000);
      expect(o.pollIntervalS).toBe(intervalS);
      expect(o.connections.open).toBe(0);
      expect(o.connections.reconnecting).toBe(0);
      expect(o.messages.lost).toBe(0);
      expect(o.messages.delivered).toBeGreaterThan(1500);
      // Waiting for the next poll is uniform over the interval: mean half of it, plus the trips
      // (post, poll and answer: three client-to-server trips and two store round trips).
      const tripsMs = 3 * ONE_WAY_MS + 2 * 2;
      expect(o.deliveryMs.mean).toBeGreaterThan(intervalS * 500 * 0.93);
      expect(o.deliveryMs.mean).toBeLessThan(intervalS * 500 * 1.07 + tripsMs);
      expect(o.deliveryMs.max).toBeLessThanOrEqual(intervalS * 1000 + tripsMs);
      // Requests: polls plus one post per message.
      const polls = CLIENTS / intervalS;
      const posts = CLIENTS / MESSAGE_INTERVAL_S;
      expect(o.requests.polls / 200).toBeCloseTo(polls, 0);
      expect(o.requests.perS).toBeGreaterThan((polls + posts) * 0.95);
      expect(o.requests.perS).toBeLessThan((polls + posts) * 1.05);
      // Most polls find nothing: a client gets a message every 10 s on average.
      expect(o.requests.emptyPolls / o.requests.polls).toBeGreaterThan(
        Math.exp(-intervalS / MESSAGE_INTERVAL_S) * 0.9,
      );
    },
  );

  it('pushing over WebSockets delivers in milliseconds with a fraction of the requests', () => {
    const pushed = run(scenario(0), 200_000);
    const polled = run(scenario(3), 200_000);
    expect(pushed.pollIntervalS).toBe(0);
    // Pushed: up to the server, through the store, down to the recipient.
    expect(pushed.deliveryMs.mean).toBeLessThan(2 * ONE_WAY_MS + 2 + 1);
    expect(polled.deliveryMs.mean).toBeGreaterThan(1000);
    // Pushed: message frames and heartbeat answers only.
    const frames = CLIENTS / MESSAGE_INTERVAL_S + CLIENTS / 25;
    expect(pushed.requests.perS).toBeGreaterThan(frames * 0.9);
    expect(pushed.requests.perS).toBeLessThan(frames * 1.1);
    expect(polled.requests.perS).toBeGreaterThan(3 * pushed.requests.perS);
  });

  it('a server death costs the polls sent to it, no connections and no messages', () => {
    const o = run(
      scenario(3, {
        timeline: [{ atS: 60, action: 'kill-server', server: 2 }],
      }),
      200_000,
    );
    expect(o.reconnects.total).toBe(0);
    expect(o.messages.lost).toBe(0);
    // Until the health checks take it out of rotation, a third of the polls hit the dead server.
    expect(o.requests.failedPolls).toBeGreaterThan(0);
    expect(o.requests.failedPolls).toBeLessThan(CLIENTS);
    expect(o.messages.sent - o.messages.delivered).toBeLessThan(o.messages.sent * 0.01 + 30);
  });

  it('is validated: 0 or at least half a second, and only with the shared store', () => {
    expect(validateScenario(scenario(3)).ok).toBe(true);
    const tiny = validateScenario(scenario(0.1));
    expect(tiny.ok).toBe(false);
    if (!tiny.ok) expect(tiny.errors.join(' ')).toMatch(/pollIntervalS/);
    const memory = validateScenario({
      ...scenario(3),
      chat: { clients: 10, pollIntervalS: 3, state: 'server-memory' },
    });
    expect(memory.ok).toBe(false);
    if (!memory.ok) expect(memory.errors.join(' ')).toMatch(/shared-store/);
    const negative = validateScenario({ ...scenario(3), chat: { pollIntervalS: -1 } });
    expect(negative.ok).toBe(false);
    // Without an explicit state, polling keeps its messages in the shared store.
    const jwt = Simulation.fromScenario({ ...scenario(3), architecture: 'jwt' });
    expect(jwt.state.scenario.chat!.state).toBe('shared-store');
  });
});
