/**
 * Properties of the chat model over random seeds, crashes and back-off settings: messages are
 * all accounted for (the tallies against the live messages themselves); with presence and queues in the store none is lost; with presence only
 * in server memory only the crashed server's users lose messages; and every app is connected
 * again within the bound its heartbeat and back-off settings give; polling apps lose nothing
 * through crashes and store outages and get every message within two polls.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { outcome } from '../outcome.ts';
import { backoffCeilingMs } from './backoff.ts';
import { ClientStatus } from './chatState.ts';

const KILL_MS = 20_000;

/**
 * Every message is accounted for, counted two ways: the tallies (sent less delivered and lost)
 * against the registry of messages still alive, and each live message in at most one place
 * (a recipient's queue in the store, or its sender's outbox or unacknowledged list).
 */
function expectAccountedFor(sim: Simulation): void {
  const c = sim.state.chat!;
  const m = outcome(sim.state).chat!.messages;
  expect(m.sent - m.delivered - m.lost).toBe(c.messages.size);
  const places = new Map<number, number>();
  const put = (id: number): void => void places.set(id, (places.get(id) ?? 0) + 1);
  for (const q of c.queues.values()) q.forEach(put);
  for (const cl of c.clients) {
    cl.outbox.forEach(put);
    cl.unacked.forEach(put);
  }
  for (const [id, n] of places) {
    expect(c.messages.has(id), `message ${id} is held but not alive`).toBe(true);
    expect(n, `message ${id} is in ${n} places`).toBe(1);
  }
  expect(m.inFlight).toBe(c.messages.size - places.size);
}

describe('chat properties', () => {
  it('hold for random seeds, crashed servers, placements and back-off settings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('server-memory' as const, 'shared-store' as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        fc.integer({ min: 2, max: 15 }),
        (seed, victim, state, jitter, baseS, heartbeatS) => {
          const sim = Simulation.fromScenario({
            version: 1,
            seed,
            durationS: 120,
            architecture: state === 'shared-store' ? 'session-store' : 'in-memory',
            loadBalancer: { algorithm: 'round-robin', sticky: 'none', healthCheckS: 2 },
            servers: { count: 3 },
            users: { count: 0 },
            chat: {
              clients: 60,
              messageIntervalS: 4,
              state,
              jitter,
              backoffBaseS: baseS,
              backoffMaxS: 4 * baseS,
              heartbeatS,
              heartbeatTimeoutS: heartbeatS,
            },
            timeline: [{ atS: KILL_MS / 1000, action: 'kill-server', server: victim }],
          });
          sim.runUntil(KILL_MS - 1);
          const chat = sim.state.chat!;
          const victims = new Set<number>();
          chat.clients.forEach((cl, i) => {
            if (cl.status === ClientStatus.Connected && cl.server === victim) victims.add(i);
          });
          const lostBefore = chat.clients.map((c) => c.lostMessages);

          // Noticed within two heartbeat intervals; then failed tries only while the balancer
          // still lists the dead server (one health-check interval), each at most its ceiling.
          const b = { baseMs: baseS * 1000, maxMs: 4 * baseS * 1000, jitter };
          let boundMs = 2 * heartbeatS * 1000 + 2000;
          for (let n = 0; n < 12; n++) boundMs += backoffCeilingMs(n, b);
          sim.runUntil(KILL_MS + boundMs + 1000);

          const o = outcome(sim.state).chat!;
          const m = o.messages;
          expectAccountedFor(sim);
          expect(o.connections.open).toBe(60);
          expect(o.reconnects.total).toBe(victims.size);
          if (state === 'shared-store') expect(m.lost).toBe(0);
          chat.clients.forEach((cl, i) => {
            if (!victims.has(i)) expect(cl.lostMessages - lostBefore[i]!).toBe(0);
          });
        },
      ),
      { numRuns: 25, seed: 18 },
    );
  }, 120_000);

  it('hold for polling apps through random crashes and store outages: nothing lost, all delivered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        fc.boolean(),
        (seed, victim, pollIntervalS, storeOutage) => {
          const sim = Simulation.fromScenario({
            version: 1,
            seed,
            durationS: 200,
            architecture: 'session-store',
            loadBalancer: { algorithm: 'round-robin', sticky: 'none', healthCheckS: 2 },
            servers: { count: 3 },
            users: { count: 0 },
            chat: { clients: 40, messageIntervalS: 3, pollIntervalS },
            timeline: [
              { atS: 20, action: 'kill-server', server: victim },
              { atS: 40, action: 'restart-server', server: victim },
              ...(storeOutage
                ? [
                    { atS: 50, action: 'kill-store' as const },
                    { atS: 55, action: 'restart-store' as const },
                  ]
                : []),
            ],
          });
          sim.runUntil(100_000);
          let o = outcome(sim.state).chat!;
          const m = o.messages;
          expectAccountedFor(sim);
          expect(m.lost).toBe(0);
          expect(o.connections.open).toBe(0);
          expect(o.reconnects.total).toBe(0);
          expect(o.requests.failedPolls).toBeLessThanOrEqual(o.requests.polls);
          // Every message written by then reaches its recipient within two more polls (plus a
          // post retried after its timeout): none is left undelivered.
          sim.runUntil(100_000 + 2 * pollIntervalS * 1000 + 6_000);
          o = outcome(sim.state).chat!;
          expect(o.messages.lost).toBe(0);
          const left = [...sim.state.chat!.messages.values()].filter((x) => x.writtenMs < 100_000);
          expect(left).toEqual([]);
        },
      ),
      { numRuns: 20, seed: 5 },
    );
  }, 120_000);
});
