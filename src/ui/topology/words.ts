/**
 * The plain words the topology uses: load-balancer settings, server states, failure reasons
 * and the "where does this cart live" caption. Pure functions, so they are unit-tested.
 */
import type {
  Algorithm,
  Architecture,
  ServerStatus,
  StickyMethod,
  UploadsOutcome,
} from '../../sim/index.ts';
import { FAIL_REASONS, NAMED_USERS } from '../../sim/index.ts';
import type { NamedUserView, Snapshot } from '../../protocol/snapshot.ts';
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

/** A user, as far as the sentence about their session needs them. */
export type SessionUser = Pick<NamedUserView, 'name' | 'home' | 'sessionLost'> & {
  cart: readonly number[];
} & Partial<Pick<NamedUserView, 'loggedIn'>>;

function whereWords(user: SessionUser, vocab: Vocabulary, storeLabel: string | null): string {
  const { home } = user;
  if (typeof home === 'number') return `lives on ${vocab.server} ${home}`;
  switch (home) {
    case 'store':
      return `lives in the ${vocab.store}${
        storeLabel !== null && vocab.techNames !== false ? ` (${storeLabel})` : ''
      }`;
    case 'token': {
      const carried =
        vocab.techNames === false
          ? `a signed slip ${user.name} carries`
          : `${possessive(user.name)} signed token`;
      return `saved in the ${vocab.database}; the ${vocab.session} travels in ${carried}`;
    }
    case 'none':
      if (user.sessionLost) return `${vocab.session} lost: must log in again`;
      return user.loggedIn ? `${vocab.session} not found` : 'not logged in';
  }
}

/**
 * The one sentence about a user's session, used by the picture's captions and the follow
 * card alike: "Alice's cart: iPhone, AirPods — lives on server 2". `storeLabel` names the
 * store's product where the vocabulary uses technical names ("(Redis)"); null leaves it out.
 */
export function sessionSentence(
  user: SessionUser,
  vocab: Vocabulary,
  storeLabel: string | null = null,
  counted = false,
): string {
  const count = counted ? ` (${user.cart.length})` : '';
  const head = `${possessive(user.name)} ${vocab.cart}${count}: ${cartWords(user.cart, vocab)}`;
  return `${head} — ${whereWords(user, vocab, storeLabel)}`;
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
  const user = {
    name: userName(userIdx, vocab),
    cart: [...items],
    home: serverId > 0 ? serverId : ('store' as const),
    sessionLost: false,
  };
  return sessionSentence(user, vocab, storeLabel, counted);
}

/** The caption for a followed user: what their cart holds and where their session lives. */
export function followCaption(
  user: SessionUser,
  storeLabel: string,
  vocab: Vocabulary,
  counted = false,
): string {
  return sessionSentence(user, vocab, storeLabel, counted);
}

/** What the store box says in a chat run: its figures and a line on what it keeps. `kept`:
 *  presence and a queue per app; `relay`: pub/sub only; `polled`: queues read by polls. */
export function chatStoreWords(
  f: { chat: 'kept' | 'relay' | 'polled'; online: number; queued: number; waitingApps: number },
  vocab: Vocabulary,
): { figures: string; line: string } {
  if (f.chat === 'relay') {
    return { figures: 'Pub/sub only', line: 'Keeps no presence and no messages' };
  }
  if (f.chat === 'polled') {
    // Nobody is connected, so there is no presence: messages wait for the next poll.
    return {
      figures: `${f.queued.toLocaleString('en')} queued`,
      line: `Messages wait for each ${vocab.user}'s next poll`,
    };
  }
  const figures = `${f.online.toLocaleString('en')} online · ${f.queued.toLocaleString('en')} queued`;
  const apps = f.waitingApps === 1 ? vocab.user : vocab.users;
  const line =
    f.waitingApps > 0
      ? `Messages wait for ${f.waitingApps} ${apps} to reconnect`
      : `Presence map · a queue per ${vocab.user}`;
  return { figures, line };
}

const videos = (n: number): string => `${n.toLocaleString('en')} ${n === 1 ? 'video' : 'videos'}`;

/** Conversions as a box's line says them: "2 converting · 5 waiting" (empty parts left out). */
function conversionWords(converting: number, waiting: number): string[] {
  const out: string[] = [];
  if (converting > 0) out.push(`${converting.toLocaleString('en')} converting`);
  if (waiting > 0) out.push(`${waiting.toLocaleString('en')} waiting`);
  return out;
}

/**
 * What a server box says in an upload run: the files on its disk and its conversion job
 * ("3 videos on disk · 1 converting · 2 waiting"); with the files kept elsewhere, only the
 * conversions it runs, or nothing when functions do them.
 */
export function serverVideoWords(
  u: Pick<UploadsOutcome, 'placement'>,
  p: { onDisk: number; converting: number; waiting: number } | null,
): string | null {
  const onDisk = p?.onDisk ?? 0;
  const work = conversionWords(p?.converting ?? 0, p?.waiting ?? 0);
  if (u.placement === 'server-disk') return [`${videos(onDisk)} on disk`, ...work].join(' · ');
  return work.length > 0 ? ['Videos', ...work].join(' · ') : null;
}

/** The session store's memory with videos in it: "Memory 420 / 512 MB · 8 videos". */
export function storeVideoWords(
  store: Pick<UploadsOutcome['store'], 'usedMB' | 'limitMB'>,
  u: { videos: Pick<UploadsOutcome['videos'], 'inStore'> },
): { figures: string; full: boolean } {
  const full = store.usedMB > store.limitMB;
  const used = Math.round(store.usedMB).toLocaleString('en');
  const limit = Math.round(store.limitMB).toLocaleString('en');
  const figures = `Memory ${used} / ${limit} MB · ${videos(u.videos.inStore)}${full ? ' · full' : ''}`;
  return { figures, full };
}

/**
 * Object storage, drawn with the database: "Object storage · 40 videos · 2 converting", the
 * conversions being the functions its upload events started.
 */
export function objectStorageWords(u: {
  videos: Pick<UploadsOutcome['videos'], 'inObjectStorage'>;
  functions: UploadsOutcome['functions'];
}): string {
  return [
    'Object storage',
    videos(u.videos.inObjectStorage),
    ...conversionWords(u.functions.running, u.functions.waiting),
  ].join(' · ');
}

/** A run of chat apps with no shoppers: told in chat words, with no session chips. */
export function isChatOnly(snapshot: Snapshot): boolean {
  return snapshot.outcome.chat !== null && snapshot.users.target === 0;
}
