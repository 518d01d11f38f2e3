/**
 * The plain words the topology uses: load-balancer settings, server states, failure reasons
 * and the "where does this cart live" caption. Pure functions, so they are unit-tested.
 */
import type { Algorithm, Architecture, ServerStatus, StickyMethod } from '../../sim/index.ts';
import { FAIL_REASONS, NAMED_USERS } from '../../sim/index.ts';
import type { NamedUserView } from '../../protocol/snapshot.ts';
import type { Vocabulary } from '../../store/vocabulary.ts';
import { itemList } from '../../store/narration.ts';

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function algorithmWords(a: Algorithm): string {
  switch (a) {
    case 'round-robin':
      return 'Round robin';
    case 'least-connections':
      return 'Least connections';
    case 'random':
      return 'Random';
  }
}

export function stickyWords(s: StickyMethod): string {
  switch (s) {
    case 'none':
      return 'Not sticky: any server';
    case 'cookie':
      return 'Sticky by cookie';
    case 'ip-hash':
      return 'Sticky by IP address hash';
    case 'hash-mod-n':
      return 'Sticky by session hash mod N';
    case 'consistent-hash':
      return 'Sticky by consistent hashing';
  }
}

/**
 * The load balancer's second line. Stickiness only matters while sessions live in one
 * server's memory; with a shared store or a token any server can answer, so say so.
 */
export function lbStickyCaption(architecture: Architecture, s: StickyMethod): string {
  if (architecture === 'in-memory') return stickyWords(s);
  if (s === 'none') return 'Any server will do';
  return `${stickyWords(s)} (not needed)`;
}

export interface StatusWords {
  icon: string;
  label: string;
}

export function statusWords(status: ServerStatus): StatusWords {
  switch (status) {
    case 'up':
      return { icon: '✓', label: 'Up' };
    case 'booting':
      return { icon: '↻', label: 'Booting' };
    case 'draining':
      return { icon: '⇣', label: 'Draining' };
    case 'down':
      return { icon: '✕', label: 'Down' };
  }
}

/** Short labels for failure bursts, by index into FAIL_REASONS. */
const FAIL_LABELS: Record<(typeof FAIL_REASONS)[number], string> = {
  ok: '',
  'session-lost': 'session not found',
  'no-healthy-server': 'no healthy server',
  'server-down': 'server down',
  'store-unavailable': 'store unavailable',
  overloaded: 'overloaded',
};

export function failLabel(fail: number): string {
  const reason = FAIL_REASONS[fail];
  return reason ? FAIL_LABELS[reason] : 'failed';
}

export function userName(userIdx: number, vocab: Vocabulary): string {
  return NAMED_USERS[userIdx] ?? `${cap(vocab.user)} ${userIdx + 1}`;
}

export function initial(userIdx: number): string {
  return NAMED_USERS[userIdx]?.charAt(0) ?? '';
}

const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);

function cartWords(items: readonly number[], vocab: Vocabulary): string {
  return items.length === 0 ? 'empty' : itemList(items, vocab);
}

/**
 * Where a session lives, for a chip on server `serverId` (0 = the session store). With
 * `counted`, the cart's size comes first too: "Alice's cart (2): iPhone, AirPods — …".
 */
export function chipCaption(
  userIdx: number,
  items: readonly number[],
  serverId: number,
  storeLabel: string,
  vocab: Vocabulary,
  counted = false,
): string {
  const where =
    serverId > 0
      ? `lives on ${vocab.server} ${serverId}`
      : `lives in the ${vocab.store}${vocab.techNames === false ? '' : ` (${storeLabel})`}`;
  const count = counted ? ` (${items.length})` : '';
  return `${possessive(userName(userIdx, vocab))} ${vocab.cart}${count}: ${cartWords(items, vocab)} — ${where}`;
}

/** The caption for a followed user: what their cart holds and where their session lives. */
export function followCaption(
  user: Pick<NamedUserView, 'name' | 'home' | 'sessionLost'> & { cart: readonly number[] },
  architecture: Architecture,
  storeLabel: string,
  vocab: Vocabulary,
  counted = false,
): string {
  const count = counted ? ` (${user.cart.length})` : '';
  const head = `${possessive(user.name)} ${vocab.cart}${count}: ${cartWords(user.cart, vocab)}`;
  if (user.home > 0) return `${head} — lives on ${vocab.server} ${user.home}`;
  if (user.home === 0) {
    if (architecture === 'jwt') {
      const carried =
        vocab.techNames === false
          ? `a signed slip ${user.name} carries`
          : `${possessive(user.name)} signed token`;
      return `${head} — saved in the ${vocab.database}; the ${vocab.session} travels in ${carried}`;
    }
    return `${head} — lives in the ${vocab.store}${vocab.techNames === false ? '' : ` (${storeLabel})`}`;
  }
  return user.sessionLost
    ? `${head} — ${vocab.session} lost: must log in again`
    : `${head} — no ${vocab.session}: must log in`;
}
