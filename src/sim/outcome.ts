/**
 * The outcome of a run, counted per request and per user journey: the figures the headless
 * runner prints, the lessons quote and the compare table ranks.
 */
import { SESSION_COOKIE_BYTES } from './catalog.ts';
import { toHex } from './hash.ts';
import { mean, quantile } from './histogram.ts';
import { FAIL_REASONS, type SimState } from './model.ts';
import { chatOutcome, type ChatOutcome } from './chat/chatOutcome.ts';

export type { ChatOutcome };

export interface ServerOutcome {
  id: number;
  status: string;
  requests: number;
  failed: number;
  /** Busy worker time over worker time available while up, 0..1. */
  utilization: number;
  peakSessions: number;
  sessions: number;
}

export interface Outcome {
  scenario: string;
  seed: number;
  architecture: string;
  simulatedS: number;
  requests: { total: number; ok: number; failed: number; inFlight: number };
  failedByReason: Record<string, number>;
  sessions: { created: number; lost: number; expired: number; active: number };
  cart: { itemsAdded: number; itemsLost: number };
  staleReads: number;
  checkouts: { completed: number; failed: number };
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  bytesPerRequest: { mean: number; credential: number };
  throughputPerS: number;
  servers: ServerOutcome[];
  /** Max over mean of requests per server that was ever up (1 = perfectly even). */
  loadImbalance: number;
  rehomed: { atS: number; fraction: number; users: number; from: number; to: number }[];
  /** The real-time chat workload's figures; null when the scenario has none. */
  chat: ChatOutcome | null;
  eventsProcessed: number;
  eventLogHash: string;
}

const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function activeSessionCount(s: SimState): number {
  let n = 0;
  for (const u of s.users) if (u.active && u.loggedIn && !u.sessionLost) n++;
  return n;
}

export function serverUtilization(s: SimState, id: number): number {
  const srv = s.servers[id - 1];
  if (!srv) return 0;
  let upMs = srv.upMs;
  if (srv.status === 'up' || srv.status === 'draining') upMs += s.nowMs - srv.upSinceMs;
  // Include work in progress so a long request does not show as idle.
  return upMs > 0 ? Math.min(1, srv.busyMs / (upMs * srv.workers)) : 0;
}

export function outcome(s: SimState): Outcome {
  const c = s.counters;
  const failedByReason: Record<string, number> = {};
  FAIL_REASONS.forEach((name, i) => {
    if (i > 0) failedByReason[name] = c.failedByReason[i]!;
  });
  const servers = s.servers.map((srv) => ({
    id: srv.id,
    status: srv.status,
    requests: srv.requests,
    failed: srv.failed,
    utilization: round(serverUtilization(s, srv.id)),
    peakSessions: srv.peakSessions,
    sessions: srv.sessions.size,
  }));
  const loads = servers.filter((x) => x.requests > 0).map((x) => x.requests);
  const meanLoad = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : 0;
  const ended = c.requestsOk + c.requestsFailed;
  return {
    scenario: s.scenario.name,
    seed: s.scenario.seed,
    architecture: s.scenario.architecture,
    simulatedS: round(s.nowMs / 1000),
    requests: {
      total: ended,
      ok: c.requestsOk,
      failed: c.requestsFailed,
      inFlight: c.requestsStarted - ended,
    },
    failedByReason,
    sessions: {
      created: c.sessionsCreated,
      lost: c.sessionsLost,
      expired: c.sessionsExpired,
      active: activeSessionCount(s),
    },
    cart: { itemsAdded: c.itemsAdded, itemsLost: c.itemsLost },
    staleReads: c.staleReads,
    checkouts: { completed: c.checkoutsCompleted, failed: c.checkoutsFailed },
    latencyMs: {
      mean: round(mean(s.latency)),
      p50: round(quantile(s.latency, 0.5)),
      p95: round(quantile(s.latency, 0.95)),
      p99: round(quantile(s.latency, 0.99)),
      max: round(s.latency.maxMs),
    },
    bytesPerRequest: {
      mean: round(c.requestsStarted ? c.bytesTotal / c.requestsStarted : 0, 1),
      credential:
        s.scenario.architecture === 'jwt' ? s.scenario.jwt.tokenBytes : SESSION_COOKIE_BYTES,
    },
    throughputPerS: round(s.nowMs > 0 ? c.requestsOk / (s.nowMs / 1000) : 0, 2),
    servers,
    loadImbalance: round(meanLoad > 0 ? Math.max(...loads) / meanLoad : 1),
    rehomed: s.rehomed.map((r) => ({
      atS: round(r.atMs / 1000),
      fraction: round(r.fraction, 4),
      users: r.users,
      from: r.from,
      to: r.to,
    })),
    chat: chatOutcome(s),
    eventsProcessed: c.eventsProcessed,
    eventLogHash: toHex(s.hash),
  };
}
