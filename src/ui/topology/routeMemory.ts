/**
 * The named users' recent requests, remembered from the hop buffer for the reduced-motion
 * view: which server each of the last few went to, whether it used the session store or the
 * database, and whether it failed. The view puts each user's initial on the link their
 * latest request took (and a fainter one on earlier links), so stickiness reads as "always
 * the same link" and its absence as "a different link each time", without moving dots.
 * Pure: fed the flat hop array (see src/protocol/hops.ts), no DOM, no clock.
 */
import { HOP_STRIDE, HopField, HopNode } from '../../protocol/hops.ts';

/** Requests remembered per user. */
export const ROUTES_KEPT = 4;

export interface RecentRoute {
  req: number;
  /** Hop node of the server it went to, or -1 before it reached one (or if none took it). */
  server: number;
  store: boolean;
  db: boolean;
  failed: boolean;
  departMs: number;
}

const isServer = (node: number): boolean => node > HopNode.Db;

export class RouteMemory {
  /** Per named user, oldest first, at most ROUTES_KEPT. */
  readonly byUser: RecentRoute[][];
  private lastViewMs = -Infinity;

  constructor(readonly users: number) {
    this.byUser = Array.from({ length: users }, () => []);
  }

  clear(): void {
    for (const r of this.byUser) r.length = 0;
    this.lastViewMs = -Infinity;
  }

  /** Reads the hops that have departed by `viewMs`. Going back in time starts afresh. */
  observe(data: Float64Array, count: number, viewMs: number): void {
    if (viewMs < this.lastViewMs) this.clear();
    this.lastViewMs = viewMs;
    for (let i = 0; i < count; i++) {
      const o = i * HOP_STRIDE;
      const user = data[o + HopField.UserIdx]!;
      if (user >= this.users) continue;
      if (data[o + HopField.DepartMs]! > viewMs) continue;
      const req = data[o + HopField.ReqNo]!;
      const list = this.byUser[user]!;
      let route = findRoute(list, req);
      if (!route) {
        // An older request than any remembered one has already been pushed out.
        if (list.length === ROUTES_KEPT && req < list[0]!.req) continue;
        route = {
          req,
          server: -1,
          store: false,
          db: false,
          failed: false,
          departMs: data[o + HopField.DepartMs]!,
        };
        insertRoute(list, route);
      }
      const from = data[o + HopField.From]!;
      const to = data[o + HopField.To]!;
      if (from === HopNode.Lb && isServer(to)) route.server = to;
      if (isServer(from) && to === HopNode.Store) route.store = true;
      if (isServer(from) && to === HopNode.Db) route.db = true;
      if (data[o + HopField.Fail]! !== 0) route.failed = true;
    }
  }

  /** The latest request of `user` that reached a server, if any. */
  latest(user: number): RecentRoute | undefined {
    const list = this.byUser[user] ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.server >= 0) return list[i];
    return undefined;
  }
}

function findRoute(list: RecentRoute[], req: number): RecentRoute | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.req === req) return list[i];
  return undefined;
}

function insertRoute(list: RecentRoute[], route: RecentRoute): void {
  let at = list.length;
  while (at > 0 && list[at - 1]!.req > route.req) at--;
  list.splice(at, 0, route);
  if (list.length > ROUTES_KEPT) list.shift();
}

/** One initial to draw on a link: whose, and how recent (0 = the latest request). */
export interface LinkMark {
  user: number;
  age: number;
  failed: boolean;
}

/**
 * The marks per edge key (see hopRules.ts `edgeKey`): for every user, one mark on each link
 * (LB → server, server → store or database) that one of their remembered requests used,
 * aged by their most recent use. Users listed in `users` only (those shown in the picture).
 */
export function linkMarks(
  memory: RouteMemory,
  users: number,
  keyOf: (a: number, b: number) => number,
): Map<number, LinkMark[]> {
  const out = new Map<number, LinkMark[]>();
  const add = (key: number, mark: LinkMark): void => {
    const list = out.get(key);
    if (!list) {
      out.set(key, [mark]);
      return;
    }
    const same = list.find((m) => m.user === mark.user);
    if (!same) list.push(mark);
    else if (mark.age < same.age) Object.assign(same, mark);
  };
  for (let u = 0; u < Math.min(users, memory.users); u++) {
    const list = memory.byUser[u]!;
    let age = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      const route = list[i]!;
      if (route.server < 0) continue;
      age++;
      const failed = route.failed;
      add(keyOf(HopNode.Lb, route.server), { user: u, age, failed });
      if (route.store) add(keyOf(route.server, HopNode.Store), { user: u, age, failed });
      if (route.db) add(keyOf(route.server, HopNode.Db), { user: u, age, failed });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.user - b.user);
  return out;
}
