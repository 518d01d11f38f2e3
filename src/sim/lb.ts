/**
 * The load balancer: which servers are in its pool, and which server a request goes to
 * under each algorithm and stickiness method. It only knows what its health checks told it,
 * so a server that died since the last check still gets traffic.
 */
import { mix32 } from './hash.ts';
import { intBelow } from './random.ts';
import { buildRing, ringLookup } from './policies/consistentHash.ts';
import type { Server, SimState, User } from './model.ts';

/** What the balancer reads of a client to place it: its address, session id and cookie. */
export type LbClient = Pick<User, 'ip' | 'sessionId' | 'cookieServer' | 'cookieSetMs'>;

export function serverById(state: SimState, id: number): Server | undefined {
  // Ids are assigned 1, 2, 3 … in creation order and servers are never removed from the
  // array, so the id is the index + 1.
  return state.servers[id - 1];
}

/** Rebuilds the pool (healthy, not draining) and the consistent-hash ring. */
export function rebuildPool(state: SimState): void {
  const pool: number[] = [];
  for (const s of state.servers) if (s.lbHealthy && s.status !== 'draining') pool.push(s.id);
  state.lb.pool = pool;
  if (state.lb.sticky === 'consistent-hash') {
    const ring = buildRing(pool, state.scenario.loadBalancer.virtualNodes, state.lb.salt);
    state.lb.ring = ring.points;
    state.lb.ringOwners = ring.owners;
  }
}

/**
 * The server an algorithm picks from the pool, ignoring stickiness (0 if none is left).
 * `exclude` lists servers this request already tried (a retry never goes back to them).
 */
export function pickByAlgorithm(state: SimState, exclude: readonly number[] | null = null): number {
  const pool = state.lb.pool;
  if (pool.length === 0) return 0;
  switch (state.lb.algorithm) {
    case 'round-robin': {
      for (let k = 0; k < pool.length; k++) {
        const id = pool[state.lb.rrCursor % pool.length]!;
        state.lb.rrCursor = (state.lb.rrCursor + 1) % 1_000_000_007;
        if (exclude === null || !exclude.includes(id)) return id;
      }
      return 0;
    }
    case 'random': {
      if (exclude === null) return pool[intBelow(state.streams.balance, pool.length)]!;
      const left = pool.filter((id) => !exclude.includes(id));
      return left.length ? left[intBelow(state.streams.balance, left.length)]! : 0;
    }
    case 'least-connections': {
      let best = 0;
      let bestConns = Infinity;
      // Ties go to the server after the last pick, so equal servers share the load.
      const start = state.lb.rrCursor % pool.length;
      for (let k = 0; k < pool.length; k++) {
        const id = pool[(start + k) % pool.length]!;
        if (exclude !== null && exclude.includes(id)) continue;
        const conns = serverById(state, id)!.lbConnections;
        if (conns < bestConns) {
          bestConns = conns;
          best = id;
        }
      }
      state.lb.rrCursor = (state.lb.rrCursor + 1) % 1_000_000_007;
      return best;
    }
  }
}

/** In the balancing pool: healthy in the LB's view and not draining (see rebuildPool). */
function inPool(state: SimState, id: number): boolean {
  const srv = serverById(state, id);
  return !!srv && srv.lbHealthy && srv.status !== 'draining';
}

/** nginx gives up rehashing after this many tries and falls back to round robin. */
const IP_HASH_TRIES = 20;

/**
 * nginx `ip_hash`: the address is hashed over the whole configured server list, down ones
 * included, and a pick that is unavailable is rehashed until one is available. So a crash
 * moves only the dead server's clients; a new server (a longer list) moves most of them.
 */
function ipHashTarget(state: SimState, user: LbClient, pool: readonly number[]): number {
  const listed = state.servers.length;
  let h = mix32(user.ip ^ state.lb.salt);
  for (let t = 0; t < IP_HASH_TRIES; t++) {
    const id = 1 + (h % listed);
    if (inPool(state, id)) return id;
    h = mix32(h + 0x9e3779b9);
  }
  return pool[mix32(user.ip ^ state.lb.salt) % pool.length]!;
}

/** Where a hash-based method sends this user with the given pool (0 if none). */
export function hashTarget(
  state: SimState,
  user: LbClient,
  pool: readonly number[],
  ring: { points: Uint32Array; owners: Int32Array } | null,
): number {
  if (pool.length === 0) return 0;
  const salt = state.lb.salt;
  switch (state.lb.sticky) {
    case 'ip-hash':
      return ipHashTarget(state, user, pool);
    case 'hash-mod-n':
      // HAProxy `balance` with `hash-type map-based`: modulo the servers in rotation.
      return pool[mix32(user.sessionId ^ salt) % pool.length]!;
    case 'consistent-hash':
      return ring ? ringLookup(ring.points, ring.owners, mix32(user.sessionId ^ salt)) : 0;
    default:
      return 0;
  }
}

/** The server the user's cookie names, if it still counts (0 = none or expired). */
export function cookieTarget(state: SimState, user: LbClient): number {
  if (!user.cookieServer) return 0;
  const maxAgeS = state.scenario.loadBalancer.cookieMaxAgeS;
  if (maxAgeS > 0 && state.nowMs - user.cookieSetMs > maxAgeS * 1000) return 0;
  return user.cookieServer;
}

/**
 * Where a refused request goes next: the algorithm's pick among the servers it has not
 * tried, breaking any stickiness (HAProxy's `option redispatch`). A cookie user is re-pinned
 * to the new server, as the LB's inserted cookie is rewritten on the answer.
 */
export function redispatch(state: SimState, user: LbClient, tried: readonly number[]): number {
  const id = pickByAlgorithm(state, tried);
  if (id !== 0 && state.lb.sticky === 'cookie') {
    user.cookieServer = id;
    user.cookieSetMs = state.nowMs;
  }
  return id;
}

/**
 * Chooses the server for a user's request, updating the sticky cookie. 0 = nowhere.
 * `login` marks the first request of a new session.
 */
export function route(state: SimState, user: LbClient, login: boolean): number {
  const sticky = state.lb.sticky;
  if (sticky === 'none') return pickByAlgorithm(state);
  if (sticky === 'cookie') {
    const named = cookieTarget(state, user);
    const pinned = named ? serverById(state, named) : undefined;
    // A draining server keeps serving the users pinned to it until it shuts down, but a new
    // session (a login) starts elsewhere, or the drain would never finish.
    if (pinned && pinned.lbHealthy && !(login && pinned.status === 'draining')) return pinned.id;
    const id = pickByAlgorithm(state);
    if (id !== 0) {
      user.cookieServer = id;
      user.cookieSetMs = state.nowMs;
    }
    return id;
  }
  return hashTarget(state, user, state.lb.pool, {
    points: state.lb.ring,
    owners: state.lb.ringOwners,
  });
}
