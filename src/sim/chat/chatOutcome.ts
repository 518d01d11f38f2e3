/** The chat workload's figures in the run's outcome (`outcome.chat`, see docs/scenario-format.md). */
import { mean, quantile } from '../histogram.ts';
import type { SimState } from '../model.ts';
import { connectionAlive } from './chatRules.ts';
import { ClientStatus } from './chatState.ts';

export interface ChatOutcome {
  state: string;
  /** Seconds between a polling client's polls; 0 when messages are pushed over a WebSocket. */
  pollIntervalS: number;
  clients: number;
  connections: {
    /** Open connections on live servers. */
    open: number;
    /** Clients that believe they are connected to a server that has died (not noticed yet). */
    halfOpen: number;
    /** Clients between connections (backing off or in a handshake). Polling clients hold none. */
    reconnecting: number;
    /** Open connections per server, by server id (dead servers hold none). */
    perServer: { server: number; connections: number }[];
  };
  messages: {
    sent: number;
    delivered: number;
    /** Waiting now in a recipient's queue in the shared store. */
    queued: number;
    /** Had to wait in a queue for their recipient at some point. */
    everQueued: number;
    /** Never delivered and nowhere kept: gone with a server's memory or fire-and-forget. */
    lost: number;
    /** Written while offline (or not acknowledged) and kept in the sender's app to resend. */
    atSender: number;
    /** Between sender and recipient right now. */
    inFlight: number;
  };
  reconnects: {
    /** Connections opened again after a lost one. */
    total: number;
    attempts: number;
    failedAttempts: number;
    /** Most reconnect attempts in any one simulated second: the storm's peak. */
    peakAttemptsPerS: number;
    noticedByHeartbeat: number;
    noticedBySend: number;
    /** Longest time from noticing a lost connection to being connected again. */
    maxReconnectS: number;
  };
  deliveryMs: { mean: number; p50: number; p95: number; max: number };
  /**
   * What clients sent to servers: HTTP requests (polls and posted messages), WebSocket
   * handshakes, message frames and answers to heartbeat pings; per simulated second so far.
   */
  requests: {
    total: number;
    perS: number;
    polls: number;
    /** Polls answered with nothing new. */
    emptyPolls: number;
    /** Polls that found no healthy server, a dead one, or the store down. */
    failedPolls: number;
  };
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function chatOutcome(s: SimState): ChatOutcome | null {
  const c = s.chat;
  if (!c) return null;
  const perServer = s.servers.map((srv) => ({ server: srv.id, connections: 0 }));
  let open = 0;
  let halfOpen = 0;
  let atSender = 0;
  let reconnecting = 0;
  for (const cl of c.clients) {
    atSender += cl.outbox.length + cl.unacked.length;
    if (cl.status === ClientStatus.Waiting || cl.status === ClientStatus.Connecting) reconnecting++;
    if (cl.status !== ClientStatus.Connected) continue;
    if (connectionAlive(s, cl.server, cl.connectedAtMs)) {
      open++;
      perServer[cl.server - 1]!.connections++;
    } else halfOpen++;
  }
  let queued = 0;
  for (const q of c.queues.values()) queued += q.length;
  const k = c.counters;
  return {
    state: c.cfg.state,
    pollIntervalS: c.cfg.pollIntervalS,
    clients: c.clients.length,
    connections: {
      open,
      halfOpen,
      reconnecting,
      perServer,
    },
    messages: {
      sent: k.sent,
      delivered: k.delivered,
      queued,
      everQueued: k.everQueued,
      lost: k.lost,
      atSender,
      inFlight: k.sent - k.delivered - k.lost - queued - atSender,
    },
    reconnects: {
      total: k.reconnects,
      attempts: k.attempts,
      failedAttempts: k.failedAttempts,
      peakAttemptsPerS: k.peakAttemptsPerS,
      noticedByHeartbeat: k.noticedByHeartbeat,
      noticedBySend: k.noticedBySend,
      maxReconnectS: round(k.maxReconnectMs / 1000),
    },
    deliveryMs: {
      mean: round(mean(c.deliveryMs)),
      p50: round(quantile(c.deliveryMs, 0.5)),
      p95: round(quantile(c.deliveryMs, 0.95)),
      max: round(c.deliveryMs.maxMs),
    },
    requests: {
      total: k.requests,
      perS: s.nowMs > 0 ? round(k.requests / (s.nowMs / 1000), 2) : 0,
      polls: k.polls,
      emptyPolls: k.emptyPolls,
      failedPolls: k.failedPolls,
    },
  };
}
