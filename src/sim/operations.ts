/**
 * Things the system does on its own schedule: health checks, servers finishing boot,
 * draining, rolling deploys, autoscaling, session expiry and store failover.
 */
import { emit, isNamed, schedule, type Ctx } from './context.ts';
import { STORE_PROFILES } from './catalog.ts';
import { hashTarget, rebuildPool, serverById } from './lb.ts';
import { createServer, Ev, type Server, type SimState, type User } from './model.ts';
import { failRequestsInside } from './requests.ts';
import { destroySessions, isActive } from './sessions.ts';
import { LIMITS } from './scenario.ts';

const DRAIN_POLL_MS = 500;
const TTL_SWEEP_MS = 30_000;

// ---------------------------------------------------------------- stickiness bookkeeping

function stickyUsers(s: SimState): User[] {
  return s.users.filter((u) => u.active && u.loggedIn && !u.sessionLost);
}

/** Where a sticky user's next request would go right now (-1 = no fixed home). */
function stickyTarget(s: SimState, u: User): number {
  if (s.lb.sticky === 'cookie') {
    const pinned = u.cookieServer ? serverById(s, u.cookieServer) : undefined;
    return pinned && pinned.lbHealthy ? pinned.id : -1;
  }
  return hashTarget(s, u, s.lb.pool, { points: s.lb.ring, owners: s.lb.ringOwners });
}

/**
 * Runs a change to the load balancer's view of the servers and records which share of the
 * users in the middle of a journey now has a different home server.
 */
export function withRehome(ctx: Ctx, change: () => void, always = false): void {
  const s = ctx.s;
  if (s.lb.sticky === 'none' && !always) {
    change();
    return;
  }
  const users = stickyUsers(s);
  const before = users.map((u) => stickyTarget(s, u));
  const poolBefore = s.lb.pool;
  change();
  if (s.lb.sticky === 'none' || users.length === 0) return;
  let moved = 0;
  for (let i = 0; i < users.length; i++) {
    const after = stickyTarget(s, users[i]!);
    if (after === -1 || after !== before[i]) moved++;
  }
  const poolChanged = poolBefore.join(',') !== s.lb.pool.join(',');
  if (!poolChanged && moved === 0 && !always) return;
  const record = {
    atMs: s.nowMs,
    fraction: moved / users.length,
    users: users.length,
    from: poolBefore.length,
    to: s.lb.pool.length,
  };
  s.rehomed.push(record);
  emit(ctx, { type: 'rehomed', tMs: s.nowMs, ...record });
}

// ---------------------------------------------------------------- health checks and boot

export function healthCheck(ctx: Ctx): void {
  const s = ctx.s;
  const changed: Server[] = [];
  for (const srv of s.servers) {
    const healthy = srv.status === 'up' || srv.status === 'draining';
    if (healthy !== srv.lbHealthy) changed.push(srv);
  }
  if (changed.length > 0) {
    withRehome(ctx, () => {
      for (const srv of changed) srv.lbHealthy = !srv.lbHealthy;
      rebuildPool(s);
    });
    for (const srv of changed) {
      emit(ctx, {
        type: 'server',
        tMs: s.nowMs,
        server: srv.id,
        status: srv.status,
        reason: srv.lbHealthy ? 'lb-added' : 'lb-removed',
      });
    }
  }
  schedule(ctx, s.nowMs + s.scenario.loadBalancer.healthCheckS * 1000, Ev.HealthCheck, 0);
}

export function bootServer(ctx: Ctx, srv: Server): void {
  srv.status = 'booting';
  srv.bootDoneMs = ctx.s.nowMs + ctx.s.scenario.servers.bootS * 1000;
  emit(ctx, { type: 'server', tMs: ctx.s.nowMs, server: srv.id, status: 'booting' });
  schedule(ctx, srv.bootDoneMs, Ev.ServerBooted, srv.id);
}

export function serverBooted(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const srv = serverById(s, id);
  // A server killed while booting and started again has a later boot to wait for.
  if (!srv || srv.status !== 'booting' || s.nowMs < srv.bootDoneMs) return;
  srv.status = 'up';
  srv.upSinceMs = s.nowMs;
  emit(ctx, { type: 'server', tMs: s.nowMs, server: id, status: 'up' });
  if (srv.deploying) {
    srv.deploying = false;
    emit(ctx, { type: 'deploy', tMs: s.nowMs, server: id, phase: 'done' });
    // Wait for the load balancer to see it healthy before taking the next one out.
    schedule(ctx, s.nowMs + s.scenario.loadBalancer.healthCheckS * 1000 + 1, Ev.DeployNext, 0);
  }
}

export function addServers(ctx: Ctx, count: number): number {
  const s = ctx.s;
  let added = 0;
  for (let i = 0; i < count && s.servers.length < LIMITS.servers; i++) {
    const srv = createServer(s.nextServerId++, s.scenario.servers.workers, 'down');
    s.servers.push(srv);
    bootServer(ctx, srv);
    added++;
  }
  return added;
}

/** Stops a server at once: its memory, and every session in it, is gone. */
export function stopServer(ctx: Ctx, srv: Server, cause: 'server-died' | 'drained'): void {
  const s = ctx.s;
  if (srv.status === 'up' || srv.status === 'draining') srv.upMs += s.nowMs - srv.upSinceMs;
  srv.status = 'down';
  destroySessions(ctx, srv.sessions, cause, srv.id);
  failRequestsInside(ctx, srv);
  emit(ctx, {
    type: 'server',
    tMs: s.nowMs,
    server: srv.id,
    status: 'down',
    reason: cause === 'drained' ? 'drained' : 'killed',
  });
}

// ---------------------------------------------------------------- draining and deploys

export function startDrain(ctx: Ctx, srv: Server, deadlineMs: number): void {
  const s = ctx.s;
  withRehome(ctx, () => {
    srv.status = 'draining';
    rebuildPool(s);
  });
  srv.drainDeadlineMs = deadlineMs;
  emit(ctx, { type: 'server', tMs: s.nowMs, server: srv.id, status: 'draining' });
  schedule(ctx, s.nowMs + DRAIN_POLL_MS, Ev.DrainCheck, srv.id);
}

export function drainCheck(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const srv = serverById(s, id);
  if (!srv || srv.status !== 'draining') return;
  let pinned = false;
  for (const sess of srv.sessions.values()) {
    if (isActive(ctx, sess)) {
      pinned = true;
      break;
    }
  }
  const idle = srv.busy === 0 && srv.queue.length === 0 && srv.lbConnections === 0;
  if ((!pinned && idle) || s.nowMs >= srv.drainDeadlineMs) {
    withRehome(ctx, () => {
      srv.lbHealthy = false;
      rebuildPool(s);
    });
    stopServer(ctx, srv, 'drained');
    if (srv.deploying) {
      emit(ctx, { type: 'deploy', tMs: s.nowMs, server: srv.id, phase: 'restarting' });
      bootServer(ctx, srv);
    }
    return;
  }
  schedule(ctx, s.nowMs + DRAIN_POLL_MS, Ev.DrainCheck, id);
}

export function deployNext(ctx: Ctx): void {
  const s = ctx.s;
  const d = s.deploy;
  if (!d) return;
  while (d.index < d.order.length) {
    const srv = serverById(s, d.order[d.index++]!);
    if (srv && srv.status === 'up') {
      srv.deploying = true;
      emit(ctx, { type: 'deploy', tMs: s.nowMs, server: srv.id, phase: 'draining' });
      startDrain(ctx, srv, s.nowMs + d.drainS * 1000);
      return;
    }
  }
  s.deploy = null;
  emit(ctx, { type: 'deploy', tMs: s.nowMs, server: 0, phase: 'done' });
}

// ---------------------------------------------------------------- autoscaling

export function autoscale(ctx: Ctx): void {
  const s = ctx.s;
  const a = s.scenario.servers.autoscale;
  if (!a) return;
  const intervalMs = a.intervalS * 1000;
  let up = 0;
  let booting = 0;
  let busyMs = 0;
  let capacityMs = 0;
  for (const srv of s.servers) {
    if (srv.status === 'up') {
      up++;
      // A server that came up within the window only had part of it to work.
      capacityMs += srv.workers * Math.min(intervalMs, s.nowMs - srv.upSinceMs);
    }
    if (srv.status === 'booting') booting++;
    if (srv.status === 'up' || srv.status === 'draining') busyMs += srv.windowBusyMs;
    srv.windowBusyMs = 0;
  }
  const utilization = capacityMs > 0 ? busyMs / capacityMs : 0;
  const desired = Math.min(
    a.max,
    Math.max(a.min, Math.ceil((up * utilization) / a.targetUtilization)),
  );
  if (desired > up + booting) {
    const added = addServers(ctx, desired - up - booting);
    if (added > 0) {
      emit(ctx, {
        type: 'scale',
        tMs: s.nowMs,
        from: up + booting,
        to: up + booting + added,
        utilization,
      });
    }
  } else if (desired < up && booting === 0) {
    // Scale in one server per decision, the newest first.
    for (let i = s.servers.length - 1; i >= 0; i--) {
      const srv = s.servers[i]!;
      if (srv.status === 'up') {
        emit(ctx, { type: 'scale', tMs: s.nowMs, from: up, to: up - 1, utilization });
        startDrain(ctx, srv, s.nowMs + s.scenario.servers.drainTimeoutS * 1000);
        break;
      }
    }
  }
  schedule(ctx, s.nowMs + intervalMs, Ev.Autoscale, 0);
}

// ---------------------------------------------------------------- sessions over time

export function ttlSweep(ctx: Ctx): void {
  const s = ctx.s;
  const ttlMs = s.scenario.store.ttlS * 1000;
  const sweep = (map: Map<number, { lastSeenMs: number }>): void => {
    for (const [id, sess] of map) {
      if (s.nowMs - sess.lastSeenMs > ttlMs) {
        map.delete(id);
        s.counters.sessionsExpired++;
      }
    }
  };
  for (const srv of s.servers) sweep(srv.sessions);
  sweep(s.store.sessions);
  schedule(ctx, s.nowMs + TTL_SWEEP_MS, Ev.TtlSweep, 0);
}

/**
 * Drops what the store had not yet made safe when it died: a replica (or the append-only
 * file) is `lagMs` behind, so sessions created and items added after that are gone.
 */
export function loseRecentWrites(ctx: Ctx, lagMs: number): void {
  const s = ctx.s;
  const cutoff = s.store.killedAtMs - lagMs;
  let count = 0;
  let items = 0;
  const named: { userIdx: number; items: number[] }[] = [];
  for (const [id, sess] of s.store.sessions) {
    const active = isActive(ctx, sess);
    if (sess.createdAtMs > cutoff) {
      s.store.sessions.delete(id);
      if (active) {
        count++;
        items += sess.items.length;
        s.users[sess.userIdx]!.sessionLost = true;
        if (isNamed(sess.userIdx)) named.push({ userIdx: sess.userIdx, items: [...sess.items] });
      }
      continue;
    }
    let keep = sess.items.length;
    while (keep > 0 && sess.itemAtMs[keep - 1]! > cutoff) keep--;
    if (keep < sess.items.length) {
      if (active) items += sess.items.length - keep;
      sess.items.length = keep;
      sess.itemAtMs.length = keep;
    }
  }
  s.counters.sessionsLost += count;
  s.counters.itemsLost += items;
  if (count > 0 || items > 0) {
    emit(ctx, {
      type: 'sessions-lost',
      tMs: s.nowMs,
      cause: 'failover',
      server: 0,
      count,
      items,
      named,
    });
  }
}

export function storeFailover(ctx: Ctx): void {
  const s = ctx.s;
  if (!s.store.failingOver) return;
  s.store.failingOver = false;
  s.store.up = true;
  s.store.replicas--;
  s.store.failovers++;
  // Redis copies writes to its replicas after acknowledging them, so the newest are
  // missing; DynamoDB and Cassandra acknowledge a write once several nodes hold it.
  if (!STORE_PROFILES[s.scenario.store.kind].durable) {
    loseRecentWrites(ctx, s.scenario.store.replicationLagMs);
  }
  emit(ctx, { type: 'store', tMs: s.nowMs, status: 'failed-over', replicas: s.store.replicas });
}

export function storeIsDurable(s: SimState): boolean {
  const p = STORE_PROFILES[s.scenario.store.kind];
  return p.durable || (p.appendOnlyFile && s.scenario.store.persistence === 'aof');
}
