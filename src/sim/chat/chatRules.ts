/**
 * The chat model's rules: clients connect through the load balancer and stay pinned to one
 * server; they write messages to one another; servers fan messages out through the store
 * (Redis pub/sub, fire-and-forget) and, with shared state, keep each user's undelivered
 * messages in a queue there; a dead server is noticed by a missed heartbeat or an
 * unacknowledged send, and its clients reconnect elsewhere with jittered back-off.
 *
 * A server's death is not announced to this model: each rule checks, when it runs, whether the
 * server it relies on is still the one the connection was opened to (see `connectionAlive`).
 * So kill, restart, drain and deploy all behave as an abrupt death for open connections.
 */
import { STORE_PROFILES } from '../catalog.ts';
import { schedule, type Ctx } from '../context.ts';
import { record } from '../histogram.ts';
import { Node, serverNode, type SimState } from '../model.ts';
import { exponential, intBelow, uniform } from '../random.ts';
import { backoffDelayMs } from './backoff.ts';
import {
  ChatEv,
  ClientStatus,
  createChatState,
  createClient,
  presenceTtlMs,
  type ChatMessage,
  type ChatState,
} from './chatState.ts';

function chatOf(s: SimState): ChatState {
  return s.chat!;
}

/** Was server `id` up, without a restart, ever since `sinceMs`? */
export function connectionAlive(s: SimState, id: number, sinceMs: number): boolean {
  const srv = s.servers[id - 1];
  if (!srv) return false;
  return (srv.status === 'up' || srv.status === 'draining') && srv.upSinceMs <= sinceMs;
}

function sharedState(c: ChatState): boolean {
  return c.cfg.state === 'shared-store';
}

/** Clients poll with plain requests instead of holding a connection. */
function polling(c: ChatState): boolean {
  return c.cfg.pollIntervalS > 0;
}

/** The server the presence map names for client `i`, 0 when it has no entry or it expired. */
export function presenceAt(s: SimState, c: ChatState, i: number): number {
  const seen = c.clients[i]!.presenceSeenMs;
  if (seen < 0 || s.nowMs - seen > presenceTtlMs(c.cfg)) return 0;
  return c.presence.get(i) ?? 0;
}

function oneWayMs(s: SimState): number {
  return s.scenario.network.clientLatencyMs + s.scenario.network.lbLatencyMs;
}

function storeRttMs(s: SimState, c: ChatState): number {
  const p = STORE_PROFILES[s.scenario.store.kind];
  return uniform(c.streams.store, p.rttMinMs, p.rttMaxMs);
}

function hop(
  ctx: Ctx,
  userIdx: number,
  from: number,
  to: number,
  departMs: number,
  arriveMs: number,
): void {
  if (ctx.obs) ctx.obs.hop(ctx.s.nextReqNo++, userIdx, from, to, departMs, arriveMs, 0);
}

/** Client ↔ server through the load balancer, which proxies every frame both ways. */
function hopToServer(ctx: Ctx, userIdx: number, server: number, arriveMs: number): void {
  const s = ctx.s;
  const atLb = s.nowMs + s.scenario.network.clientLatencyMs;
  hop(ctx, userIdx, Node.Users, Node.Lb, s.nowMs, atLb);
  hop(ctx, userIdx, Node.Lb, serverNode(server), atLb, arriveMs);
}

function hopToClient(ctx: Ctx, userIdx: number, server: number, arriveMs: number): void {
  const s = ctx.s;
  const atLb = s.nowMs + s.scenario.network.lbLatencyMs;
  hop(ctx, userIdx, serverNode(server), Node.Lb, s.nowMs, atLb);
  hop(ctx, userIdx, Node.Lb, Node.Users, atLb, arriveMs);
}

// ---------------------------------------------------------------- setup

export function initChat(ctx: Ctx): void {
  const s = ctx.s;
  const cfg = s.scenario.chat;
  if (!cfg) return;
  const c = createChatState(cfg, s.scenario.seed);
  s.chat = c;
  // The clients are already online when the run starts, placed by the balancer as if they
  // had connected one after another (their heartbeat phases are random: see `opened`).
  for (let i = 0; i < cfg.clients; i++) c.clients.push(createClient());
  if (polling(c)) {
    // No connections: each client polls on its own phase, as timers started at unrelated moments.
    for (let i = 0; i < cfg.clients; i++) {
      const cl = c.clients[i]!;
      cl.status = ClientStatus.Polling;
      scheduleSend(ctx, c, i);
      cl.pollDueMs = s.nowMs + uniform(c.streams.start, 0, cfg.pollIntervalS * 1000);
      schedule(ctx, cl.pollDueMs, ChatEv.Poll, i);
    }
    return;
  }
  for (let i = 0; i < cfg.clients; i++) {
    const cl = c.clients[i]!;
    scheduleSend(ctx, c, i);
    const id = pickServer(s, c);
    if (id === 0) {
      retryLater(ctx, c, i);
      continue;
    }
    cl.status = ClientStatus.Connecting;
    cl.server = id;
    c.conns[id] = (c.conns[id] ?? 0) + 1;
    opened(ctx, c, i);
  }
}

function scheduleSend(ctx: Ctx, c: ChatState, i: number): void {
  const at = ctx.s.nowMs + exponential(c.streams.send, c.cfg.messageIntervalS * 1000);
  schedule(ctx, at, ChatEv.Send, i);
}

export function chatDispatch(ctx: Ctx, kind: number, arg: number): void {
  switch (kind) {
    case ChatEv.Send:
      return clientWrites(ctx, arg);
    case ChatEv.AtServer:
      return atServer(ctx, arg);
    case ChatEv.Fanout:
      return fanout(ctx, arg);
    case ChatEv.Deliver:
      return deliver(ctx, arg);
    case ChatEv.Ping:
      return ping(ctx, arg);
    case ChatEv.PingTimeout:
      return pingTimeout(ctx, arg);
    case ChatEv.AckTimeout:
      return ackTimeout(ctx, arg);
    case ChatEv.Connect:
      return connect(ctx, arg);
    case ChatEv.Handshake:
      return handshake(ctx, arg);
    case ChatEv.Poll:
      return poll(ctx, arg);
    case ChatEv.PollRead:
      return pollRead(ctx, arg);
  }
}

// ---------------------------------------------------------------- connections

/** The load balancer's choice for a new connection, among servers it believes healthy. */
function pickServer(s: SimState, c: ChatState): number {
  const pool = s.lb.pool;
  if (pool.length === 0) return 0;
  switch (s.lb.algorithm) {
    case 'random':
      return pool[intBelow(c.streams.lb, pool.length)]!;
    case 'least-connections': {
      // HAProxy `balance leastconn`, the usual choice for long-lived connections: the server
      // with the fewest open connections; ties go round the pool.
      let best = 0;
      let bestConns = Infinity;
      const start = c.rrCursor % pool.length;
      for (let k = 0; k < pool.length; k++) {
        const id = pool[(start + k) % pool.length]!;
        const n = c.conns[id] ?? 0;
        if (n < bestConns) {
          bestConns = n;
          best = id;
        }
      }
      c.rrCursor = (c.rrCursor + 1) % 1_000_000_007;
      return best;
    }
    default: {
      const id = pool[c.rrCursor % pool.length]!;
      c.rrCursor = (c.rrCursor + 1) % 1_000_000_007;
      return id;
    }
  }
}

function connect(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const cl = c.clients[i]!;
  if (cl.status !== ClientStatus.Waiting || cl.connectDueMs !== s.nowMs) return;
  if (cl.everConnected) countAttempt(c, s.nowMs);
  const id = pickServer(s, c);
  if (id === 0) return failedAttempt(ctx, c, i);
  cl.status = ClientStatus.Connecting;
  cl.server = id;
  c.counters.requests++;
  // The balancer counts a connection from the moment it forwards it (as HAProxy's leastconn
  // does), so a burst of handshakes does not all pick the same server.
  c.conns[id] = (c.conns[id] ?? 0) + 1;
  // TCP handshake, then the HTTP Upgrade request and its 101 answer: two round trips.
  const arrive = s.nowMs + oneWayMs(s);
  hopToServer(ctx, i, id, arrive);
  cl.handshakeDueMs = s.nowMs + 4 * oneWayMs(s);
  schedule(ctx, cl.handshakeDueMs, ChatEv.Handshake, i);
}

function countAttempt(c: ChatState, nowMs: number): void {
  const k = c.counters;
  k.attempts++;
  const second = Math.floor(nowMs / 1000);
  if (second !== k.attemptsSecond) {
    k.attemptsSecond = second;
    k.attemptsInSecond = 0;
  }
  k.attemptsInSecond++;
  if (k.attemptsInSecond > k.peakAttemptsPerS) k.peakAttemptsPerS = k.attemptsInSecond;
}

function failedAttempt(ctx: Ctx, c: ChatState, i: number): void {
  if (c.clients[i]!.everConnected) c.counters.failedAttempts++;
  retryLater(ctx, c, i);
}

/** Waits the back-off delay for the client's attempt number, then tries again. */
function retryLater(ctx: Ctx, c: ChatState, i: number): void {
  const cl = c.clients[i]!;
  cl.status = ClientStatus.Waiting;
  cl.server = 0;
  const delay = backoffDelayMs(
    cl.attempt,
    { baseMs: c.cfg.backoffBaseS * 1000, maxMs: c.cfg.backoffMaxS * 1000, jitter: c.cfg.jitter },
    c.streams.backoff,
  );
  cl.attempt++;
  cl.connectDueMs = ctx.s.nowMs + delay;
  schedule(ctx, cl.connectDueMs, ChatEv.Connect, i);
}

function handshake(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const cl = c.clients[i]!;
  if (cl.status !== ClientStatus.Connecting || cl.handshakeDueMs !== s.nowMs) return;
  // The upgrade reached a server the balancer still thought healthy, but it is gone: the
  // balancer answers with an error and the client backs off.
  if (!connectionAlive(s, cl.server, s.nowMs)) {
    c.conns[cl.server] = Math.max(0, (c.conns[cl.server] ?? 0) - 1);
    return failedAttempt(ctx, c, i);
  }
  opened(ctx, c, i);
}

/** A connection is open: heartbeats start, presence is written, queued messages flow. */
function opened(ctx: Ctx, c: ChatState, i: number): void {
  const s = ctx.s;
  const cl = c.clients[i]!;
  const k = c.counters;
  cl.status = ClientStatus.Connected;
  cl.connectedAtMs = s.nowMs;
  cl.attempt = 0;
  k.connects++;
  const heartbeatMs = c.cfg.heartbeatS * 1000;
  if (cl.everConnected) {
    k.reconnects++;
    k.maxReconnectMs = Math.max(k.maxReconnectMs, s.nowMs - cl.noticedAtMs);
    cl.pingDueMs = s.nowMs + heartbeatMs;
  } else {
    // A client already online when the run starts: its heartbeat phase is anywhere in the
    // interval, as for connections opened at unrelated moments.
    cl.pingDueMs = s.nowMs + uniform(c.streams.start, 0, heartbeatMs);
  }
  cl.everConnected = true;
  cl.noticedAtMs = -1;
  schedule(ctx, cl.pingDueMs, ChatEv.Ping, i);
  if (sharedState(c)) {
    // Register presence and read what was queued while away (one store round trip).
    c.presence.set(i, cl.server);
    cl.presenceSeenMs = s.nowMs;
    const queue = c.queues.get(i);
    if (queue && queue.length > 0) {
      const readMs = s.nowMs + storeRttMs(s, c);
      hop(ctx, i, serverNode(cl.server), Node.Store, s.nowMs, (s.nowMs + readMs) / 2);
      hop(ctx, i, Node.Store, serverNode(cl.server), (s.nowMs + readMs) / 2, readMs);
      sendQueued(ctx, c, i, queue, readMs + oneWayMs(s));
    }
  }
  flushOutbox(ctx, c, i);
}

/** The client has found out its connection is gone: it starts reconnecting. */
function lostConnection(ctx: Ctx, c: ChatState, i: number, bySend: boolean): void {
  const s = ctx.s;
  const cl = c.clients[i]!;
  if (bySend) c.counters.noticedBySend++;
  else c.counters.noticedByHeartbeat++;
  const old = cl.server;
  c.conns[old] = Math.max(0, (c.conns[old] ?? 0) - 1);
  cl.noticedAtMs = s.nowMs;
  cl.pingDueMs = -1;
  cl.pingTimeoutDueMs = -1;
  // What the server never acknowledged is sent again after the reconnect.
  const again = cl.unacked.filter((id) => !c.messages.get(id)!.accepted);
  cl.outbox = [...again, ...cl.outbox];
  cl.unacked = [];
  cl.attempt = 0;
  retryLater(ctx, c, i);
}

function ping(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const cl = c.clients[i]!;
  if (cl.status !== ClientStatus.Connected || cl.pingDueMs !== s.nowMs) return;
  if (connectionAlive(s, cl.server, cl.connectedAtMs)) {
    // The server vouches for the connection again: its presence entry's expiry moves on. The
    // client answers the ping (a pong frame).
    if (sharedState(c)) cl.presenceSeenMs = s.nowMs;
    c.counters.requests++;
    cl.pingDueMs = s.nowMs + c.cfg.heartbeatS * 1000;
    schedule(ctx, cl.pingDueMs, ChatEv.Ping, i);
    return;
  }
  // No ping arrives. The client waits pingTimeout more before giving the connection up.
  cl.pingTimeoutDueMs = s.nowMs + c.cfg.heartbeatTimeoutS * 1000;
  schedule(ctx, cl.pingTimeoutDueMs, ChatEv.PingTimeout, i);
}

function pingTimeout(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const cl = c.clients[i]!;
  if (cl.status !== ClientStatus.Connected || cl.pingTimeoutDueMs !== s.nowMs) return;
  lostConnection(ctx, c, i, false);
}

// ---------------------------------------------------------------- messages

function clientWrites(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  scheduleSend(ctx, c, i);
  const n = c.clients.length;
  if (n < 2) return;
  let to = intBelow(c.streams.peer, n - 1);
  if (to >= i) to++;
  const m: ChatMessage = {
    id: c.nextMessageId++,
    from: i,
    to,
    writtenMs: s.nowMs,
    viaServer: 0,
    viaConnectedAtMs: 0,
    toServer: 0,
    toConnectedAtMs: 0,
    atServerDueMs: -1,
    ackDueMs: -1,
    fanoutDueMs: -1,
    deliverDueMs: -1,
    accepted: false,
    queued: false,
    everQueued: false,
  };
  c.messages.set(m.id, m);
  c.counters.sent++;
  c.clients[i]!.outbox.push(m.id);
  flushOutbox(ctx, c, i);
}

function flushOutbox(ctx: Ctx, c: ChatState, i: number): void {
  const s = ctx.s;
  const cl = c.clients[i]!;
  if (cl.status === ClientStatus.Polling) return postOutbox(ctx, c, i);
  if (cl.status !== ClientStatus.Connected || cl.outbox.length === 0) return;
  const arrive = s.nowMs + oneWayMs(s);
  for (const id of cl.outbox) sendToServer(ctx, c, i, id, cl.server, cl.connectedAtMs, arrive);
  cl.outbox = [];
}

/**
 * Sends message `id` from client `i` to `server` (on the connection opened at `connectedAtMs`,
 * or a plain request for a polling app), to arrive at `arriveMs`, and waits for its ack.
 */
function sendToServer(
  ctx: Ctx,
  c: ChatState,
  i: number,
  id: number,
  server: number,
  connectedAtMs: number,
  arriveMs: number,
): void {
  const m = c.messages.get(id)!;
  m.viaServer = server;
  m.viaConnectedAtMs = connectedAtMs;
  m.atServerDueMs = arriveMs;
  m.ackDueMs = ctx.s.nowMs + c.cfg.ackTimeoutS * 1000;
  c.clients[i]!.unacked.push(id);
  c.counters.requests++;
  hopToServer(ctx, i, server, arriveMs);
  schedule(ctx, arriveMs, ChatEv.AtServer, id);
  schedule(ctx, m.ackDueMs, ChatEv.AckTimeout, id);
}

function atServer(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const m = c.messages.get(id);
  if (!m || m.atServerDueMs !== s.nowMs) return;
  // Sent down a connection whose server is gone: nobody reads it. The sender finds out when
  // no acknowledgement comes back (AckTimeout) and sends it again after reconnecting.
  if (!connectionAlive(s, m.viaServer, m.viaConnectedAtMs)) return;
  // With shared state a message is acknowledged only once it is in the store: with the store
  // down it is not, and the sender tries again after its acknowledgement timeout.
  if (sharedState(c) && !s.store.up) return;
  m.accepted = true;
  const sender = c.clients[m.from]!;
  const k = sender.unacked.indexOf(id);
  if (k >= 0) sender.unacked.splice(k, 1);
  const r = c.clients[m.to]!;
  if (
    !sharedState(c) &&
    r.status === ClientStatus.Connected &&
    r.server === m.viaServer &&
    connectionAlive(s, r.server, r.connectedAtMs)
  ) {
    // The recipient is on this very server: delivered locally, no broker involved.
    push(ctx, c, m, r.server, false);
    return;
  }
  const rtt = storeRttMs(s, c);
  m.fanoutDueMs = s.nowMs + rtt;
  // Server-memory: PUBLISH on the broker, which pushes it to every subscribed server.
  // Shared-store: append to the recipient's queue and look up its presence in one round trip.
  hop(ctx, m.from, serverNode(m.viaServer), Node.Store, s.nowMs, s.nowMs + rtt / 2);
  schedule(ctx, m.fanoutDueMs, ChatEv.Fanout, id);
}

function fanout(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const m = c.messages.get(id);
  if (!m || m.fanoutDueMs !== s.nowMs) return;
  const r = c.clients[m.to]!;
  if (sharedState(c)) {
    if (!m.queued) {
      m.queued = true;
      let q = c.queues.get(m.to);
      if (!q) c.queues.set(m.to, (q = []));
      q.push(id);
    }
    // The presence map names the server to notify; if that server is gone, or the user is
    // between connections, the message waits in the queue for the next connection.
    const at = presenceAt(s, c, m.to);
    if (
      at !== 0 &&
      r.status === ClientStatus.Connected &&
      r.server === at &&
      connectionAlive(s, at, r.connectedAtMs)
    ) {
      push(ctx, c, m, at, true);
    } else if (!m.everQueued) {
      m.everQueued = true;
      c.counters.everQueued++;
    }
    return;
  }
  // Fire-and-forget pub/sub: only a live server that holds the recipient's connection right
  // now delivers it. Nobody keeps a copy, so a recipient who is between connections (or
  // whose server died unnoticed) never gets it.
  if (
    !s.store.up ||
    r.status !== ClientStatus.Connected ||
    !connectionAlive(s, r.server, r.connectedAtMs)
  ) {
    lose(c, m);
    return;
  }
  push(ctx, c, m, r.server, true);
}

function lose(c: ChatState, m: ChatMessage): void {
  c.counters.lost++;
  c.clients[m.to]!.lostMessages++;
  c.messages.delete(m.id);
}

/** The recipient's server writes the message down the recipient's connection. */
function push(ctx: Ctx, c: ChatState, m: ChatMessage, server: number, viaStore: boolean): void {
  const s = ctx.s;
  if (viaStore) hop(ctx, m.to, Node.Store, serverNode(server), s.nowMs - 0.5, s.nowMs);
  const r = c.clients[m.to]!;
  m.toServer = server;
  m.toConnectedAtMs = r.connectedAtMs;
  m.deliverDueMs = s.nowMs + oneWayMs(s);
  hopToClient(ctx, m.to, server, m.deliverDueMs);
  schedule(ctx, m.deliverDueMs, ChatEv.Deliver, m.id);
}

function deliver(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const m = c.messages.get(id);
  if (!m || m.deliverDueMs !== s.nowMs) return;
  const r = c.clients[m.to]!;
  // A poll's answer arrives if the server that read the queue lived to send it.
  const stillOpen =
    r.status === ClientStatus.Polling
      ? connectionAlive(s, m.toServer, m.toConnectedAtMs)
      : r.status === ClientStatus.Connected &&
        r.server === m.toServer &&
        r.connectedAtMs === m.toConnectedAtMs &&
        connectionAlive(s, m.toServer, m.toConnectedAtMs);
  if (!stillOpen) {
    // The server died while the message was on its way down: with shared state it is still
    // in the queue for the next connection; otherwise it died with the server's memory.
    if (!m.queued) {
      lose(c, m);
    } else if (!m.everQueued) {
      m.everQueued = true;
      c.counters.everQueued++;
    }
    return;
  }
  c.counters.delivered++;
  record(c.deliveryMs, s.nowMs - m.writtenMs);
  if (m.queued) {
    // The app acknowledges it and the server removes it from the queue (XACK / LREM).
    const q = c.queues.get(m.to);
    if (q) {
      const k = q.indexOf(id);
      if (k >= 0) q.splice(k, 1);
      if (q.length === 0) c.queues.delete(m.to);
    }
  }
  c.messages.delete(id);
}

function ackTimeout(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const m = c.messages.get(id);
  if (!m || m.accepted || m.ackDueMs !== s.nowMs) return;
  const cl = c.clients[m.from]!;
  if (cl.status === ClientStatus.Polling) {
    // The request timed out (its server died, or the store was down): post it again.
    const k = cl.unacked.indexOf(id);
    if (k >= 0) cl.unacked.splice(k, 1);
    cl.outbox.push(id);
    postOutbox(ctx, c, m.from);
    return;
  }
  // Still on the connection the message went out on: that connection is taken to be dead.
  if (
    cl.status === ClientStatus.Connected &&
    cl.server === m.viaServer &&
    cl.connectedAtMs === m.viaConnectedAtMs
  ) {
    lostConnection(ctx, c, m.from, true);
  }
}

// ---------------------------------------------------------------- polling

/**
 * A polling client posts each message as its own HTTP request to whichever server the
 * balancer picks; with no healthy server the messages wait in the app for the next poll.
 */
function postOutbox(ctx: Ctx, c: ChatState, i: number): void {
  const s = ctx.s;
  const cl = c.clients[i]!;
  if (cl.outbox.length === 0 || s.lb.pool.length === 0) return;
  const arrive = s.nowMs + oneWayMs(s);
  for (const id of cl.outbox) sendToServer(ctx, c, i, id, pickServer(s, c), s.nowMs, arrive);
  cl.outbox = [];
}

/** Every `pollIntervalS` the client asks a server (any one the balancer picks) what is new. */
function poll(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const cl = c.clients[i]!;
  if (cl.status !== ClientStatus.Polling || cl.pollDueMs !== s.nowMs) return;
  cl.pollDueMs = s.nowMs + c.cfg.pollIntervalS * 1000;
  schedule(ctx, cl.pollDueMs, ChatEv.Poll, i);
  postOutbox(ctx, c, i);
  c.counters.polls++;
  const id = pickServer(s, c);
  if (id === 0) {
    c.counters.failedPolls++;
    return;
  }
  c.counters.requests++;
  cl.server = id;
  cl.connectedAtMs = s.nowMs;
  cl.pollReadDueMs = s.nowMs + oneWayMs(s);
  hopToServer(ctx, i, id, cl.pollReadDueMs);
  schedule(ctx, cl.pollReadDueMs, ChatEv.PollRead, i);
}

/** The poll is at its server: one store round trip reads the client's queue, then it answers. */
function pollRead(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const c = chatOf(s);
  const cl = c.clients[i]!;
  if (cl.status !== ClientStatus.Polling || cl.pollReadDueMs !== s.nowMs) return;
  cl.pollReadDueMs = -1;
  if (!connectionAlive(s, cl.server, cl.connectedAtMs) || !s.store.up) {
    c.counters.failedPolls++;
    return;
  }
  const rtt = storeRttMs(s, c);
  const readMs = s.nowMs + rtt;
  const atLb = readMs + s.scenario.network.lbLatencyMs;
  const backMs = readMs + oneWayMs(s);
  hop(ctx, i, serverNode(cl.server), Node.Store, s.nowMs, s.nowMs + rtt / 2);
  hop(ctx, i, Node.Store, serverNode(cl.server), s.nowMs + rtt / 2, readMs);
  hop(ctx, i, serverNode(cl.server), Node.Lb, readMs, atLb);
  hop(ctx, i, Node.Lb, Node.Users, atLb, backMs);
  const queue = c.queues.get(i);
  if (!queue || queue.length === 0) {
    c.counters.emptyPolls++;
    return;
  }
  // The answer carries everything queued; each message leaves the queue once it has arrived.
  sendQueued(ctx, c, i, queue, backMs);
}

/**
 * Sends client `i` the messages queued for it, over the connection it now has (a socket, or
 * the answer to a poll), to arrive at `arriveMs`; each leaves the queue once it has arrived.
 */
function sendQueued(
  ctx: Ctx,
  c: ChatState,
  i: number,
  queue: readonly number[],
  arriveMs: number,
): void {
  const cl = c.clients[i]!;
  for (const id of queue) {
    const m = c.messages.get(id)!;
    m.toServer = cl.server;
    m.toConnectedAtMs = cl.connectedAtMs;
    m.deliverDueMs = arriveMs;
    schedule(ctx, arriveMs, ChatEv.Deliver, id);
  }
}
