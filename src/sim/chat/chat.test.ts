/**
 * The chat model against what the real components do: a server's death drops its
 * connections; with presence only in server memory and fire-and-forget pub/sub its users'
 * messages are lost while they reconnect, with presence and queues in the store they wait
 * and arrive after the reconnect; clients notice by heartbeat or by an unacknowledged send,
 * and reconnect within their back-off bound; jitter spreads the reconnect storm.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { outcome } from '../outcome.ts';
import { presetScenario } from '../presets.ts';
import { LIMITS, resolveScenario, type Scenario } from '../scenario.ts';
import { validateScenario } from '../scenarioSchema.ts';
import { backoffCeilingMs } from './backoff.ts';
import { ClientStatus } from './chatState.ts';

const KILL_S = 60;

function chatScenario(state: 'server-memory' | 'shared-store', extra: Partial<Scenario> = {}) {
  const s: Scenario = {
    version: 1,
    seed: 11,
    durationS: 180,
    architecture: state === 'shared-store' ? 'session-store' : 'in-memory',
    loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
    servers: { count: 3 },
    users: { count: 0 },
    chat: { clients: 150, messageIntervalS: 8 },
    timeline: [{ atS: KILL_S, action: 'kill-server', server: 2 }],
    ...extra,
  };
  return s;
}

/** Clients connected to `server` just before the kill. */
function clientsOn(sim: Simulation, server: number): number[] {
  const out: number[] = [];
  sim.state.chat!.clients.forEach((cl, i) => {
    if (cl.status === ClientStatus.Connected && cl.server === server) out.push(i);
  });
  return out;
}

describe('chat: presence only in server memory', () => {
  it('a server kill loses messages to its users only, and they all reconnect within the back-off bound', () => {
    const sim = Simulation.fromScenario(chatScenario('server-memory'));
    sim.runUntil(KILL_S * 1000 - 1);
    const victims = clientsOn(sim, 2);
    expect(victims.length).toBe(50);
    // Everyone is online before the kill, so nothing is lost yet.
    const lostBefore = sim.state.chat!.clients.map((c) => c.lostMessages);
    const lostTotalBefore = outcome(sim.state).chat!.messages.lost;
    expect(lostTotalBefore).toBe(0);

    // Notice: at most one heartbeat interval plus the ping timeout after the death. Then at
    // most one failed attempt per health-check interval the balancer still lists the server
    // (2 s), each waiting at most its back-off ceiling.
    const cfg = sim.state.scenario.chat!;
    const backoff = { baseMs: cfg.backoffBaseS * 1000, maxMs: cfg.backoffMaxS * 1000, jitter: 1 };
    let boundMs = (cfg.heartbeatS + cfg.heartbeatTimeoutS) * 1000;
    for (let n = 0; n < 3; n++) boundMs += backoffCeilingMs(n, backoff);
    boundMs += 1000; // handshakes, message and ack round trips
    sim.runUntil(KILL_S * 1000 + boundMs);

    const o = outcome(sim.state).chat!;
    expect(o.connections.open).toBe(150);
    expect(o.connections.halfOpen).toBe(0);
    expect(o.connections.perServer.find((p) => p.server === 2)!.connections).toBe(0);
    expect(o.reconnects.total).toBe(victims.length);
    expect(o.reconnects.noticedByHeartbeat + o.reconnects.noticedBySend).toBe(victims.length);
    expect(o.reconnects.maxReconnectS * 1000).toBeLessThanOrEqual(
      backoffCeilingMs(0, backoff) + backoffCeilingMs(1, backoff) + 200,
    );
    const lostByKill = o.messages.lost - lostTotalBefore;
    expect(lostByKill).toBeGreaterThan(20);

    const victimSet = new Set(victims);
    const lostSince = (i: number) => sim.state.chat!.clients[i]!.lostMessages - lostBefore[i]!;
    sim.state.chat!.clients.forEach((_cl, i) => {
      if (!victimSet.has(i)) expect(lostSince(i), `client ${i}`).toBe(0);
    });
    expect(victims.reduce((a, i) => a + lostSince(i), 0)).toBe(lostByKill);
  });

  it('clients do not notice at once: none before a send times out or a heartbeat is missed', () => {
    const sim = Simulation.fromScenario(chatScenario('server-memory'));
    const cfg = sim.state.scenario.chat!;
    sim.runUntil(KILL_S * 1000 + cfg.ackTimeoutS * 1000 - 1);
    const early = outcome(sim.state).chat!;
    expect(early.reconnects.total).toBe(0);
    expect(early.connections.halfOpen).toBe(50);
    sim.runToEnd();
    expect(outcome(sim.state).chat!.reconnects.noticedBySend).toBeGreaterThan(0);
  });

  it('a client that sends nothing notices only on the heartbeat timeout', () => {
    const sim = Simulation.fromScenario(
      chatScenario('server-memory', { chat: { clients: 90, messageIntervalS: 3600 } }),
    );
    sim.runToEnd();
    const o = outcome(sim.state).chat!;
    expect(o.reconnects.noticedBySend).toBe(0);
    expect(o.reconnects.noticedByHeartbeat).toBe(30);
  });
});

describe('chat: presence and queues in the shared store', () => {
  it('queues the messages of the dead server’s users and delivers them after the reconnect; none lost', () => {
    const sim = Simulation.fromScenario(chatScenario('shared-store'));
    sim.runUntil(KILL_S * 1000 + 20_000);
    const during = outcome(sim.state).chat!;
    expect(during.messages.queued).toBeGreaterThan(0);
    sim.runToEnd();
    const o = outcome(sim.state).chat!;
    expect(o.messages.lost).toBe(0);
    expect(o.messages.everQueued).toBeGreaterThan(20);
    // What is left in the queues at the end is on its way down a live connection.
    expect(o.messages.queued).toBeLessThan(3);
    expect(o.reconnects.total).toBe(50);
    // Every message is accounted for exactly once.
    const m = o.messages;
    expect(m.delivered + m.queued + m.lost + m.atSender + m.inFlight).toBe(m.sent);
    expect(m.inFlight).toBeGreaterThanOrEqual(0);
    expect(m.sent - m.delivered).toBeLessThan(5);
  });

  it('the same traffic loses messages with server memory and none with the store', () => {
    const mem = Simulation.fromScenario(chatScenario('server-memory'));
    const shared = Simulation.fromScenario(chatScenario('shared-store'));
    mem.runToEnd();
    shared.runToEnd();
    const a = outcome(mem.state).chat!;
    const b = outcome(shared.state).chat!;
    expect(a.messages.sent).toBe(b.messages.sent);
    expect(a.messages.lost).toBeGreaterThan(0);
    expect(b.messages.lost).toBe(0);
    expect(b.messages.everQueued).toBeGreaterThanOrEqual(a.messages.lost);
  });
});

describe('chat: the reconnect storm', () => {
  /** Everyone notices within a second (1 s heartbeat), and the balancer is slow to notice. */
  function storm(jitter: number) {
    const sim = Simulation.fromScenario(
      chatScenario('server-memory', {
        loadBalancer: { algorithm: 'round-robin', sticky: 'none', healthCheckS: 8 },
        chat: {
          clients: 900,
          messageIntervalS: 3600,
          heartbeatS: 1,
          heartbeatTimeoutS: 1,
          jitter,
        },
      }),
    );
    sim.runToEnd();
    return outcome(sim.state).chat!;
  }

  it('full jitter lowers the peak of reconnect attempts; every client still gets back', () => {
    const none = storm(0);
    const full = storm(1);
    for (const o of [none, full]) {
      expect(o.reconnects.total).toBe(300);
      expect(o.connections.open).toBe(900);
      expect(o.reconnects.failedAttempts).toBeGreaterThan(0);
    }
    expect(full.reconnects.peakAttemptsPerS).toBeLessThan(none.reconnects.peakAttemptsPerS * 0.7);
  });
});

describe('chat: the heaviest accepted chat workload', () => {
  it('runs two simulated seconds, with every server killed and restarted, in bounded wall time', () => {
    const heaviest = {
      version: 1,
      durationS: LIMITS.durationS,
      architecture: 'session-store',
      loadBalancer: { algorithm: 'least-connections', sticky: 'none', healthCheckS: 0.1 },
      servers: { count: LIMITS.servers },
      users: { count: 0 },
      network: { clientLatencyMs: 0, lbLatencyMs: 0 },
      chat: {
        clients: LIMITS.users,
        messageIntervalS: 0.5,
        heartbeatS: 1,
        heartbeatTimeoutS: 0.5,
        ackTimeoutS: 0.5,
        backoffBaseS: 0.05,
        backoffMaxS: 0.05,
      },
      timeline: Array.from({ length: LIMITS.timelineEntries }, (_, i) => ({
        atS: 1 + (i % 2) * 0.001,
        action: i % 2 ? 'restart-server' : 'kill-server',
        server: 1 + (i % LIMITS.servers),
      })),
    };
    const checked = validateScenario(heaviest);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const sim = new Simulation(resolveScenario(checked.scenario), { hop() {}, event() {} });
    const t0 = performance.now();
    sim.runUntil(2000);
    const wallMs = performance.now() - t0;
    const o = outcome(sim.state).chat!;
    expect(o.messages.sent).toBeGreaterThan(150_000);
    expect(o.messages.lost).toBe(0);
    // A few seconds on an idle machine; 60 s leaves room for a busy CI box.
    expect(wallMs).toBeLessThan(60_000);
  }, 120_000);
});

describe('chat: determinism and format', () => {
  it('the same seed gives the same run, also through a checkpoint', () => {
    const scenario = presetScenario('chat-shared-store')!;
    const a = Simulation.fromScenario(scenario);
    a.runToEnd();
    const b = Simulation.fromScenario(scenario);
    b.runUntil(61_234);
    const cp = b.checkpoint();
    const c = Simulation.fromScenario(scenario);
    c.restore(cp);
    c.runToEnd();
    expect(c.eventLogHash).toBe(a.eventLogHash);
    expect(outcome(c.state).chat).toEqual(outcome(a.state).chat);
  });

  it('a run without chat reports none', () => {
    const sim = Simulation.fromScenario(presetScenario('sticky-crash')!);
    sim.runUntil(1000);
    expect(outcome(sim.state).chat).toBeNull();
  });

  it('rejects bad chat fields with a message naming the field', () => {
    const bad = (chat: unknown) => validateScenario({ version: 1, chat });
    expect(bad({ jitter: 2 })).toEqual({
      ok: false,
      errors: ['chat.jitter: must be a number from 0 to 1'],
    });
    expect(bad({ state: 'disk' })).toMatchObject({
      ok: false,
      errors: ['chat.state: must be one of: server-memory, shared-store'],
    });
    expect(bad({ backoffBaseS: 10, backoffMaxS: 2 })).toMatchObject({
      ok: false,
      errors: ['chat: backoffBaseS must not be larger than backoffMaxS'],
    });
    expect(bad({ clients: 0 }).ok).toBe(false);
    expect(bad({ wat: 1 })).toMatchObject({
      ok: false,
      errors: ['chat.wat: is not a known field'],
    });
    expect(bad({ clients: 10, state: 'shared-store' }).ok).toBe(true);
  });
});
