/**
 * Things the system does on its own schedule: health checks, servers finishing boot,
 * draining, rolling deploys, autoscaling, session expiry and store failover.
 */
import { emit, isNamed, schedule, type Ctx } from './context.ts';
import { STORE_PROFILES } from './catalog.ts';
import { cookieTarget, hashTarget, rebuildPool, serverById } from './lb.ts';
import { createServer, Ev, type Server, type SimState, type User } from './model.ts';
import { busyWorkerMs, failRequestsInside } from './requests.ts';
import { uploadsServerStopped } from './uploads/uploadsRules.ts';
import { destroySessions, isActive } from './sessions.ts';
import { AUTOSCALE_DEFAULTS, LIMITS } from './scenario.ts';
import { uniform } from './random.ts';

const DRAIN_POLL_MS = 500;
const TTL_SWEEP_MS = 30_000;

// ---------------------------------------------------------------- stickiness bookkeeping

/** Users in the middle of a journey, including those whose session just died with a server. */
function stickyUsers(s: SimState): User[] {
  return s.users.filter((u) => u.active && u.loggedIn);
}

/** Where a sticky user's next request would go right now (-1 = no fixed home). */
function stickyTarget(s: SimState, u: User): number {
  if (s.lb.sticky === 'cookie') {
    const named = cookieTarget(s, u);
    const pinned = named ? serverById(s, named) : undefined;
    return pinned && pinned.lbHealthy ? pinned.id : -1;
  }
  return hashTarget(s, u, s.lb.pool, { points: s.lb.ring, owners: s.lb.ringOwners });
}

/**
 * Runs a change to the load balancer's view of the servers and records which share of the
 * users in the middle of a journey now has a different home server, split by why: their
 * server left the rotation (moved because dead), or it is still there and the mapping
 * changed (moved because the map changed).
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
  let movedDead = 0;
  let movedMap = 0;
  const inRotation = new Set(s.lb.pool);
  for (let i = 0; i < users.length; i++) {
    const b = before[i]!;
    const after = stickyTarget(s, users[i]!);
    if (after === b) continue;
    const home = b > 0 ? serverById(s, b) : undefined;
    // Users of a server that crashed were counted as moved when it died (see stopServer).
    if (home && home.status === 'down' && !always) continue;
    if (home && !home.lbHealthy) movedDead++;
    else if (home && !inRotation.has(b) && s.lb.sticky !== 'cookie') movedDead++;
    else movedMap++;
  }
  const moved = movedDead + movedMap;
  const poolChanged = poolBefore.join(',') !== s.lb.pool.join(',');
  if (!poolChanged && moved === 0 && !always) return;
  const record = {
    atMs: s.nowMs,
    fraction: moved / users.length,
    users: users.length,
    from: poolBefore.length,
    to: s.lb.pool.length,
    movedDead,
    movedMap,
  };
  s.rehomed.push(record);
  emit(ctx, { type: 'rehomed', tMs: s.nowMs, ...record });
}

/** Time `srv` has spent in the load balancer's rotation up to now (ms). */
export function rotationMs(s: SimState, srv: Server): number {
  return srv.rotationMs + (srv.lbHealthy ? s.nowMs - srv.rotationSinceMs : 0);
}

/** Sets the LB's view of a server, keeping its time in rotation. */
function markLbHealthy(s: SimState, srv: Server, healthy: boolean): void {
  if (healthy === srv.lbHealthy) return;
  if (healthy) srv.rotationSinceMs = s.nowMs;
  else srv.rotationMs += s.nowMs - srv.rotationSinceMs;
  srv.lbHealthy = healthy;
}

// ---------------------------------------------------------------- health checks and boot

/**
 * Starts a server's own health checks, as HAProxy does for each `server … check`: one check
 * every `healthCheckS` (`inter`), at a phase drawn once per server, so servers are not all
 * checked at the same instant and a kill is not noticed sooner for landing on a round second.
 */
export function startHealthChecks(ctx: Ctx, srv: Server): void {
  const s = ctx.s;
  const interMs = s.scenario.loadBalancer.healthCheckS * 1000;
  srv.checkPhaseMs = uniform(s.streams.health, 0, interMs);
  schedule(ctx, s.nowMs + srv.checkPhaseMs, Ev.HealthCheck, srv.id);
}

/** Puts a server into or takes it out of the load balancer's rotation. */
function setLbHealthy(ctx: Ctx, srv: Server, healthy: boolean): void {
  const s = ctx.s;
  withRehome(ctx, () => {
    markLbHealthy(s, srv, healthy);
    rebuildPool(s);
  });
  emit(ctx, {
    type: 'server',
    tMs: s.nowMs,
    server: srv.id,
    status: srv.status,
    reason: healthy ? 'lb-added' : 'lb-removed',
  });
  if (healthy && srv.deployAwaitingHealthy) {
    // A rolling deploy takes the next server out only once this one is back in rotation.
    srv.deployAwaitingHealthy = false;
    schedule(ctx, s.nowMs, Ev.DeployNext, 0);
  }
}

/**
 * One health check of one server. A check passes when the server answers (up or draining:
 * a draining server is still alive). Like HAProxy, a server in rotation is taken out after
 * `fall` consecutive failed checks, and a server out of rotation is put back after `rise`
 * consecutive passed ones. Checks run on every server, whatever its state.
 */
export function healthCheck(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const srv = serverById(s, id);
  if (!srv) return;
  const lb = s.scenario.loadBalancer;
  const passed = srv.status === 'up' || srv.status === 'draining';
  if (passed) {
    srv.checkFalls = 0;
    if (!srv.lbHealthy && ++srv.checkRises >= lb.rise) {
      srv.checkRises = 0;
      setLbHealthy(ctx, srv, true);
    }
  } else {
    srv.checkRises = 0;
    if (srv.lbHealthy && ++srv.checkFalls >= lb.fall) {
      srv.checkFalls = 0;
      setLbHealthy(ctx, srv, false);
    }
  }
  schedule(ctx, s.nowMs + lb.healthCheckS * 1000, Ev.HealthCheck, id);
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
    if (srv.lbHealthy) schedule(ctx, s.nowMs, Ev.DeployNext, 0);
    else srv.deployAwaitingHealthy = true;
  }
}

export function addServers(ctx: Ctx, count: number): number {
  const s = ctx.s;
  let added = 0;
  for (let i = 0; i < count && s.servers.length < LIMITS.servers; i++) {
    const srv = createServer(s.nextServerId++, s.scenario.servers.workers, 'down');
    s.servers.push(srv);
    startHealthChecks(ctx, srv);
    bootServer(ctx, srv);
    added++;
  }
  return added;
}

/** Stops a server at once: its memory, and every session in it, is gone. */
/**
 * A crash moves every sticky user whose home was the dead server, whatever the load balancer
 * has noticed yet: their next request cannot reach it (a retry sends it elsewhere). Recorded
 * at the crash as moved because dead; the map change at detection is recorded then.
 */
function recordDeadHomes(ctx: Ctx, srv: Server): void {
  const s = ctx.s;
  if (s.lb.sticky === 'none') return;
  const users = stickyUsers(s);
  if (users.length === 0) return;
  let movedDead = 0;
  for (const u of users) if (stickyTarget(s, u) === srv.id) movedDead++;
  const record = {
    atMs: s.nowMs,
    fraction: movedDead / users.length,
    users: users.length,
    from: s.lb.pool.length,
    to: s.lb.pool.length,
    movedDead,
    movedMap: 0,
  };
  s.rehomed.push(record);
  emit(ctx, { type: 'rehomed', tMs: s.nowMs, ...record });
}

export function stopServer(ctx: Ctx, srv: Server, cause: 'server-died' | 'drained'): void {
  const s = ctx.s;
  if (cause === 'server-died' && srv.status !== 'booting') recordDeadHomes(ctx, srv);
  if (srv.status === 'up' || srv.status === 'draining') srv.upMs += s.nowMs - srv.upSinceMs;
  srv.status = 'down';
  destroySessions(ctx, srv.sessions, cause, srv.id);
  failRequestsInside(ctx, srv);
  uploadsServerStopped(ctx, srv);
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
      markLbHealthy(s, srv, false);
      srv.checkRises = 0;
      srv.checkFalls = 0;
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

/**
 * One decision of the autoscaler, following Kubernetes' HorizontalPodAutoscaler: utilisation
 * is the time-weighted worker occupancy of the running servers over the last interval (never
 * above 100 %), the recommendation is ceil(running × utilisation / target), nothing changes
 * while utilisation is within `tolerance` of the target, scaling up adds at most
 * max(4, current) servers per decision, and scaling in goes only down to the highest
 * recommendation of the last `scaleDownStabilizationS` seconds, so a short lull does not
 * remove servers a returning crowd needs.
 */
export function autoscale(ctx: Ctx): void {
  const s = ctx.s;
  const a = s.scenario.servers.autoscale;
  if (!a) return;
  const intervalMs = a.intervalS * 1000;
  let up = 0;
  let booting = 0;
  let measured = 0;
  // Sum over running servers of each one's occupancy (busy share of its worker time): the
  // number of servers' worth of work. A server with no time up yet in the window counts as
  // 0 %, as HPA counts a pod that is not ready yet when scaling up.
  let load = 0;
  for (const srv of s.servers) {
    const total = busyWorkerMs(srv, s.nowMs);
    if (srv.status === 'up' || srv.status === 'draining') {
      if (srv.status === 'up') up++;
      // A server that came up within the window only had part of it to work.
      const capacityMs = srv.workers * Math.min(intervalMs, s.nowMs - srv.upSinceMs);
      if (capacityMs > 0) {
        load += Math.min(1, (total - srv.windowBusyMs) / capacityMs);
        measured++;
      }
    }
    if (srv.status === 'booting') booting++;
    srv.windowBusyMs = total;
  }
  const utilization = measured > 0 ? load / measured : 0;
  const current = up + booting;
  const tolerance = a.tolerance ?? AUTOSCALE_DEFAULTS.tolerance;
  let desired =
    Math.abs(utilization / a.targetUtilization - 1) <= tolerance
      ? current
      : Math.ceil(load / a.targetUtilization);
  desired = Math.min(a.max, Math.max(a.min, desired));
  const windowMs = (a.scaleDownStabilizationS ?? AUTOSCALE_DEFAULTS.scaleDownStabilizationS) * 1000;
  const history = s.autoscaleHistory;
  history.push({ atMs: s.nowMs, desired });
  while (history.length > 0 && history[0]!.atMs < s.nowMs - windowMs) history.shift();
  if (desired > current) {
    const step = Math.min(desired - current, Math.max(4, current));
    const added = addServers(ctx, step);
    if (added > 0) {
      emit(ctx, { type: 'scale', tMs: s.nowMs, from: current, to: current + added, utilization });
    }
  } else {
    let stabilised = desired;
    for (const h of history) stabilised = Math.max(stabilised, h.desired);
    const remove = Math.min(up, current - stabilised);
    if (remove > 0) {
      emit(ctx, { type: 'scale', tMs: s.nowMs, from: current, to: current - remove, utilization });
      // The newest servers go first.
      let left = remove;
      for (let i = s.servers.length - 1; i >= 0 && left > 0; i--) {
        const srv = s.servers[i]!;
        if (srv.status !== 'up') continue;
        startDrain(ctx, srv, s.nowMs + s.scenario.servers.drainTimeoutS * 1000);
        left--;
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
