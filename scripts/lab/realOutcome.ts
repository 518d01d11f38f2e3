/**
 * The outcome of a lab run in the same shape as the simulation's (`npm run sim -- --json`),
 * computed from what the load generator observed, HAProxy's view of the servers and the
 * servers' own counters.
 */
import type { Outcome, ServerOutcome } from '../../src/sim/outcome.ts';
import type { ResolvedScenario } from '../../src/sim/scenario.ts';
import type { ServerStat } from './haproxyApi.ts';
import type { Observed } from './loadgen.ts';
import type { AppStats } from './stack.ts';

/** A change of HAProxy's server set: when it was made and when HAProxy acted on it. */
export interface SetChange {
  atMs: number;
  seenMs: number;
  from: number;
  to: number;
  /** A server that crashed in this change: with sessions in memory its users are excluded. */
  killed?: number;
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Share of users whose server changed across a set change: their last answer before it
 * came from one server, their first answer after HAProxy acted on it from another.
 */
export function rehomedShare(
  homes: [number, number, number][][],
  c: SetChange,
): { fraction: number; users: number; deadFraction: number; mapFraction: number } {
  let users = 0;
  let dead = 0;
  let map = 0;
  for (const h of homes) {
    if (!h) continue;
    let before = 0;
    let after = 0;
    let journeyBefore = -1;
    let journeyAfter = -2;
    for (const [t, server, journey] of h) {
      if (t < c.atMs) {
        before = server;
        journeyBefore = journey;
      } else if (t >= c.seenMs) {
        after = server;
        journeyAfter = journey;
        break;
      }
    }
    // Only users in the middle of one journey across the change (a re-login after a lost
    // session continues the journey).
    if (before && after && journeyBefore === journeyAfter) {
      users++;
      if (before !== after) {
        // Their server crashed (moved because dead) or is still there (the map changed).
        if (c.killed && before === c.killed) dead++;
        else map++;
      }
    }
  }
  const share = (n: number): number => (users ? n / users : 0);
  return { fraction: share(dead + map), users, deadFraction: share(dead), mapFraction: share(map) };
}

const STATUS: Record<string, string> = { UP: 'up', DOWN: 'down', MAINT: 'down', DRAIN: 'draining' };

export function realOutcome(opts: {
  scenario: ResolvedScenario;
  observed: Observed;
  simulatedS: number;
  stats: ServerStat[];
  appStats: Map<number, AppStats>;
  changes: SetChange[];
  everStarted: Set<number>;
}): Outcome {
  const { scenario: s, observed: o } = opts;
  const lat = [...o.latenciesMs].sort((a, b) => a - b);
  const servers: ServerOutcome[] = [];
  for (const id of [...opts.everStarted].sort((a, b) => a - b)) {
    const st = opts.stats.find((x) => x.name === `s${id}`);
    const ps = o.perServer.get(id) ?? { requests: 0, failed: 0 };
    const app = opts.appStats.get(id);
    const status = st ? (STATUS[st.status.split(' ')[0]!] ?? st.status.toLowerCase()) : 'down';
    servers.push({
      id,
      status,
      requests: ps.requests,
      failed: ps.failed,
      utilization:
        app && app.upMs > 0 ? round(Math.min(1, app.busyMs / (app.upMs * app.workers))) : 0,
      peakSessions: app?.peakSessions ?? 0,
      sessions: status === 'down' ? 0 : (app?.sessions ?? 0),
    });
  }
  const loads = servers.filter((x) => x.requests > 0).map((x) => x.requests);
  const meanLoad = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : 0;
  const started = o.requests.total + o.requests.inFlight;
  return {
    scenario: s.name,
    seed: s.seed,
    architecture: s.architecture,
    simulatedS: round(opts.simulatedS),
    requests: { ...o.requests },
    retriedConnections: opts.stats.reduce((n, x) => n + x.redispatched, 0),
    // The lab runs the shopping journey only; a chat scenario is refused before it starts.
    chat: null,
    // Nor does it run the video-upload workload.
    uploads: null,
    failedByReason: { ...o.failedByReason },
    sessions: {
      created: o.sessions.created,
      lost: o.sessions.lost,
      expired: 0,
      active: o.sessions.active,
    },
    cart: { ...o.cart },
    staleReads: o.staleReads,
    checkouts: { ...o.checkouts },
    latencyMs: {
      mean: round(lat.length ? lat.reduce((a, b) => a + b, 0) / lat.length : 0),
      p50: round(quantile(lat, 0.5)),
      p95: round(quantile(lat, 0.95)),
      p99: round(quantile(lat, 0.99)),
      max: round(lat[lat.length - 1] ?? 0),
    },
    bytesPerRequest: {
      mean: round(started ? o.credentialBytes / started : 0, 1),
      credential: o.credentialMax,
    },
    throughputPerS: round(opts.simulatedS > 0 ? o.requests.ok / opts.simulatedS : 0, 2),
    servers,
    loadImbalance: round(meanLoad > 0 ? Math.max(...loads) / meanLoad : 1),
    rehomed:
      s.loadBalancer.sticky === 'none'
        ? []
        : opts.changes.map((c) => ({
            atS: round(c.atMs / 1000),
            ...(({ fraction, users, deadFraction, mapFraction }) => ({
              fraction: round(fraction, 4),
              users,
              deadFraction: round(deadFraction, 4),
              mapFraction: round(mapFraction, 4),
            }))(rehomedShare(o.homes, c)),
            from: c.from,
            to: c.to,
          })),
    eventsProcessed: o.requests.total,
    eventLogHash: 'real',
  };
}
