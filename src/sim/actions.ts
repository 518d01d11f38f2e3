/**
 * Commands: what a learner, a lesson or a scenario timeline does to the running system.
 * Each one is applied at a simulated instant and recorded in the command log, so a run can
 * be replayed exactly.
 */
import { emit, schedule, type Ctx } from './context.ts';
import { STORE_PROFILES } from './catalog.ts';
import { rebuildPool, serverById } from './lb.ts';
import { Ev, type User } from './model.ts';
import {
  addServers,
  bootServer,
  loseRecentWrites,
  startDrain,
  stopServer,
  storeIsDurable,
  withRehome,
} from './operations.ts';
import { scheduleSend, startJourney } from './requests.ts';
import { destroySessions } from './sessions.ts';
import { uploadsStoreWiped } from './uploads/uploadsRules.ts';
import { LIMITS, type Action } from './scenario.ts';
import { createStream, nextFloat, uniform } from './random.ts';

/** How long an append-only file may lag behind with fsync once a second. */
const AOF_LAG_MS = 1000;

function refuse(ctx: Ctx, message: string): void {
  emit(ctx, { type: 'refused', tMs: ctx.s.nowMs, message });
}

/** Creates user `idx` (or wakes it if it was sent away) and schedules its first request. */
export function activateUser(ctx: Ctx, idx: number, spreadMs: number): void {
  const s = ctx.s;
  let u = s.users[idx];
  if (!u) {
    const sc = s.scenario.users;
    // Each user draws its profile, journeys and think times from its own streams, so user k
    // behaves the same in every architecture run with this seed (common random numbers).
    const profile = createStream(s.scenario.seed, `user-profile:${idx}`);
    const heavy = nextFloat(profile) < sc.heavyShare;
    // Users behind NAT share one of a few addresses; everyone else has their own.
    const natted = sc.sharedIpGroups > 0 && nextFloat(profile) < sc.sharedIpShare;
    const ip = natted ? 1 + (idx % sc.sharedIpGroups) : 1000 + idx;
    const created: User = {
      idx,
      ip,
      heavy,
      thinkMeanMs: (sc.thinkTimeS * 1000) / (heavy ? sc.heavyFactor : 1),
      active: true,
      sessionId: 0,
      loggedIn: false,
      sessionLost: false,
      cookieServer: 0,
      cookieSetMs: 0,
      journeyRng: createStream(s.scenario.seed, `user-journey:${idx}`),
      thinkRng: createStream(s.scenario.seed, `user-think:${idx}`),
      plan: [],
      planItems: [],
      step: 0,
      cart: [],
      journeys: 0,
      inFlight: false,
      sendPending: false,
    };
    s.users[idx] = created;
    u = created;
    startJourney(ctx, u);
  } else if (u.active) {
    return;
  }
  u.active = true;
  // A user sent away while thinking may still have its next send queued: keep that one, or
  // the user would run two request loops at once.
  if (!u.inFlight && !u.sendPending) {
    scheduleSend(ctx, u, s.nowMs + uniform(u.thinkRng, 0, spreadMs));
  }
}

export function applyAction(ctx: Ctx, a: Action): void {
  const s = ctx.s;
  switch (a.action) {
    case 'kill-server': {
      const srv = serverById(s, a.server);
      if (!srv || srv.status === 'down') return refuse(ctx, `Server ${a.server} is not running.`);
      stopServer(ctx, srv, 'server-died');
      if (srv.deploying || srv.deployAwaitingHealthy) {
        // The deploy was draining, restarting or waiting for this server: skip it, roll on.
        srv.deploying = false;
        srv.deployAwaitingHealthy = false;
        schedule(ctx, s.nowMs, Ev.DeployNext, 0);
      }
      return;
    }
    case 'restart-server': {
      const srv = serverById(s, a.server);
      if (!srv || srv.status !== 'down') return refuse(ctx, `Server ${a.server} is not down.`);
      bootServer(ctx, srv);
      return;
    }
    case 'restart-all-servers': {
      const down = s.servers.filter((x) => x.status === 'down');
      if (down.length === 0) return refuse(ctx, 'No server is down.');
      for (const srv of down) bootServer(ctx, srv);
      return;
    }
    case 'add-server': {
      const added = addServers(ctx, a.count);
      if (added < a.count) refuse(ctx, `At most ${LIMITS.servers} servers.`);
      return;
    }
    case 'remove-server': {
      let srv = a.server !== undefined ? serverById(s, a.server) : undefined;
      if (a.server === undefined) {
        for (let i = s.servers.length - 1; i >= 0 && !srv; i--) {
          if (s.servers[i]!.status === 'up') srv = s.servers[i];
        }
      }
      if (!srv || srv.status !== 'up') return refuse(ctx, 'No running server to remove.');
      startDrain(ctx, srv, s.nowMs + s.scenario.servers.drainTimeoutS * 1000);
      return;
    }
    case 'kill-store': {
      if (!s.store.up) return refuse(ctx, 'The store is already down.');
      s.store.up = false;
      s.store.killedAtMs = s.nowMs;
      if (s.store.replicas > 0) {
        s.store.failingOver = true;
        emit(ctx, {
          type: 'store',
          tMs: s.nowMs,
          status: 'failing-over',
          replicas: s.store.replicas,
        });
        schedule(ctx, s.nowMs + s.scenario.store.failoverS * 1000, Ev.StoreFailover, 0);
      } else {
        if (!storeIsDurable(s)) {
          destroySessions(ctx, s.store.sessions, 'store-died', 0);
          uploadsStoreWiped(ctx);
        }
        emit(ctx, { type: 'store', tMs: s.nowMs, status: 'down', replicas: 0 });
      }
      return;
    }
    case 'restart-store': {
      if (s.store.up) return refuse(ctx, 'The store is already running.');
      if (s.store.failingOver) return refuse(ctx, 'A replica is already taking over.');
      s.store.up = true;
      const profile = STORE_PROFILES[s.scenario.store.kind];
      if (s.scenario.store.persistence === 'aof' && profile.appendOnlyFile && !profile.durable) {
        loseRecentWrites(ctx, AOF_LAG_MS);
      }
      emit(ctx, { type: 'store', tMs: s.nowMs, status: 'up', replicas: s.store.replicas });
      return;
    }
    case 'add-store-replica': {
      const profile = STORE_PROFILES[s.scenario.store.kind];
      if (!profile.replication) return refuse(ctx, `${profile.label} has no built-in replication.`);
      if (s.store.replicas >= LIMITS.replicas)
        return refuse(ctx, `At most ${LIMITS.replicas} replicas.`);
      s.store.replicas++;
      emit(ctx, {
        type: 'store',
        tMs: s.nowMs,
        status: s.store.up ? 'up' : 'down',
        replicas: s.store.replicas,
      });
      return;
    }
    case 'set-sticky': {
      withRehome(
        ctx,
        () => {
          s.lb.sticky = a.sticky;
          rebuildPool(s);
        },
        true,
      );
      emit(ctx, { type: 'lb', tMs: s.nowMs, algorithm: s.lb.algorithm, sticky: s.lb.sticky });
      return;
    }
    case 'set-algorithm': {
      s.lb.algorithm = a.algorithm;
      emit(ctx, { type: 'lb', tMs: s.nowMs, algorithm: s.lb.algorithm, sticky: s.lb.sticky });
      return;
    }
    case 'set-users': {
      const target = Math.max(0, Math.min(LIMITS.users, Math.floor(a.count)));
      const spreadMs = s.scenario.users.thinkTimeS * 1000;
      for (let i = 0; i < target; i++) activateUser(ctx, i, spreadMs);
      // Users beyond the target finish their current request, then leave.
      for (let i = target; i < s.users.length; i++) s.users[i]!.active = false;
      s.targetUsers = target;
      emit(ctx, { type: 'users', tMs: s.nowMs, count: target });
      return;
    }
    case 'deploy': {
      if (s.deploy) return refuse(ctx, 'A deploy is already rolling.');
      const order = s.servers.filter((x) => x.status === 'up').map((x) => x.id);
      s.deploy = { order, index: 0, drainS: a.drainS ?? s.scenario.servers.drainTimeoutS };
      schedule(ctx, s.nowMs, Ev.DeployNext, 0);
      return;
    }
  }
}
