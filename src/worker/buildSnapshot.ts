/** Turns the simulation's state into the small, serialisable picture the view draws. */
import {
  chatStoreFigures,
  NAMED_USERS,
  OP_NAMES,
  outcome,
  serverUtilization,
  type SimState,
  type TimedCommand,
} from '../sim/index.ts';
import {
  MAX_CHIPS,
  type SessionChip,
  type SessionHome,
  type Snapshot,
} from '../protocol/snapshot.ts';

interface SessionLike {
  id: number;
  userIdx: number;
  items: number[];
}

function chipsOf(state: SimState, sessions: Map<number, SessionLike>): SessionChip[] {
  const named: SessionChip[] = [];
  const others: SessionChip[] = [];
  for (const sess of sessions.values()) {
    const user = state.users[sess.userIdx];
    // Orphans (sessions their user has moved on from) still take memory; show them too.
    const chip = { userIdx: sess.userIdx, items: [...sess.items] };
    if (sess.userIdx < NAMED_USERS.length && user?.sessionId === sess.id) named.push(chip);
    else if (others.length < MAX_CHIPS) others.push(chip);
  }
  return [...named, ...others].slice(0, MAX_CHIPS);
}

export function buildSnapshot(
  state: SimState,
  liveCommands: TimedCommand[],
  checkpointsMs: number[],
): Snapshot {
  const sc = state.scenario;
  let active = 0;
  let loggedIn = 0;
  for (const u of state.users) {
    if (!u.active) continue;
    active++;
    if (u.loggedIn && !u.sessionLost) loggedIn++;
  }
  const named = state.users.slice(0, NAMED_USERS.length).map((u) => {
    let home: SessionHome = 'none';
    if (u.loggedIn && !u.sessionLost) {
      if (sc.architecture === 'in-memory') {
        for (const srv of state.servers) {
          if (srv.sessions.has(u.sessionId)) {
            home = srv.id;
            break;
          }
        }
      } else if (sc.architecture === 'jwt') {
        home = 'token';
      } else if (state.store.sessions.has(u.sessionId)) {
        home = 'store';
      }
    }
    return {
      idx: u.idx,
      name: NAMED_USERS[u.idx]!,
      step: u.active ? OP_NAMES[u.plan[u.step] ?? 0]! : 'away',
      loggedIn: u.loggedIn,
      sessionLost: u.sessionLost,
      inFlight: u.inFlight,
      home,
      cart: [...u.cart],
      journeys: u.journeys,
    };
  });
  return {
    tMs: state.nowMs,
    endMs: sc.durationS * 1000,
    name: sc.name,
    seed: sc.seed,
    architecture: sc.architecture,
    algorithm: state.lb.algorithm,
    sticky: state.lb.sticky,
    servers: state.servers.map((srv) => ({
      id: srv.id,
      status: srv.status,
      lbHealthy: srv.lbHealthy,
      busy: srv.busy,
      workers: srv.workers,
      queue: srv.queue.length,
      utilization: serverUtilization(state, srv.id),
      requests: srv.requests,
      failed: srv.failed,
      sessionCount: srv.sessions.size,
      chips: chipsOf(state, srv.sessions),
    })),
    store: {
      // A chat workload always has the store: it is the pub/sub broker between servers.
      present: sc.architecture === 'session-store' || sc.chat !== null,
      kind: sc.store.kind,
      up: state.store.up,
      failingOver: state.store.failingOver,
      replicas: state.store.replicas,
      keys: state.store.sessions.size,
      chips: chipsOf(state, state.store.sessions),
      chat: chatStoreFigures(state),
    },
    users: { target: state.targetUsers, active, loggedIn, named },
    outcome: outcome(state),
    liveCommands: liveCommands.map((c) => ({ ...c })),
    checkpointsMs,
  };
}
