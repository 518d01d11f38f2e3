/**
 * A request's life: the user sends it, the load balancer routes it, a server queues and
 * serves it (reading and writing state where the architecture keeps it), and the response
 * travels back. Every request ends exactly once, in `arriveClient`, either ok or failed with
 * one reason.
 */
import { schedule, emit, isNamed, type Ctx } from './context.ts';
import {
  ALICE_ITEMS,
  DB_RTT_MAX_MS,
  DB_RTT_MIN_MS,
  IN_MEMORY_LOOKUP_MS,
  ITEMS,
} from './catalog.ts';
import { STORE_PROFILES, SESSION_COOKIE_BYTES } from './catalog.ts';
import { record } from './histogram.ts';
import { redispatch, route, serverById } from './lb.ts';
import {
  Ev,
  Fail,
  FAIL_REASONS,
  Node,
  Op,
  serverNode,
  type Request,
  type Server,
  type User,
} from './model.ts';
import { exponential, intBelow, uniform } from './random.ts';
import { newSession, sameCart } from './sessions.ts';
import { startConversion } from './uploads/uploadsRules.ts';

const PRE_IO = 1;
const POST_IO = 2;
const IO_STORE = 1;
const IO_DB = 2;

// ---------------------------------------------------------------- bookkeeping

function allocRequest(ctx: Ctx): number {
  const s = ctx.s;
  const slot = s.freeReqs.pop();
  if (slot !== undefined) return slot;
  s.reqs.push({
    no: 0,
    userIdx: 0,
    op: 0,
    item: -1,
    sessionId: 0,
    server: 0,
    startMs: 0,
    workStartMs: 0,
    bytes: 0,
    fail: 0,
    phase: 0,
    io: 0,
    tried: [],
    atServer: false,
    workerHeld: false,
    live: false,
    outstanding: 0,
  });
  return s.reqs.length - 1;
}

function maybeFree(ctx: Ctx, slot: number): void {
  const r = ctx.s.reqs[slot]!;
  if (!r.live && r.outstanding === 0) ctx.s.freeReqs.push(slot);
}

function scheduleReq(ctx: Ctx, r: Request, atMs: number, kind: number, slot: number): void {
  r.outstanding++;
  schedule(ctx, atMs, kind, slot);
}

function hop(
  ctx: Ctx,
  r: Request,
  from: number,
  to: number,
  departMs: number,
  arriveMs: number,
): void {
  if (ctx.obs) ctx.obs.hop(r.no, r.userIdx, from, to, departMs, arriveMs, r.fail);
}

function clientLatencyMs(ctx: Ctx): number {
  const base = ctx.s.scenario.network.clientLatencyMs;
  return uniform(ctx.s.streams.network, base * 0.75, base * 1.25);
}

function lbLatencyMs(ctx: Ctx): number {
  const base = ctx.s.scenario.network.lbLatencyMs;
  return uniform(ctx.s.streams.network, base * 0.5, base * 1.5);
}

// ---------------------------------------------------------------- journeys

/** Starts a fresh journey: a new anonymous session id, a new plan, an empty cart. */
export function startJourney(ctx: Ctx, u: User): void {
  const s = ctx.s;
  u.journeys++;
  u.sessionId = s.nextSessionId++;
  u.loggedIn = false;
  u.sessionLost = false;
  // The LB's stickiness cookie outlives the shop's session: it is kept for its lifetime.
  u.step = 0;
  u.cart = [];
  const plan: number[] = [Op.Login];
  const items: number[] = [-1];
  const rng = u.journeyRng;
  if (u.idx === 0) {
    // Alice: log in, look around once, add an iPhone, then AirPods, view the cart, pay.
    plan.push(Op.Browse);
    items.push(-1);
    for (const item of ALICE_ITEMS) {
      plan.push(Op.AddToCart);
      items.push(item);
    }
  } else {
    const browses = 1 + intBelow(rng, 2);
    for (let i = 0; i < browses; i++) {
      plan.push(Op.Browse);
      items.push(-1);
    }
    const adds = 1 + intBelow(rng, 3);
    for (let i = 0; i < adds; i++) {
      plan.push(Op.AddToCart);
      items.push(intBelow(rng, ITEMS.length));
    }
  }
  plan.push(Op.ViewCart, Op.Checkout);
  items.push(-1, -1);
  u.plan = plan;
  u.planItems = items;
}

/** Starts the journey again from the login step, after the server forgot the user. */
function restartAfterLoss(ctx: Ctx, u: User): void {
  u.sessionId = ctx.s.nextSessionId++;
  u.loggedIn = false;
  u.sessionLost = false;
  u.step = 0;
  u.cart = [];
}

/** Queues the user's next request. */
export function scheduleSend(ctx: Ctx, u: User, atMs: number): void {
  u.sendPending = true;
  schedule(ctx, atMs, Ev.UserSend, u.idx);
}

export function thinkTimeMs(u: User): number {
  return exponential(u.thinkRng, u.thinkMeanMs);
}

// ---------------------------------------------------------------- the request path

export function userSend(ctx: Ctx, userIdx: number): void {
  const s = ctx.s;
  const u = s.users[userIdx]!;
  u.sendPending = false;
  if (!u.active || u.inFlight) return;
  const slot = allocRequest(ctx);
  const r = s.reqs[slot]!;
  const op = u.plan[u.step]!;
  r.no = s.nextReqNo++;
  r.userIdx = userIdx;
  r.op = op;
  r.item = u.planItems[u.step]!;
  r.sessionId = u.sessionId;
  r.server = 0;
  r.startMs = s.nowMs;
  r.fail = Fail.None;
  r.phase = 0;
  r.io = 0;
  r.tried.length = 0;
  r.atServer = false;
  r.workerHeld = false;
  r.live = true;
  // The credential the request carries. A login has none yet, in every architecture: it
  // sends the password and gets the cookie or the token back.
  r.bytes =
    op === Op.Login
      ? 0
      : s.scenario.architecture === 'jwt'
        ? s.scenario.jwt.tokenBytes
        : SESSION_COOKIE_BYTES;
  s.counters.requestsStarted++;
  s.counters.bytesTotal += r.bytes;
  u.inFlight = true;
  const arrive = s.nowMs + clientLatencyMs(ctx);
  hop(ctx, r, Node.Users, Node.Lb, s.nowMs, arrive);
  scheduleReq(ctx, r, arrive, Ev.ArriveLb, slot);
}

export function arriveLb(ctx: Ctx, slot: number): void {
  const s = ctx.s;
  const r = s.reqs[slot]!;
  r.outstanding--;
  const id = route(s, s.users[r.userIdx]!, r.op === Op.Login);
  if (id === 0) {
    r.fail = Fail.NoHealthyServer;
    const arrive = s.nowMs + clientLatencyMs(ctx);
    hop(ctx, r, Node.Lb, Node.Users, s.nowMs, arrive);
    scheduleReq(ctx, r, arrive, Ev.ArriveClient, slot);
    return;
  }
  forward(ctx, r, slot, id);
}

function forward(ctx: Ctx, r: Request, slot: number, id: number): void {
  const s = ctx.s;
  r.server = id;
  serverById(s, id)!.lbConnections++;
  const arrive = s.nowMs + lbLatencyMs(ctx);
  hop(ctx, r, Node.Lb, serverNode(id), s.nowMs, arrive);
  scheduleReq(ctx, r, arrive, Ev.ArriveServer, slot);
}

/**
 * The refusal of a connection is back at the load balancer. Nothing reached the server, so
 * the request is safe to send elsewhere: the LB tries another server it has not tried yet,
 * up to `loadBalancer.retries` times (nginx `proxy_next_upstream error`, HAProxy `retries`
 * with `option redispatch 1`). With none left, the user gets the error.
 */
export function retryLb(ctx: Ctx, slot: number): void {
  const s = ctx.s;
  const r = s.reqs[slot]!;
  r.outstanding--;
  serverById(s, r.server)!.lbConnections--;
  r.tried.push(r.server);
  const id =
    r.tried.length <= s.scenario.loadBalancer.retries
      ? redispatch(s, s.users[r.userIdx]!, r.tried)
      : 0;
  if (id === 0) {
    r.fail = Fail.ServerDown;
    const arrive = s.nowMs + clientLatencyMs(ctx);
    hop(ctx, r, Node.Lb, Node.Users, s.nowMs, arrive);
    scheduleReq(ctx, r, arrive, Ev.ArriveClient, slot);
    return;
  }
  s.counters.retries++;
  forward(ctx, r, slot, id);
}

/** Sends the (failed or successful) response from the server back towards the LB. */
function respond(ctx: Ctx, r: Request, slot: number): void {
  const s = ctx.s;
  const arrive = s.nowMs + lbLatencyMs(ctx);
  hop(ctx, r, serverNode(r.server), Node.Lb, s.nowMs, arrive);
  scheduleReq(ctx, r, arrive, Ev.ArriveLbBack, slot);
}

export function arriveServer(ctx: Ctx, slot: number): void {
  const s = ctx.s;
  const r = s.reqs[slot]!;
  r.outstanding--;
  const srv = serverById(s, r.server)!;
  if (srv.status === 'down' || srv.status === 'booting') {
    // Nothing listens: the connection is refused, and the refusal travels back to the LB.
    if (s.scenario.loadBalancer.retries > 0) {
      const arrive = s.nowMs + lbLatencyMs(ctx);
      hop(ctx, r, serverNode(r.server), Node.Lb, s.nowMs, arrive);
      scheduleReq(ctx, r, arrive, Ev.RetryLb, slot);
      return;
    }
    r.fail = Fail.ServerDown;
    respond(ctx, r, slot);
    return;
  }
  srv.requests++;
  if (srv.busy < srv.workers) {
    startWork(ctx, r, slot, srv);
  } else if (srv.queue.length < s.scenario.servers.queueLimit) {
    r.atServer = true;
    srv.queue.push(slot);
  } else {
    r.fail = Fail.Overloaded;
    srv.failed++;
    respond(ctx, r, slot);
  }
}

/** Busy worker-milliseconds of `srv` up to `nowMs`, work in progress included. */
export function busyWorkerMs(srv: Server, nowMs: number): number {
  return srv.busyMs + srv.busy * (nowMs - srv.busyChangedMs);
}

/** Changes the number of busy workers, integrating occupancy over time first. */
export function occupy(srv: Server, nowMs: number, delta: number): void {
  srv.busyMs = busyWorkerMs(srv, nowMs);
  srv.busyChangedMs = nowMs;
  srv.busy += delta;
}

function startWork(ctx: Ctx, r: Request, slot: number, srv: Server): void {
  const s = ctx.s;
  occupy(srv, s.nowMs, 1);
  r.workerHeld = true;
  r.atServer = true;
  r.workStartMs = s.nowMs;
  const arch = s.scenario.architecture;
  if (r.op === Op.Login) roundTrip(ctx, r, slot, IO_DB, PRE_IO);
  else if (arch === 'session-store') roundTrip(ctx, r, slot, IO_STORE, PRE_IO);
  else if (arch === 'jwt' && r.op !== Op.Browse) roundTrip(ctx, r, slot, IO_DB, PRE_IO);
  else process(ctx, r, slot, srv);
}

function roundTrip(ctx: Ctx, r: Request, slot: number, io: number, phase: number): void {
  const s = ctx.s;
  const srv = serverById(s, r.server)!;
  if (io === IO_STORE && !s.store.up) {
    finish(ctx, r, slot, srv, Fail.StoreUnavailable);
    return;
  }
  let rtt: number;
  let node: number;
  if (io === IO_STORE) {
    const p = STORE_PROFILES[s.scenario.store.kind];
    rtt = uniform(s.streams.store, p.rttMinMs, p.rttMaxMs);
    node = Node.Store;
  } else {
    rtt = uniform(s.streams.store, DB_RTT_MIN_MS, DB_RTT_MAX_MS);
    node = Node.Db;
  }
  const from = serverNode(r.server);
  hop(ctx, r, from, node, s.nowMs, s.nowMs + rtt / 2);
  hop(ctx, r, node, from, s.nowMs + rtt / 2, s.nowMs + rtt);
  r.io = io;
  r.phase = phase;
  scheduleReq(ctx, r, s.nowMs + rtt, Ev.IoDone, slot);
}

export function ioDone(ctx: Ctx, slot: number): void {
  const s = ctx.s;
  const r = s.reqs[slot]!;
  r.outstanding--;
  if (!r.atServer) {
    // The server died while this request was inside it; it already failed.
    maybeFree(ctx, slot);
    return;
  }
  const srv = serverById(s, r.server)!;
  if (r.io === IO_STORE && !s.store.up) {
    finish(ctx, r, slot, srv, Fail.StoreUnavailable);
    return;
  }
  if (r.phase === PRE_IO) process(ctx, r, slot, srv);
  else finish(ctx, r, slot, srv, Fail.None);
}

function process(ctx: Ctx, r: Request, slot: number, srv: Server): void {
  const s = ctx.s;
  const fail = applyOp(ctx, r, srv);
  if (fail !== Fail.None) {
    finish(ctx, r, slot, srv, fail);
    return;
  }
  const sc = s.scenario;
  let serviceMs =
    sc.servers.serviceTimeDistribution === 'exponential'
      ? exponential(s.streams.service, sc.servers.serviceTimeMs)
      : sc.servers.serviceTimeMs;
  if (sc.architecture === 'jwt' && r.op !== Op.Login) serviceMs += sc.jwt.verifyMs;
  if (sc.architecture === 'in-memory') serviceMs += IN_MEMORY_LOOKUP_MS;
  scheduleReq(ctx, r, s.nowMs + serviceMs, Ev.ServiceDone, slot);
}

export function serviceDone(ctx: Ctx, slot: number): void {
  const s = ctx.s;
  const r = s.reqs[slot]!;
  r.outstanding--;
  if (!r.atServer) {
    maybeFree(ctx, slot);
    return;
  }
  const srv = serverById(s, r.server)!;
  const arch = s.scenario.architecture;
  if (arch === 'session-store' && (r.op === Op.Login || r.op === Op.AddToCart)) {
    roundTrip(ctx, r, slot, IO_STORE, POST_IO);
  } else if (r.op === Op.Checkout) {
    roundTrip(ctx, r, slot, IO_DB, POST_IO);
  } else {
    finish(ctx, r, slot, srv, Fail.None);
  }
}

/** The server is done with the request: free the worker, take the next from the queue. */
function finish(ctx: Ctx, r: Request, slot: number, srv: Server, fail: number): void {
  const s = ctx.s;
  r.fail = fail;
  if (r.workerHeld) {
    occupy(srv, s.nowMs, -1);
    r.workerHeld = false;
  }
  r.atServer = false;
  if (fail !== Fail.None) srv.failed++;
  else commitOp(ctx, r, srv);
  respond(ctx, r, slot);
  pullQueue(ctx, srv);
}

let pulling = false;

export function pullQueue(ctx: Ctx, srv: Server): void {
  // startWork may finish a request at once (store down), which would call back here; the
  // flag keeps that from recursing as deep as the queue is long.
  if (pulling) return;
  pulling = true;
  try {
    while (srv.busy < srv.workers && srv.queue.length > 0 && srv.status !== 'down') {
      const next = srv.queue.shift()!;
      startWork(ctx, ctx.s.reqs[next]!, next, srv);
    }
  } finally {
    pulling = false;
  }
  // A worker no request waits for may take the server's next video conversion.
  if (ctx.s.uploads) startConversion(ctx, srv);
}

export function arriveLbBack(ctx: Ctx, slot: number): void {
  const s = ctx.s;
  const r = s.reqs[slot]!;
  r.outstanding--;
  if (r.server) serverById(s, r.server)!.lbConnections--;
  const arrive = s.nowMs + clientLatencyMs(ctx);
  hop(ctx, r, Node.Lb, Node.Users, s.nowMs, arrive);
  scheduleReq(ctx, r, arrive, Ev.ArriveClient, slot);
}

/** The response reaches the user: the request ends here, exactly once. */
export function arriveClient(ctx: Ctx, slot: number): void {
  const s = ctx.s;
  const c = s.counters;
  const r = s.reqs[slot]!;
  r.outstanding--;
  r.live = false;
  const u = s.users[r.userIdx]!;
  u.inFlight = false;
  if (r.fail !== Fail.None) {
    c.requestsFailed++;
    c.failedByReason[r.fail]!++;
    if (r.op === Op.Checkout) c.checkoutsFailed++;
    if (isNamed(u.idx)) {
      emit(ctx, {
        type: 'request-failed',
        tMs: s.nowMs,
        userIdx: u.idx,
        server: r.server,
        reason: FAIL_REASONS[r.fail]!,
      });
      if (r.op === Op.Checkout) {
        emit(ctx, {
          type: 'checkout',
          tMs: s.nowMs,
          userIdx: u.idx,
          ok: false,
          items: [...u.cart],
        });
      }
    }
    if (r.fail === Fail.SessionLost) restartAfterLoss(ctx, u);
    // Other failures: the user tries the same step again after a pause.
  } else {
    c.requestsOk++;
    record(s.latency, s.nowMs - r.startMs);
    if (r.op === Op.Login) {
      u.loggedIn = true;
      u.step++;
    } else if (r.op === Op.AddToCart) {
      u.cart.push(r.item);
      c.itemsAdded++;
      u.step++;
      if (isNamed(u.idx)) {
        emit(ctx, {
          type: 'cart',
          tMs: s.nowMs,
          userIdx: u.idx,
          items: [...u.cart],
          server: r.server,
        });
      }
    } else if (r.op === Op.Checkout) {
      c.checkoutsCompleted++;
      if (isNamed(u.idx)) {
        emit(ctx, { type: 'checkout', tMs: s.nowMs, userIdx: u.idx, ok: true, items: [...u.cart] });
      }
      startJourney(ctx, u);
    } else {
      u.step++;
    }
  }
  maybeFree(ctx, slot);
  if (u.active) scheduleSend(ctx, u, s.nowMs + thinkTimeMs(u));
}

// ---------------------------------------------------------------- state rules

/**
 * Reads the session the way the architecture does and checks it exists. Returns a failure
 * code. Nothing is written here: writes wait for `commitOp`, so a request that dies half-way
 * (its server killed, the store gone before it acknowledged) leaves no trace, and the user's
 * retry does not add the same item twice.
 */
function applyOp(ctx: Ctx, r: Request, srv: Server): number {
  const s = ctx.s;
  const arch = s.scenario.architecture;
  const u = s.users[r.userIdx]!;
  if (r.op === Op.Login) return Fail.None;
  if (arch === 'jwt') {
    // The token proves who the user is; nothing to look up. The cart is a database row.
    if (r.op === Op.ViewCart || r.op === Op.Checkout) {
      checkRead(ctx, u, s.dbCarts.get(r.userIdx) ?? [], srv.id);
    }
    return Fail.None;
  }
  const map = arch === 'in-memory' ? srv.sessions : s.store.sessions;
  let sess = map.get(r.sessionId);
  s.counters.sessionReads++;
  if (sess && s.nowMs - sess.lastSeenMs > s.scenario.store.ttlS * 1000) {
    // Like Redis, an expired key is never returned: it is deleted on access, whether or not
    // the background sweep has reached it yet.
    map.delete(sess.id);
    s.counters.sessionsExpired++;
    sess = undefined;
  }
  if (!sess) {
    if (s.scenario.servers.onMissingSession === 'start-empty') {
      // Like an ATM with its own ledger: it starts a fresh local record for this customer.
      sess = newSession(r.sessionId, r.userIdx, s.nowMs);
      map.set(sess.id, sess);
      if (arch === 'in-memory' && srv.sessions.size > srv.peakSessions) {
        srv.peakSessions = srv.sessions.size;
      }
    } else {
      if (u.loggedIn && !u.sessionLost) {
        u.sessionLost = true;
        s.counters.sessionsLost++;
        s.counters.itemsLost += u.cart.length;
        emit(ctx, {
          type: 'sessions-lost',
          tMs: s.nowMs,
          cause: 'miss',
          server: arch === 'in-memory' ? srv.id : 0,
          count: 1,
          items: u.cart.length,
          named: isNamed(u.idx) ? [{ userIdx: u.idx, items: [...u.cart] }] : [],
        });
      }
      return Fail.SessionLost;
    }
  }
  sess.lastSeenMs = s.nowMs;
  if (r.op === Op.ViewCart || r.op === Op.Checkout) {
    checkRead(ctx, u, sess.items, arch === 'in-memory' ? srv.id : 0);
  }
  return Fail.None;
}

/**
 * Applies the request's writes, at the moment the server has finished it successfully (for
 * the session store: when the store acknowledged the write).
 */
function commitOp(ctx: Ctx, r: Request, srv: Server): void {
  const s = ctx.s;
  const arch = s.scenario.architecture;
  const u = s.users[r.userIdx]!;
  if (r.op === Op.Login) {
    const sess = newSession(r.sessionId, r.userIdx, s.nowMs);
    if (arch === 'in-memory') {
      srv.sessions.set(sess.id, sess);
      if (srv.sessions.size > srv.peakSessions) srv.peakSessions = srv.sessions.size;
    } else if (arch === 'session-store') {
      s.store.sessions.set(sess.id, sess);
    } else {
      // jwt: the server signs a token; the cart starts empty in the database.
      s.dbCarts.set(r.userIdx, []);
    }
    s.counters.sessionsCreated++;
    if (isNamed(u.idx)) {
      emit(ctx, {
        type: 'session-created',
        tMs: s.nowMs,
        userIdx: u.idx,
        server: arch === 'in-memory' ? srv.id : 0,
      });
    }
    return;
  }
  if (r.op !== Op.AddToCart && r.op !== Op.Checkout) return;
  if (arch === 'jwt') {
    if (r.op === Op.Checkout) {
      s.dbCarts.delete(r.userIdx);
      return;
    }
    let cart = s.dbCarts.get(r.userIdx);
    if (!cart) {
      cart = [];
      s.dbCarts.set(r.userIdx, cart);
    }
    cart.push(r.item);
    return;
  }
  const map = arch === 'in-memory' ? srv.sessions : s.store.sessions;
  if (r.op === Op.Checkout) {
    map.delete(r.sessionId);
    return;
  }
  const sess = map.get(r.sessionId);
  if (sess) {
    sess.items.push(r.item);
    sess.itemAtMs.push(s.nowMs);
  }
}

/** A read that disagrees with the user's own last successful write is a stale read. */
function checkRead(ctx: Ctx, u: User, seen: readonly number[], server: number): void {
  if (sameCart(seen, u.cart)) return;
  ctx.s.counters.staleReads++;
  if (isNamed(u.idx)) {
    emit(ctx, {
      type: 'stale-read',
      tMs: ctx.s.nowMs,
      userIdx: u.idx,
      server,
      seen: [...seen],
      expected: [...u.cart],
    });
  }
}

/**
 * Fails every request inside a server that just stopped (queued or being served). The LB
 * sees the connection drop and answers the users with an error.
 */
export function failRequestsInside(ctx: Ctx, srv: Server): void {
  const s = ctx.s;
  for (let slot = 0; slot < s.reqs.length; slot++) {
    const r = s.reqs[slot]!;
    if (!r.live || !r.atServer || r.server !== srv.id) continue;
    r.atServer = false;
    r.workerHeld = false;
    r.fail = Fail.ServerDown;
    srv.failed++;
    respond(ctx, r, slot);
  }
  srv.queue = [];
  occupy(srv, s.nowMs, -srv.busy);
}
