/**
 * The outcome of a run, counted per request and per user journey: the figures the headless
 * runner prints, the lessons quote and the compare table ranks.
 */
import { SESSION_COOKIE_BYTES } from './catalog.ts';
import { toHex } from './hash.ts';
import { mean, quantile } from './histogram.ts';
import { FAIL_REASONS, type SimState } from './model.ts';
import { chatOutcome, type ChatOutcome } from './chat/chatOutcome.ts';

import { uploadsOutcome, type UploadsOutcome } from './uploads/uploadsOutcome.ts';

export type { ChatOutcome, UploadsOutcome };
import { rotationMs } from './operations.ts';
import { busyWorkerMs } from './requests.ts';

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
  /** Refused connections the load balancer sent on to another server. */
  retriedConnections: number;
  failedByReason: Record<string, number>;
  sessions: { created: number; lost: number; expired: number; active: number };
  cart: { itemsAdded: number; itemsLost: number };
  staleReads: number;
  checkouts: { completed: number; failed: number };
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  bytesPerRequest: { mean: number; credential: number };
  throughputPerS: number;
  servers: ServerOutcome[];
  /**
   * The busiest server's requests per second in rotation over the whole tier's (1 = even):
   * a server counts for the time the load balancer sent it traffic, so one that joined late
   * or died early does not look idle.
   */
  loadImbalance: number;
  rehomed: {
    atS: number;
    fraction: number;
    users: number;
    from: number;
    to: number;
    /** Share of the users moved because their server left the rotation (died, drained). */
    deadFraction: number;
    /** Share moved although their server is still in rotation (the mapping changed). */
    mapFraction: number;
  }[];
  /** The real-time chat workload's figures; null when the scenario has none. */
  chat: ChatOutcome | null;
  /** The video-upload workload's figures; null when the scenario has none. */
  uploads: UploadsOutcome | null;
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
  // Time-weighted occupancy, work in progress included, so a long request does not show as
  // idle and a window cannot count work done before it.
  return upMs > 0 ? Math.min(1, busyWorkerMs(srv, s.nowMs) / (upMs * srv.workers)) : 0;
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
  // Requests per second in rotation; servers in rotation for under a tenth of the longest
  // time are left out, as a few requests in a moment say nothing about balance.
  const inRotation = s.servers.map((srv) => rotationMs(s, srv));
  const longest = Math.max(0, ...inRotation);
  let tierRequests = 0;
  let tierMs = 0;
  let busiest = 0;
  s.servers.forEach((srv, i) => {
    const ms = inRotation[i]!;
    if (ms <= 0 || ms < longest / 10) return;
    tierRequests += srv.requests;
    tierMs += ms;
    busiest = Math.max(busiest, srv.requests / ms);
  });
  const tierRate = tierMs > 0 ? tierRequests / tierMs : 0;
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
    retriedConnections: c.retries,
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
    loadImbalance: round(tierRate > 0 ? busiest / tierRate : 1),
    rehomed: s.rehomed.map((r) => ({
      atS: round(r.atMs / 1000),
      fraction: round(r.fraction, 4),
      users: r.users,
      from: r.from,
      to: r.to,
      deadFraction: round(r.users ? r.movedDead / r.users : 0, 4),
      mapFraction: round(r.users ? r.movedMap / r.users : 0, 4),
    })),
    chat: chatOutcome(s),
    uploads: uploadsOutcome(s),
    eventsProcessed: c.eventsProcessed,
    eventLogHash: toHex(s.hash),
  };
}
