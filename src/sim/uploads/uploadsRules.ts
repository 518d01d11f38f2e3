/**
 * The upload model's rules. An uploader sends a video through the load balancer (with the
 * scenario's algorithm and stickiness) to a server, which keeps the file where `placement`
 * says and has it converted where `conversion` says; the uploader then checks, through the
 * balancer again, until a server tells it the converted video is ready.
 *
 * - server-disk: the file is on the disk of the server that took the upload, and only that
 *   server can find it. The disk goes with the server: a server that stops (crash, drain,
 *   deploy) is replaced by a fresh one, as containers and autoscaled instances are.
 * - object-store: the file is written to durable shared storage that every server reads.
 * - session-store: the bytes are a value in the session store's memory, with a `maxmemory`
 *   limit and ElastiCache's default `volatile-lru` eviction (see `makeRoom`).
 *
 * A conversion on an app server is a background job, one at a time per server, holding one
 * of the server's workers while it runs, so shop requests queue behind it; it waits for a
 * worker no request is waiting for. A conversion by functions runs in a pool the object
 * store's upload event triggers, one function per video.
 */
import { STORE_PROFILES } from '../catalog.ts';
import { schedule, type Ctx } from '../context.ts';
import { record } from '../histogram.ts';
import { route, serverById } from '../lb.ts';
import { Node, serverNode, type Server, type SimState } from '../model.ts';
import { exponential, uniform } from '../random.ts';
import { occupy, pullQueue } from '../requests.ts';
import { LIMITS } from '../scenario.ts';
import {
  ConvertStatus,
  createUploadsState,
  serverUploads,
  UploadEv,
  VideoStatus,
  type UploadsState,
  type Video,
} from './uploadsState.ts';

/**
 * A multipart upload to object storage is streamed as the bytes arrive; what is left when the
 * last byte is in is the call that completes it, a round trip of tens of milliseconds (a
 * modelling choice, as is the same time for a look-up). Looks and writes use it alike.
 */
const OBJECT_RTT_MIN_MS = 20;
const OBJECT_RTT_MAX_MS = 60;
/** From the object landing to a function starting on it: the event and a cold start. */
export const FUNCTION_START_MS = 1000;
/** An uploader whose upload failed tries again this long after it learns of the failure. */
export const RESEND_DELAY_MS = 2000;
/** Memory a shop session takes in the store (a small hash: id, cart, timestamps). */
export const SESSION_KB = 1;

function uploadsOf(s: SimState): UploadsState {
  return s.uploads!;
}

function oneWayMs(s: SimState): number {
  return s.scenario.network.clientLatencyMs + s.scenario.network.lbLatencyMs;
}

/** Was server `id` up, without a restart, ever since `sinceMs`? */
function aliveSince(s: SimState, id: number, sinceMs: number): boolean {
  const srv = serverById(s, id);
  return !!srv && (srv.status === 'up' || srv.status === 'draining') && srv.upSinceMs <= sinceMs;
}

/** Hops carry an uploader number past every shop user's, so the view draws them as crowd. */
function hop(
  ctx: Ctx,
  uploader: number,
  from: number,
  to: number,
  departMs: number,
  arriveMs: number,
  fail = 0,
): void {
  if (ctx.obs) {
    ctx.obs.hop(ctx.s.nextReqNo++, LIMITS.users + uploader, from, to, departMs, arriveMs, fail);
  }
}

/** Uploader → balancer → server, arriving at `arriveMs`. */
function hopIn(ctx: Ctx, uploader: number, server: number, arriveMs: number): void {
  const s = ctx.s;
  const atLb = Math.min(arriveMs, s.nowMs + s.scenario.network.clientLatencyMs);
  hop(ctx, uploader, Node.Users, Node.Lb, s.nowMs, atLb);
  hop(ctx, uploader, Node.Lb, serverNode(server), atLb, arriveMs);
}

/** Server → balancer → uploader, leaving at `departMs`. */
function hopOut(ctx: Ctx, uploader: number, server: number, departMs: number, fail = 0): void {
  const s = ctx.s;
  const atLb = departMs + s.scenario.network.lbLatencyMs;
  hop(ctx, uploader, serverNode(server), Node.Lb, departMs, atLb, fail);
  hop(ctx, uploader, Node.Lb, Node.Users, atLb, departMs + oneWayMs(s), fail);
}

/** The place the file lives, for hops and look-ups: object storage is drawn at the database. */
function storageRttMs(s: SimState, u: UploadsState): number {
  if (u.cfg.placement === 'object-store') {
    return uniform(u.streams.store, OBJECT_RTT_MIN_MS, OBJECT_RTT_MAX_MS);
  }
  if (u.cfg.placement === 'session-store') {
    const p = STORE_PROFILES[s.scenario.store.kind];
    return uniform(u.streams.store, p.rttMinMs, p.rttMaxMs);
  }
  return 0;
}

function storageNode(u: UploadsState): number {
  return u.cfg.placement === 'object-store' ? Node.Db : Node.Store;
}

/** What the session store holds now, in MB: the videos and the shop's sessions. */
export function storeUsedMB(s: SimState, u: UploadsState): number {
  return u.storeVideoMB + (s.store.sessions.size * SESSION_KB) / 1024;
}

// ---------------------------------------------------------------- setup

export function initUploads(ctx: Ctx): void {
  const s = ctx.s;
  const cfg = s.scenario.uploads;
  if (!cfg) return;
  const u = createUploadsState(cfg, s.scenario.seed);
  s.uploads = u;
  for (let i = 0; i < cfg.uploaders; i++) scheduleUpload(ctx, u, i);
}

function scheduleUpload(ctx: Ctx, u: UploadsState, i: number): void {
  const up = u.uploaders[i]!;
  up.nextUploadMs = ctx.s.nowMs + exponential(u.streams.upload[i]!, u.cfg.uploadIntervalS * 1000);
  schedule(ctx, up.nextUploadMs, UploadEv.Upload, i);
}

export function uploadsDispatch(ctx: Ctx, kind: number, arg: number): void {
  switch (kind) {
    case UploadEv.Upload:
      return startUpload(ctx, arg);
    case UploadEv.Received:
      return received(ctx, arg);
    case UploadEv.Stored:
      return stored(ctx, arg);
    case UploadEv.Resend:
      return resend(ctx, arg);
    case UploadEv.Check:
      return check(ctx, arg);
    case UploadEv.CheckAt:
      return checkAt(ctx, arg);
    case UploadEv.Converted:
      return converted(ctx, arg);
    case UploadEv.Trigger:
      return trigger(ctx, arg);
  }
}

// ---------------------------------------------------------------- uploading

function startUpload(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const up = u.uploaders[i];
  if (!up || up.nextUploadMs !== s.nowMs) return;
  scheduleUpload(ctx, u, i);
  const v: Video = {
    id: u.nextVideoId++,
    uploader: i,
    startMs: s.nowMs,
    status: VideoStatus.Uploading,
    convert: ConvertStatus.Waiting,
    viaServer: 0,
    viaSentMs: 0,
    home: 0,
    convertServer: 0,
    convertStartMs: 0,
    receivedDueMs: -1,
    storedDueMs: -1,
    resendDueMs: -1,
    checkDueMs: -1,
    checkAtDueMs: -1,
    convertedDueMs: -1,
    checkServer: 0,
    checkSentMs: 0,
    seenReady: false,
    checking: false,
  };
  u.videos.set(v.id, v);
  u.counters.started++;
  send(ctx, u, v);
}

/** Sends the video's bytes to the server the balancer picks. */
function send(ctx: Ctx, u: UploadsState, v: Video): void {
  const s = ctx.s;
  const id = route(s, u.uploaders[v.uploader]!, false);
  if (id === 0) {
    // No healthy server: the balancer answers with an error at once.
    resendLater(ctx, u, v, 2 * s.scenario.network.clientLatencyMs);
    return;
  }
  v.viaServer = id;
  v.viaSentMs = s.nowMs;
  if (!aliveSince(s, id, s.nowMs)) {
    // A server the balancer has not yet seen die refuses the connection: one round trip.
    hopIn(ctx, v.uploader, id, s.nowMs + oneWayMs(s));
    resendLater(ctx, u, v, 2 * oneWayMs(s));
    return;
  }
  const transferMs = ((u.cfg.videoMB * 8) / u.cfg.uploadMbps) * 1000;
  v.receivedDueMs = s.nowMs + oneWayMs(s) + transferMs;
  hopIn(ctx, v.uploader, id, v.receivedDueMs);
  schedule(ctx, v.receivedDueMs, UploadEv.Received, v.id);
}

/** The try failed; the uploader learns it `noticeMs` from now and sends it again. */
function resendLater(ctx: Ctx, u: UploadsState, v: Video, noticeMs: number): void {
  u.counters.resent++;
  v.receivedDueMs = -1;
  v.storedDueMs = -1;
  v.resendDueMs = ctx.s.nowMs + noticeMs + RESEND_DELAY_MS;
  schedule(ctx, v.resendDueMs, UploadEv.Resend, v.id);
}

function resend(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const v = u.videos.get(id);
  if (!v || v.status !== VideoStatus.Uploading || v.resendDueMs !== s.nowMs) return;
  v.resendDueMs = -1;
  if (s.nowMs - v.startMs > u.cfg.patienceS * 1000) {
    v.status = VideoStatus.Abandoned;
    u.counters.abandoned++;
    return;
  }
  send(ctx, u, v);
}

/** The last byte is at the server: it keeps the file where the placement says. */
function received(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const v = u.videos.get(id);
  if (!v || v.status !== VideoStatus.Uploading || v.receivedDueMs !== s.nowMs) return;
  v.receivedDueMs = -1;
  if (u.cfg.placement === 'server-disk') return keep(ctx, u, v);
  if (u.cfg.placement === 'session-store' && !s.store.up) {
    hopOut(ctx, v.uploader, v.viaServer, s.nowMs, 1);
    resendLater(ctx, u, v, oneWayMs(s));
    return;
  }
  const rtt = storageRttMs(s, u);
  const server = serverNode(v.viaServer);
  hop(ctx, v.uploader, server, storageNode(u), s.nowMs, s.nowMs + rtt / 2);
  hop(ctx, v.uploader, storageNode(u), server, s.nowMs + rtt / 2, s.nowMs + rtt);
  v.storedDueMs = s.nowMs + rtt;
  schedule(ctx, v.storedDueMs, UploadEv.Stored, id);
}

function stored(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const v = u.videos.get(id);
  if (!v || v.status !== VideoStatus.Uploading || v.storedDueMs !== s.nowMs) return;
  v.storedDueMs = -1;
  if (u.cfg.placement === 'session-store') {
    if (!s.store.up) {
      hopOut(ctx, v.uploader, v.viaServer, s.nowMs, 1);
      resendLater(ctx, u, v, oneWayMs(s));
      return;
    }
    if (!makeRoom(s, u)) {
      // Redis answers "OOM command not allowed when used memory > 'maxmemory'"; the upload
      // fails for good (trying again meets the same full store).
      v.status = VideoStatus.Refused;
      u.counters.refused++;
      hopOut(ctx, v.uploader, v.viaServer, s.nowMs, 1);
      return;
    }
  }
  keep(ctx, u, v);
}

/**
 * Redis checks its memory before each write: over `maxmemory`, `volatile-lru` (ElastiCache's
 * default policy) evicts the least recently used keys that have a time to live, which are the
 * sessions (the videos have none), until it is under the limit; if that is not enough the
 * write is refused. So one write may take the store past its limit, and the next finds it full.
 */
function makeRoom(s: SimState, u: UploadsState): boolean {
  const limit = u.cfg.storeMemoryMB;
  if (storeUsedMB(s, u) <= limit) return true;
  const byAge = [...s.store.sessions.values()].sort(
    (a, b) => a.lastSeenMs - b.lastSeenMs || a.id - b.id,
  );
  for (const sess of byAge) {
    if (storeUsedMB(s, u) <= limit) break;
    s.store.sessions.delete(sess.id);
    u.counters.sessionsEvicted++;
  }
  return storeUsedMB(s, u) <= limit;
}

/** The file is kept: the uploader is told, starts checking, and the conversion is queued. */
function keep(ctx: Ctx, u: UploadsState, v: Video): void {
  const s = ctx.s;
  v.status = VideoStatus.Stored;
  v.home = v.viaServer;
  u.counters.uploaded++;
  if (u.cfg.placement === 'server-disk') serverUploads(u, v.home).onDisk++;
  else if (u.cfg.placement === 'object-store') u.objectVideos++;
  else {
    u.storeVideos++;
    u.storeVideoMB += u.cfg.videoMB;
  }
  hopOut(ctx, v.uploader, v.viaServer, s.nowMs);
  v.checking = true;
  v.checkDueMs = s.nowMs + oneWayMs(s) + u.cfg.checkIntervalS * 1000;
  schedule(ctx, v.checkDueMs, UploadEv.Check, v.id);
  if (u.cfg.conversion === 'functions') {
    schedule(ctx, s.nowMs + FUNCTION_START_MS, UploadEv.Trigger, v.id);
    return;
  }
  serverUploads(u, v.home).waiting.push(v.id);
  startConversion(ctx, serverById(s, v.home)!);
}

// ---------------------------------------------------------------- converting

/**
 * Starts the server's next conversion if its job is idle and a worker is free that no queued
 * request is waiting for. Called when a video arrives and whenever a worker frees up.
 */
export function startConversion(ctx: Ctx, srv: Server): void {
  const s = ctx.s;
  const u = s.uploads;
  if (!u || u.cfg.conversion !== 'app-server') return;
  const su = u.servers[srv.id];
  if (!su || su.converting !== 0 || su.waiting.length === 0) return;
  if (srv.status !== 'up' && srv.status !== 'draining') return;
  if (srv.busy >= srv.workers || srv.queue.length > 0) return;
  const v = u.videos.get(su.waiting.shift()!)!;
  occupy(srv, s.nowMs, 1);
  su.converting = v.id;
  v.convertServer = srv.id;
  beginConverting(ctx, u, v);
}

/** Video `v`'s conversion starts now, where it was placed; it ends `conversionS` later. */
function beginConverting(ctx: Ctx, u: UploadsState, v: Video): void {
  v.convert = ConvertStatus.Running;
  v.convertStartMs = ctx.s.nowMs;
  v.convertedDueMs = ctx.s.nowMs + u.cfg.conversionS * 1000;
  schedule(ctx, v.convertedDueMs, UploadEv.Converted, v.id);
}

function trigger(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const v = u.videos.get(id);
  if (!v || v.convert !== ConvertStatus.Waiting) return;
  if (u.functionsRunning >= u.cfg.functionConcurrency) {
    u.functionQueue.push(id);
    return;
  }
  runFunction(ctx, u, v);
}

function runFunction(ctx: Ctx, u: UploadsState, v: Video): void {
  u.functionsRunning++;
  beginConverting(ctx, u, v);
}

function converted(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const v = u.videos.get(id);
  if (!v || v.convert !== ConvertStatus.Running || v.convertedDueMs !== s.nowMs) return;
  v.convertedDueMs = -1;
  v.convert = ConvertStatus.Done;
  if (v.status === VideoStatus.Stored) u.counters.converted++;
  if (u.cfg.conversion === 'functions') {
    u.functionsRunning--;
    const next = u.functionQueue.shift();
    if (next !== undefined) runFunction(ctx, u, u.videos.get(next)!);
    return;
  }
  const srv = serverById(s, v.convertServer)!;
  serverUploads(u, srv.id).converting = 0;
  occupy(srv, s.nowMs, -1);
  // The worker goes to a queued request first; pullQueue then offers it to the next video.
  pullQueue(ctx, srv);
  startConversion(ctx, srv);
}

// ---------------------------------------------------------------- checking

function nextCheck(ctx: Ctx, u: UploadsState, v: Video, answerMs: number): void {
  v.checkDueMs = answerMs + u.cfg.checkIntervalS * 1000;
  schedule(ctx, v.checkDueMs, UploadEv.Check, v.id);
}

function check(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const v = u.videos.get(id);
  if (!v || !v.checking || v.checkDueMs !== s.nowMs) return;
  v.checkDueMs = -1;
  if (s.nowMs - v.startMs > u.cfg.patienceS * 1000) {
    v.checking = false;
    u.counters.gaveUp++;
    return;
  }
  const server = route(s, u.uploaders[v.uploader]!, false);
  if (server === 0) {
    u.counters.failedReads++;
    nextCheck(ctx, u, v, s.nowMs + 2 * s.scenario.network.clientLatencyMs);
    return;
  }
  v.checkServer = server;
  v.checkSentMs = s.nowMs;
  v.checkAtDueMs = s.nowMs + oneWayMs(s);
  hopIn(ctx, v.uploader, server, v.checkAtDueMs);
  schedule(ctx, v.checkAtDueMs, UploadEv.CheckAt, id);
}

/** The check is at its server, which looks for the video where the placement keeps it. */
function checkAt(ctx: Ctx, id: number): void {
  const s = ctx.s;
  const u = uploadsOf(s);
  const v = u.videos.get(id);
  if (!v || !v.checking || v.checkAtDueMs !== s.nowMs) return;
  v.checkAtDueMs = -1;
  const k = u.counters;
  if (!aliveSince(s, v.checkServer, v.checkSentMs)) {
    // Nothing listens there (dead, or restarted since): the balancer answers with an error.
    k.failedReads++;
    nextCheck(ctx, u, v, s.nowMs + oneWayMs(s));
    return;
  }
  if (u.cfg.placement === 'session-store' && !s.store.up) {
    k.failedReads++;
    hopOut(ctx, v.uploader, v.checkServer, s.nowMs, 1);
    nextCheck(ctx, u, v, s.nowMs + oneWayMs(s));
    return;
  }
  const rtt = storageRttMs(s, u);
  if (rtt > 0) {
    const server = serverNode(v.checkServer);
    hop(ctx, v.uploader, server, storageNode(u), s.nowMs, s.nowMs + rtt / 2);
    hop(ctx, v.uploader, storageNode(u), server, s.nowMs + rtt / 2, s.nowMs + rtt);
  }
  const answerMs = s.nowMs + rtt + oneWayMs(s);
  hopOut(ctx, v.uploader, v.checkServer, s.nowMs + rtt);
  k.reads++;
  // Only the disk of the server that took the upload has the file; shared places have it
  // for every server, for as long as it lives.
  const found =
    v.status === VideoStatus.Stored &&
    (u.cfg.placement !== 'server-disk' || v.home === v.checkServer);
  if (!found) {
    k.notFound++;
    nextCheck(ctx, u, v, answerMs);
    return;
  }
  if (v.convert !== ConvertStatus.Done) {
    nextCheck(ctx, u, v, answerMs);
    return;
  }
  v.checking = false;
  v.seenReady = true;
  k.ready++;
  record(u.readyMs, answerMs - v.startMs);
}

// ---------------------------------------------------------------- failures

/**
 * A server stopped (crash, drain, deploy): its disk goes with it, with every file on it, and
 * its conversion job with the videos running and waiting there. Uploads on their way into it
 * break; the balancer sees the connection drop and the uploaders send them again. Its workers
 * were freed by the core (failRequestsInside) before this runs.
 */
export function uploadsServerStopped(ctx: Ctx, srv: Server): void {
  const s = ctx.s;
  const u = s.uploads;
  if (!u) return;
  const su = serverUploads(u, srv.id);
  const k = u.counters;
  for (const v of u.videos.values()) {
    if (v.status === VideoStatus.Uploading && v.viaServer === srv.id) {
      if (v.receivedDueMs >= s.nowMs || v.storedDueMs >= s.nowMs) {
        resendLater(ctx, u, v, oneWayMs(s));
      }
      continue;
    }
    if (v.status !== VideoStatus.Stored || v.home !== srv.id) continue;
    if (u.cfg.placement === 'server-disk') {
      v.status = VideoStatus.Lost;
      k.lostVideos++;
    }
    if (
      u.cfg.conversion === 'app-server' &&
      (v.convert === ConvertStatus.Waiting || v.convert === ConvertStatus.Running)
    ) {
      v.convert = ConvertStatus.Lost;
      v.convertedDueMs = -1;
      k.lostConversions++;
    }
  }
  su.onDisk = 0;
  su.converting = 0;
  su.waiting = [];
}

/** The store died with nothing to bring its data back: the videos in it are gone. */
export function uploadsStoreWiped(ctx: Ctx): void {
  const u = ctx.s.uploads;
  if (!u || u.cfg.placement !== 'session-store') return;
  for (const v of u.videos.values()) {
    if (v.status !== VideoStatus.Stored) continue;
    v.status = VideoStatus.Lost;
    u.counters.lostVideos++;
  }
  u.storeVideos = 0;
  u.storeVideoMB = 0;
}
