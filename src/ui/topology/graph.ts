/**
 * Turns a snapshot and the layout into React Flow nodes and edges. Each node's `data` holds
 * only what that node draws; a node whose data did not change keeps its previous object, so
 * its memoised component does not re-render when an unrelated part of the system moves.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Snapshot, SessionChip } from '../../protocol/snapshot.ts';
import type { Algorithm, Architecture, ServerStatus, StickyMethod } from '../../sim/index.ts';
import { NAMED_USERS, STORE_PROFILES } from '../../sim/index.ts';
import type { Loss } from './chipLoss.ts';
import type { LoadAverage, StopCause } from './serverHistory.ts';
import { sidesBetween, type LayoutBox, type ServerShape, type TopologyLayout } from './layout.ts';
import { objectStorageWords, serverVideoWords, storeVideoWords } from './words.ts';

import type { SessionHome } from '../../protocol/snapshot.ts';

export type AvatarState = 'in' | 'out' | 'lost';

export interface Avatar {
  idx: number;
  name: string;
  state: AvatarState;
  /** What is in their cart and where the session lives (a server id, store, token or none). */
  cart: readonly number[];
  home: SessionHome;
  sessionLost: boolean;
}

export type UsersData = {
  avatars: Avatar[];
  architecture: Architecture;
  storeLabel: string;
  crowd: number;
  loggedIn: number;
  active: number;
  follow: number | null;
};

export type LbData = {
  architecture: Architecture;
  algorithm: Algorithm;
  sticky: StickyMethod;
  healthy: number;
  total: number;
};

export type ServerData = {
  id: number;
  status: ServerStatus;
  lbHealthy: boolean;
  busy: number;
  workers: number;
  queue: number;
  utilPct: number;
  /** Busy share averaged over a few simulated seconds (serverHistory.ts), in %. */
  loadPct: number;
  /** Requests this server has been sent since the start, and how many of them failed. */
  requests: number;
  failed: number;
  /** Why it last went down, if it is down and the view saw it happen. */
  stopCause: StopCause | null;
  sessionCount: number;
  chips: SessionChip[];
  chipSlots: number;
  shape: ServerShape;
  /** The architecture keeps sessions in server memory (or, in a chat run, connections). */
  holdsSessions: boolean;
  /** A chat run without shoppers: the server holds connections and relays messages, so its
   *  request count and worker load say nothing. */
  chat: boolean;
  /** The followed user, if their session lives here. */
  highlight: number | null;
  /** The user whose chip here was clicked to show their cart. */
  inspected: number | null;
  /** The last time this server destroyed sessions (crash or stop). */
  loss: Loss | null;
  /** An upload run: the videos on this server's disk and its conversions, in words. */
  videos: string | null;
  /** Video files live on this server's disk: it is not stateless. */
  holdsVideos: boolean;
};

export type StoreData = {
  label: string;
  up: boolean;
  failingOver: boolean;
  replicas: number;
  keys: number;
  chips: SessionChip[];
  chipSlots: number;
  highlight: number | null;
  inspected: number | null;
  loss: Loss | null;
  /**
   * A chat run: what the store keeps for the chat service instead of sessions ('kept':
   * presence and queues; 'relay': pub/sub only, nothing kept; 'polled': queues read by polls,
   * no presence), null in a shop run. Flat
   * numbers, so an unchanged box keeps its data object.
   */
  chat: 'kept' | 'relay' | 'polled' | null;
  online: number;
  queued: number;
  waitingApps: number;
  /** An upload run with the videos in this store: its memory and the videos, in words. */
  videos: string | null;
  /** That memory is past its limit. */
  full: boolean;
};

export type DbData = {
  architecture: Architecture;
  highlight: boolean;
  /** A chat run without shoppers: there are no carts, whatever the architecture. */
  chat: boolean;
  /** An upload run with object storage (drawn with the database): its videos, in words. */
  objectStorage: string | null;
};

export type UsersNodeT = Node<UsersData, 'users'>;
export type LbNodeT = Node<LbData, 'lb'>;
export type ServerNodeT = Node<ServerData, 'server'>;
export type StoreNodeT = Node<StoreData, 'store'>;
export type DbNodeT = Node<DbData, 'db'>;
export type TopologyNode = UsersNodeT | LbNodeT | ServerNodeT | StoreNodeT | DbNodeT;

/** A clicked session chip: which node it sits on and whose it is. */
export interface Inspected {
  nodeId: string;
  userIdx: number;
}

/** Chips a box shows when it has `slots` places and holds `total` sessions. */
export function visibleChips(
  chips: readonly SessionChip[],
  slots: number,
  total: number,
): { shown: readonly SessionChip[]; more: number } {
  if (slots <= 0) return { shown: [], more: total };
  // A user can leave an old session behind on a server and log in there again: one chip per
  // user (the latest record), or the picture shows the same person twice.
  const latest = new Map<number, SessionChip>();
  for (const c of chips) latest.set(c.userIdx, c);
  const unique =
    latest.size === chips.length ? chips : chips.filter((c) => latest.get(c.userIdx) === c);
  // "+N more" takes the last three places when not everything fits.
  const room = total > slots ? slots - 3 : slots;
  const shown = unique.slice(0, Math.max(0, room));
  return { shown, more: Math.max(0, total - shown.length) };
}

export function sameChips(a: readonly SessionChip[], b: readonly SessionChip[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.userIdx !== y.userIdx || x.items.length !== y.items.length) return false;
    for (let j = 0; j < x.items.length; j++) if (x.items[j] !== y.items[j]) return false;
  }
  return true;
}

function sameAvatars(a: readonly Avatar[], b: readonly Avatar[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.idx !== y.idx || x.state !== y.state || x.name !== y.name) return false;
    if (x.home !== y.home || x.sessionLost !== y.sessionLost) return false;
    if (x.cart.length !== y.cart.length || x.cart.some((c, j) => c !== y.cart[j])) return false;
  }
  return true;
}

/** Shallow equality, looking one level into arrays of chips and avatars. */
export function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (Object.is(x, y)) continue;
    if (!Array.isArray(x) || !Array.isArray(y)) return false;
    if (k === 'chips') {
      if (!sameChips(x as SessionChip[], y as SessionChip[])) return false;
    } else if (k === 'avatars') {
      if (!sameAvatars(x as Avatar[], y as Avatar[])) return false;
    } else return false;
  }
  return true;
}

export interface GraphInput {
  snapshot: Snapshot;
  layout: TopologyLayout;
  follow: number | null;
  inspected: Inspected | null;
  /** Latest session destruction per node id (see chipLoss.ts). */
  losses?: Readonly<Record<string, Loss>>;
  /** Smoothed load per server (serverHistory.ts); without it, the instant busy share. */
  load?: LoadAverage | null;
  /** Why each server last went down. */
  stops?: ReadonlyMap<number, StopCause>;
}

const NODE_STYLE = { pointerEvents: 'all' } as const;

function nodeFor<T extends TopologyNode>(box: LayoutBox, type: T['type'], data: T['data']): T {
  return {
    id: box.id,
    type,
    position: { x: box.x, y: box.y },
    width: box.w,
    height: box.h,
    data,
    draggable: false,
    selectable: false,
    connectable: false,
    // React Flow turns pointer events off on nodes that are neither draggable nor
    // selectable; the buttons on ours must stay clickable.
    style: NODE_STYLE,
  } as T;
}

function avatarState(u: Snapshot['users']['named'][number]): AvatarState {
  if (u.loggedIn && !u.sessionLost) return 'in';
  return u.sessionLost ? 'lost' : 'out';
}

/** Named users shown as avatars: those within the current traffic. */
export function namedShown(snapshot: Snapshot): number {
  return Math.min(NAMED_USERS.length, snapshot.users.named.length, snapshot.users.target);
}

export function buildNodes(input: GraphInput): TopologyNode[] {
  const { snapshot: s, layout, follow, inspected, losses = {}, load = null, stops } = input;
  const nodes: TopologyNode[] = [];
  const followed = follow !== null ? s.users.named[follow] : undefined;
  const inspectedOn = (id: string): number | null =>
    inspected && inspected.nodeId === id ? inspected.userIdx : null;
  // A chat run without shoppers: the boxes count apps and their open connections, each held
  // by one server in either design, instead of users and sessions.
  const chat = s.outcome.chat !== null && s.users.target === 0 ? s.outcome.chat : null;
  const chatStore = chat ? s.store.chat : null;
  const uploads = s.outcome.uploads;
  const storeVideos =
    uploads && uploads.placement === 'session-store'
      ? storeVideoWords(uploads.store, uploads)
      : null;
  for (const box of layout.boxes) {
    switch (box.kind) {
      case 'users': {
        const shown = namedShown(s);
        const avatars = s.users.named.slice(0, shown).map((u) => ({
          idx: u.idx,
          name: u.name,
          state: avatarState(u),
          cart: u.cart,
          home: u.home,
          sessionLost: u.sessionLost,
        }));
        nodes.push(
          nodeFor<UsersNodeT>(box, 'users', {
            avatars,
            architecture: s.architecture,
            storeLabel: STORE_PROFILES[s.store.kind].label,
            crowd: chat ? chat.clients : Math.max(0, s.users.target - shown),
            loggedIn: chat ? chat.connections.open : s.users.loggedIn,
            active: s.users.active,
            follow,
          }),
        );
        break;
      }
      case 'lb':
        nodes.push(
          nodeFor<LbNodeT>(box, 'lb', {
            architecture: s.architecture,
            algorithm: s.algorithm,
            sticky: s.sticky,
            healthy: s.servers.filter((x) => x.lbHealthy).length,
            total: s.servers.length,
          }),
        );
        break;
      case 'server': {
        const v = s.servers.find((x) => x.id === box.serverId);
        if (!v) break;
        nodes.push(
          nodeFor<ServerNodeT>(box, 'server', {
            id: v.id,
            status: v.status,
            lbHealthy: v.lbHealthy,
            busy: v.busy,
            workers: v.workers,
            queue: v.queue,
            utilPct: Math.round(v.utilization * 100),
            loadPct: Math.round(
              100 *
                (load?.byServer.get(v.id) ?? (v.workers > 0 ? Math.min(1, v.busy / v.workers) : 0)),
            ),
            requests: v.requests,
            failed: v.failed,
            stopCause: v.status === 'down' ? (stops?.get(v.id) ?? null) : null,
            sessionCount: chat
              ? (chat.connections.perServer.find((p) => p.server === v.id)?.connections ?? 0)
              : v.sessionCount,
            chips: v.chips,
            chipSlots: chat ? 0 : layout.chipSlots,
            shape: layout.shape,
            holdsSessions: chat !== null || s.architecture === 'in-memory',
            chat: chat !== null,
            highlight: followed && followed.home === v.id ? followed.idx : null,
            inspected: inspectedOn(box.id),
            loss: losses[box.id] ?? null,
            videos:
              uploads && v.status !== 'down'
                ? serverVideoWords(
                    uploads,
                    uploads.perServer.find((p) => p.server === v.id) ?? null,
                  )
                : null,
            holdsVideos: uploads?.placement === 'server-disk',
          }),
        );
        break;
      }
      case 'store':
        nodes.push(
          nodeFor<StoreNodeT>(box, 'store', {
            label: STORE_PROFILES[s.store.kind].label,
            up: s.store.up,
            failingOver: s.store.failingOver,
            replicas: s.store.replicas,
            keys: s.store.keys,
            chips: s.store.chips,
            chipSlots: chatStore ? 0 : 2 * 6,
            highlight: followed && followed.home === 'store' ? followed.idx : null,
            inspected: inspectedOn(box.id),
            loss: losses[box.id] ?? null,
            chat: chatStore
              ? chatStore.polling
                ? 'polled'
                : chatStore.keepsState
                  ? 'kept'
                  : 'relay'
              : null,
            online: chatStore?.online ?? 0,
            queued: chatStore?.queued ?? 0,
            waitingApps: chatStore?.waitingApps ?? 0,
            videos: storeVideos?.figures ?? null,
            full: storeVideos?.full ?? false,
          }),
        );
        break;
      case 'db':
        nodes.push(
          nodeFor<DbNodeT>(box, 'db', {
            architecture: s.architecture,
            highlight: !!followed && followed.home === 'token',
            chat: chat !== null,
            objectStorage:
              uploads && uploads.placement === 'object-store' ? objectStorageWords(uploads) : null,
          }),
        );
        break;
    }
  }
  return nodes;
}

/** Keeps the previous node object wherever nothing it draws changed. */
export function reuseNodes(prev: readonly TopologyNode[], next: TopologyNode[]): TopologyNode[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  return next.map((n) => {
    const p = old.get(n.id);
    if (
      p &&
      p.type === n.type &&
      p.position.x === n.position.x &&
      p.position.y === n.position.y &&
      p.width === n.width &&
      p.height === n.height &&
      sameData(p.data, n.data)
    ) {
      return p;
    }
    return n;
  });
}

export type EdgeState = 'ok' | 'dead' | 'store-down';

/** Edges: users–LB, LB–each server, each server–store (if any) and –database. */
export function buildEdges(snapshot: Snapshot, layout: TopologyLayout): Edge[] {
  const edges: Edge[] = [];
  const boxOf = new Map(layout.boxes.map((b) => [b.id, b]));
  const add = (source: string, target: string, state: EdgeState): void => {
    const a = boxOf.get(source);
    const b = boxOf.get(target);
    // Handles: a source leaves by its right or bottom, a target enters by its left or top.
    const [out, into] = a && b ? sidesBetween(layout, a, b) : ['right', 'left'];
    edges.push({
      id: `${source}->${target}`,
      source,
      target,
      sourceHandle: out === 'bottom' || out === 'top' ? 'bottom' : 'right',
      targetHandle: into === 'top' || into === 'bottom' ? 'top' : 'left',
      type: 'straight',
      className: `topo-edge topo-edge-${state}`,
      selectable: false,
      focusable: false,
    });
  };
  add('users', 'lb', 'ok');
  const storeShown = layout.byHop.has(2);
  for (const box of layout.boxes) {
    if (box.kind !== 'server') continue;
    const v = snapshot.servers.find((x) => x.id === box.serverId);
    const dead = !v || v.status === 'down';
    add('lb', box.id, dead ? 'dead' : 'ok');
    if (storeShown) add(box.id, 'store', dead ? 'dead' : snapshot.store.up ? 'ok' : 'store-down');
    add(box.id, 'db', dead ? 'dead' : 'ok');
  }
  return edges;
}

export function edgesKey(edges: readonly Edge[]): string {
  return edges
    .map((e) => `${e.id}:${e.className ?? ''}:${e.sourceHandle ?? ''}:${e.targetHandle ?? ''}`)
    .join('|');
}
