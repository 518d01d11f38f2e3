/**
 * Plain-language sentences for the events worth telling a learner about. Routine events (a
 * request that went fine) are not narrated; losses, crashes and recoveries are.
 */
import { NAMED_USERS, type SimEvent } from '../sim/index.ts';
import { SHOP_VOCABULARY, type Vocabulary } from './vocabulary.ts';

export type Severity = 'info' | 'good' | 'warn' | 'bad';

export interface NarrationEntry {
  id: number;
  tMs: number;
  severity: Severity;
  text: string;
  /** Worth announcing to screen-reader users (rate-limited by the view). */
  announce: boolean;
  userIdx?: number;
  server?: number;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function itemList(items: readonly number[], vocab: Vocabulary): string {
  if (items.length === 0) return 'nothing';
  return items.map((i) => vocab.items[i] ?? `item ${i}`).join(', ');
}

function userName(idx: number): string {
  return NAMED_USERS[idx] ?? `User ${idx + 1}`;
}

/** Returns the narration for an event, or null if it is not worth telling. */
export function narrate(
  e: SimEvent,
  vocab: Vocabulary = SHOP_VOCABULARY,
): Omit<NarrationEntry, 'id'> | null {
  const V = vocab;
  switch (e.type) {
    case 'server': {
      const name = `${cap(V.server)} ${e.server}`;
      if (e.reason === 'killed') {
        return {
          tMs: e.tMs,
          severity: 'bad',
          text: `${name} crashed.`,
          announce: true,
          server: e.server,
        };
      }
      if (e.reason === 'drained') {
        return {
          tMs: e.tMs,
          severity: 'info',
          text: `${name} finished draining and stopped.`,
          announce: true,
          server: e.server,
        };
      }
      if (e.reason === 'lb-removed') {
        return {
          tMs: e.tMs,
          severity: 'warn',
          text: `The ${V.loadBalancer}'s health check noticed ${V.server} ${e.server} is down and stopped sending it requests.`,
          announce: false,
          server: e.server,
        };
      }
      if (e.reason === 'lb-added') {
        return {
          tMs: e.tMs,
          severity: 'good',
          text: `The ${V.loadBalancer} now sends requests to ${V.server} ${e.server}.`,
          announce: false,
          server: e.server,
        };
      }
      if (e.status === 'booting') {
        return {
          tMs: e.tMs,
          severity: 'info',
          text: `${name} is starting up.`,
          announce: false,
          server: e.server,
        };
      }
      if (e.status === 'draining') {
        return {
          tMs: e.tMs,
          severity: 'info',
          text: `${name} is draining: no new ${V.users}, current ones may finish.`,
          announce: true,
          server: e.server,
        };
      }
      return null;
    }
    case 'sessions-lost': {
      if (e.count === 0 && e.items === 0) return null;
      const named = e.named
        .map((n) =>
          n.items.length > 0
            ? `${userName(n.userIdx)}'s ${V.cart} (${itemList(n.items, V)}) is gone`
            : `${userName(n.userIdx)} must log in again`,
        )
        .join('; ');
      const where = e.server > 0 ? `${V.server} ${e.server}` : `the ${V.store}`;
      const lost = `${e.count} ${e.count === 1 ? V.session : V.sessions} lost`;
      let text: string;
      switch (e.cause) {
        case 'miss':
          if (e.named.length === 0) return null;
          text = `${userName(e.named[0]!.userIdx)}'s request reached ${where}, which has never heard of them: ${V.session} not found, logged out${e.items > 0 ? `, ${V.cart} (${itemList(e.named[0]!.items, V)}) lost` : ''}.`;
          break;
        case 'server-died':
          text = `${lost} with ${V.server} ${e.server}'s memory.`;
          break;
        case 'drained':
          text = `${V.server} ${e.server} stopped with ${lost}.`;
          break;
        case 'store-died':
          text = `The ${V.store} died with no replica: ${lost}, everyone is logged out.`;
          break;
        case 'failover':
          text = `The replica had not yet received the last writes: ${lost}, ${e.items} ${V.cart} items lost.`;
          break;
      }
      return {
        tMs: e.tMs,
        severity: 'bad',
        text: named ? `${cap(text)} ${named}.` : cap(text),
        announce: e.cause !== 'miss' || e.named.length > 0,
        ...(e.named[0] ? { userIdx: e.named[0].userIdx } : {}),
        ...(e.server > 0 ? { server: e.server } : {}),
      };
    }
    case 'session-created':
      return {
        tMs: e.tMs,
        severity: 'info',
        text:
          e.server > 0
            ? `${userName(e.userIdx)} logged in; the ${V.session} lives in ${V.server} ${e.server}'s memory.`
            : `${userName(e.userIdx)} logged in.`,
        announce: false,
        userIdx: e.userIdx,
        ...(e.server > 0 ? { server: e.server } : {}),
      };
    case 'cart':
      return {
        tMs: e.tMs,
        severity: 'info',
        text: `${userName(e.userIdx)}'s ${V.cart}: ${itemList(e.items, V)}.`,
        announce: false,
        userIdx: e.userIdx,
      };
    case 'stale-read':
      return {
        tMs: e.tMs,
        severity: 'warn',
        text: `Stale read: ${userName(e.userIdx)} expected ${itemList(e.expected, V)} but ${e.server > 0 ? `${V.server} ${e.server}` : 'the system'} showed ${itemList(e.seen, V)}.`,
        announce: true,
        userIdx: e.userIdx,
      };
    case 'checkout':
      return {
        tMs: e.tMs,
        severity: e.ok ? 'good' : 'bad',
        text: e.ok
          ? `${userName(e.userIdx)} checked out (${itemList(e.items, V)}).`
          : `${userName(e.userIdx)}'s checkout failed.`,
        announce: false,
        userIdx: e.userIdx,
      };
    case 'request-failed':
      return null;
    case 'store':
      return {
        tMs: e.tMs,
        severity: e.status === 'down' ? 'bad' : e.status === 'failing-over' ? 'warn' : 'good',
        text:
          e.status === 'down'
            ? `The ${V.store} is down.`
            : e.status === 'failing-over'
              ? `The ${V.store}'s primary died; a replica is taking over.`
              : e.status === 'failed-over'
                ? `A replica took over as the ${V.store} (${e.replicas} replica${e.replicas === 1 ? '' : 's'} left).`
                : `The ${V.store} is running (${e.replicas} replica${e.replicas === 1 ? '' : 's'}).`,
        announce: true,
      };
    case 'scale':
      return {
        tMs: e.tMs,
        severity: 'info',
        text: `Autoscaler: ${e.from} → ${e.to} ${V.servers} (utilisation ${Math.round(e.utilization * 100)} %).`,
        announce: true,
      };
    case 'rehomed':
      if (e.users === 0) return null;
      return {
        tMs: e.tMs,
        severity: e.fraction > 0.05 ? 'warn' : 'info',
        text: `${Math.round(e.fraction * 100)} % of logged-in ${V.users} now map to a different ${V.server} (${e.from} → ${e.to} ${V.servers}).`,
        announce: true,
      };
    case 'lb':
      return {
        tMs: e.tMs,
        severity: 'info',
        text: `${cap(V.loadBalancer)}: ${e.algorithm}, stickiness ${e.sticky}.`,
        announce: false,
      };
    case 'users':
      return {
        tMs: e.tMs,
        severity: 'info',
        text: `Traffic set to ${e.count} ${V.users}.`,
        announce: true,
      };
    case 'deploy':
      return {
        tMs: e.tMs,
        severity: 'info',
        text:
          e.phase === 'done'
            ? e.server
              ? `Deploy: ${V.server} ${e.server} is back with the new version.`
              : 'Rolling deploy finished.'
            : e.phase === 'draining'
              ? `Deploy: draining ${V.server} ${e.server}.`
              : `Deploy: restarting ${V.server} ${e.server}.`,
        announce: false,
      };
    case 'refused':
      return { tMs: e.tMs, severity: 'warn', text: e.message, announce: true };
  }
}
