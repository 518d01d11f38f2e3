/**
 * The load balancer: which servers are in its pool, and which server a request goes to
 * under each algorithm and stickiness method. It only knows what its health checks told it,
 * so a server that died since the last check still gets traffic.
 */
import { mix32 } from './hash.ts';
import { intBelow } from './random.ts';
import { buildRing, ringLookup } from './policies/consistentHash.ts';
import type { Server, SimState, User } from './model.ts';

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
    const ring = buildRing(pool, state.scenario.loadBalancer.virtualNodes);
    state.lb.ring = ring.points;
    state.lb.ringOwners = ring.owners;
  }
}

/** The server an algorithm picks from the pool, ignoring stickiness (0 if the pool is empty). */
export function pickByAlgorithm(state: SimState): number {
  const pool = state.lb.pool;
  if (pool.length === 0) return 0;
  switch (state.lb.algorithm) {
    case 'round-robin': {
      const id = pool[state.lb.rrCursor % pool.length]!;
      state.lb.rrCursor = (state.lb.rrCursor + 1) % 1_000_000_007;
      return id;
    }
    case 'random':
      return pool[intBelow(state.streams.balance, pool.length)]!;
    case 'least-connections': {
      let best = pool[0]!;
      let bestConns = Infinity;
      // Ties go to the server after the last pick, so equal servers share the load.
      const start = state.lb.rrCursor % pool.length;
      for (let k = 0; k < pool.length; k++) {
        const id = pool[(start + k) % pool.length]!;
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

/** Where a hash-based method sends this user with the given pool (0 if none). */
export function hashTarget(
  state: SimState,
  user: User,
  pool: readonly number[],
  ring: { points: Uint32Array; owners: Int32Array } | null,
): number {
  if (pool.length === 0) return 0;
  switch (state.lb.sticky) {
    case 'ip-hash':
      return pool[mix32(user.ip) % pool.length]!;
    case 'hash-mod-n':
      return pool[mix32(user.sessionId) % pool.length]!;
    case 'consistent-hash':
      return ring ? ringLookup(ring.points, ring.owners, mix32(user.sessionId)) : 0;
    default:
      return 0;
  }
}

/** Chooses the server for a user's request, updating the sticky cookie. 0 = nowhere. */
export function route(state: SimState, user: User): number {
  const sticky = state.lb.sticky;
  if (sticky === 'none') return pickByAlgorithm(state);
  if (sticky === 'cookie') {
    const pinned = user.cookieServer ? serverById(state, user.cookieServer) : undefined;
    // A draining server keeps serving the users pinned to it until it shuts down.
    if (pinned && pinned.lbHealthy) return pinned.id;
    const id = pickByAlgorithm(state);
    user.cookieServer = id;
    return id;
  }
  return hashTarget(state, user, state.lb.pool, {
    points: state.lb.ring,
    owners: state.lb.ringOwners,
  });
}
