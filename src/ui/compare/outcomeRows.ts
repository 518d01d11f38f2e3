/**
 * The table of outcomes side by side: one row per measure, the value in each pane, which pane
 * did best, and one line saying why. Pure: it takes each pane's Outcome (from its snapshot)
 * and returns plain rows, so the wording and the winner rules are unit-tested.
 *
 * Winner rules: every measure here is "lower is better". Values are compared as they are
 * shown (after rounding), so two cells that read the same are never ranked apart. A pane is
 * best only when it beats the others by more than run-to-run noise: by more than NOISE_SHARE
 * of the larger value and more than the measure's own floor (2 for counts, 5 ms for
 * latency). Panes within that margin of the lowest value share the verdict; when that is
 * every pane, the row is a tie ("p95 147 vs 151 ms" or "38 vs 39 failures" are ties).
 */

/** Differences up to this share of the larger value are noise (another seed moves them). */
export const NOISE_SHARE = 0.1;
import type { Architecture, Outcome, StickyMethod } from '../../sim/index.ts';
import { FAIL_REASON_LABELS, formatCount, formatMs } from '../panels/format.ts';
import { CHAT_MEASURES } from './chatRows.ts';

export interface PaneOutcome {
  arch: Architecture;
  title: string;
  sticky: StickyMethod;
  outcome: Outcome;
}

export interface Cell {
  value: number;
  text: string;
  best: boolean;
}

export interface OutcomeRow {
  key: string;
  label: string;
  /** A breakdown of the row above it (failed requests by reason). */
  sub: boolean;
  cells: Cell[];
  /** 'winner': some panes marked best; 'tie': all the same; 'none': nothing to rank yet. */
  verdict: 'winner' | 'tie' | 'none';
  /** Titles of the best panes ("" unless verdict is 'winner'). */
  winners: string[];
  why: string;
}

/** Why requests fail, one line each, in the model's terms (src/sim/requests.ts). */
export const REASON_WHY: Record<string, string> = {
  'session-lost':
    'The server had no session for the user (it died with another server, or the request landed elsewhere): log in again.',
  'server-down':
    'Requests already on their way to a dead server, or sent before the health check noticed, fail whatever the architecture.',
  'no-healthy-server': 'No server was in rotation to take the request.',
  'store-unavailable':
    'The session store was down: no request that needs the session could be answered.',
  overloaded: 'A server queue was full and refused the request.',
};

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Whether `v` is within noise of the lowest value `min`. */
export function withinNoise(v: number, min: number, floor: number): boolean {
  return v - min <= Math.max(floor, NOISE_SHARE * Math.max(Math.abs(v), Math.abs(min)));
}

function rank(
  values: number[],
  texts: string[],
  floor: number,
): { best: boolean[]; verdict: OutcomeRow['verdict'] } {
  // Compare what is shown: parse back the rounded figure from the text where possible.
  const shown = texts.map((t, i) => {
    const n = Number(t.replace(/[^\d.]/g, ''));
    return Number.isFinite(n) && /\d/.test(t) ? n : values[i]!;
  });
  const min = Math.min(...shown);
  const best = shown.map((v) => withinNoise(v, min, floor));
  if (best.every(Boolean)) return { best: best.map(() => false), verdict: 'tie' };
  return { best, verdict: 'winner' };
}

export interface Measure {
  key: string;
  label: string;
  sub?: boolean;
  value(o: Outcome): number;
  format(v: number): string;
  /** Needs completed requests in every pane before it means anything (latency, bytes). */
  needsRequests?: boolean;
  /** Differences up to this much are noise, whatever their share (default: 2, for counts). */
  noiseFloor?: number;
  why(panes: readonly PaneOutcome[], values: number[], winners: string[]): string;
}

/** Why the mean sits below the credential's size (docs/model.md, "Bytes per request"). */
const LOGINS = 'A login carries no credential, so the mean is a little below its size.';

const lost = (p: PaneOutcome) => p.outcome.sessions.lost > 0;

const MEASURES: Measure[] = [
  {
    key: 'sessions-lost',
    label: 'Sessions lost',
    value: (o) => o.sessions.lost,
    format: formatCount,
    why(panes) {
      const losers = panes.filter(lost);
      if (losers.length === 0)
        return 'None lost yet: kill a server (or the store) and watch this row.';
      const memory = losers.some((p) => p.arch === 'in-memory');
      const store = losers.some((p) => p.arch === 'session-store');
      const parts: string[] = [];
      if (memory) {
        parts.push(
          'In memory a session lives on one server only: it dies with that server (or is missed when a request lands on another)',
        );
      }
      if (store) {
        parts.push(
          'the session store is one shared memory: when it dies without a replica, every session in it goes',
        );
      }
      const jwt = panes.some((p) => p.arch === 'jwt' && !lost(p));
      const tail = jwt
        ? '; a signed token lives in the browser, so there is no server-side session to lose.'
        : '.';
      const text = parts.join('; ') + tail;
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
  },
  {
    key: 'items-lost',
    label: 'Cart items lost',
    value: (o) => o.cart.itemsLost,
    format: formatCount,
    why(panes, values) {
      if (values.every((v) => v === 0)) return 'No cart item lost yet.';
      const jwt = panes.some((p) => p.arch === 'jwt');
      return `The cart is part of the session${jwt ? ' (with JWT, a database row)' : ''}: items are lost exactly where sessions are.`;
    },
  },
  {
    key: 'stale-reads',
    label: 'Stale reads',
    value: (o) => o.staleReads,
    format: formatCount,
    why(_panes, values) {
      if (values.every((v) => v === 0)) {
        return "None: every cart a user saw matched the user's own last successful write.";
      }
      return "A cart that disagrees with the user's own last write: a failover that lost recent writes, or a server that started an empty record.";
    },
  },
  {
    key: 'failed',
    label: 'Failed requests',
    value: (o) => o.requests.failed,
    format: formatCount,
    why(panes, values) {
      if (values.every((v) => v === 0)) return 'No request failed yet.';
      // The worst pane's main reason says most about the difference.
      let worst = panes[0]!;
      for (const p of panes)
        if (p.outcome.requests.failed > worst.outcome.requests.failed) worst = p;
      const [reason] =
        Object.entries(worst.outcome.failedByReason).sort((a, b) => b[1] - a[1])[0] ?? [];
      if (!reason) return 'Requests failed.';
      return `Most failures in ${worst.title} were "${FAIL_REASON_LABELS[reason] ?? reason}". See the reasons below.`;
    },
  },
  {
    key: 'p50',
    label: 'Latency p50',
    value: (o) => o.latencyMs.p50,
    format: formatMs,
    noiseFloor: 5,
    needsRequests: true,
    why: (_p, _v, winners) =>
      `${winners.length ? `${list(winners)}: ` : ''}a session read from the server's own memory takes about 1 µs; a session store adds a store round trip to every request, JWT a database read on cart steps.`,
  },
  {
    key: 'p95',
    label: 'Latency p95',
    value: (o) => o.latencyMs.p95,
    format: formatMs,
    noiseFloor: 5,
    needsRequests: true,
    why: () =>
      'The slow tail: extra round trips add up, and so does queueing at busy servers (after a crash, the survivors carry more).',
  },
  {
    key: 'bytes',
    label: 'Credential bytes per request',
    value: (o) => o.bytesPerRequest.mean,
    format: (v) => `${Math.round(v)} B`,
    needsRequests: true,
    why(panes) {
      const jwt = panes.find((p) => p.arch === 'jwt');
      const cookie = panes.find((p) => p.arch !== 'jwt');
      if (jwt && cookie) {
        return `A session id in a cookie is ${cookie.outcome.bytesPerRequest.credential} bytes; the signed token (${jwt.outcome.bytesPerRequest.credential} bytes) rides along on every request. ${LOGINS}`;
      }
      return `Both send a short session id in a cookie. ${LOGINS}`;
    },
  },
  {
    key: 'evenness',
    label: 'Load evenness (busiest ÷ average)',
    value: (o) => o.loadImbalance,
    format: (v) => `${v.toFixed(2)}×`,
    noiseFloor: 0.05,
    needsRequests: true,
    why(panes) {
      const sticky = panes.filter((p) => p.sticky !== 'none');
      const free = panes.filter((p) => p.sticky === 'none');
      if (sticky.length && free.length) {
        return 'Stickiness pins each user to one server, so load follows who is pinned where; without it the balancer spreads every request. 1.00× is perfectly even.';
      }
      return 'How evenly requests spread over the servers; 1.00× is perfectly even.';
    },
  },
];

function measureRow(m: Measure, panes: readonly PaneOutcome[]): OutcomeRow {
  const values = panes.map((p) => m.value(p.outcome));
  const texts = values.map((v) => m.format(v));
  const noData = m.needsRequests && panes.some((p) => p.outcome.requests.total === 0);
  const ranked = noData ? null : rank(values, texts, m.noiseFloor ?? 2);
  const winners =
    ranked?.verdict === 'winner' ? panes.filter((_, i) => ranked.best[i]).map((p) => p.title) : [];
  return {
    key: m.key,
    label: m.label,
    sub: m.sub ?? false,
    cells: values.map((value, i) => ({
      value,
      text: noData ? '–' : texts[i]!,
      best: ranked?.best[i] ?? false,
    })),
    verdict: ranked ? ranked.verdict : 'none',
    winners,
    why: noData ? 'No request has finished yet in every pane.' : m.why(panes, values, winners),
  };
}

/** All rows, with one sub-row per failure reason that occurred in any pane. */
export function outcomeRows(panes: readonly PaneOutcome[]): OutcomeRow[] {
  if (panes.length === 0) return [];
  const rows: OutcomeRow[] = [];
  // Chat runs: the chat rows first (every pane runs the same chat workload).
  if (panes.every((p) => p.outcome.chat))
    for (const m of CHAT_MEASURES) rows.push(measureRow(m, panes));
  for (const m of MEASURES) {
    rows.push(measureRow(m, panes));
    if (m.key !== 'failed') continue;
    const reasons = Object.keys(panes[0]!.outcome.failedByReason).filter((r) =>
      panes.some((p) => (p.outcome.failedByReason[r] ?? 0) > 0),
    );
    for (const reason of reasons) {
      rows.push(
        measureRow(
          {
            key: `failed-${reason}`,
            label: `… ${FAIL_REASON_LABELS[reason] ?? reason}`,
            sub: true,
            value: (o) => o.failedByReason[reason] ?? 0,
            format: formatCount,
            why: () => REASON_WHY[reason] ?? '',
          },
          panes,
        ),
      );
    }
  }
  return rows;
}
