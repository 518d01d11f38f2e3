/**
 * Helpers for the simulation's unit tests (never imported by the engine): an observer that
 * remembers every hop, so the tests can recount what the model counts, and a checker for the
 * invariants every run must keep at every instant.
 */
import { Ev, Node, type SimState } from './model.ts';
import type { SimEvent, SimObserver } from './events.ts';

/** Remembers the events and the hops that matter for bookkeeping checks. */
export class Recorder implements SimObserver {
  readonly events: SimEvent[] = [];
  /** Per request number: arrival time at the user (the end of the request). */
  readonly ends: { reqNo: number; arriveMs: number }[] = [];
  /** Per server id: times the load balancer sent a request to it. */
  readonly sentTo = new Map<number, number>();
  /** Per server id: arrival times back at the load balancer. */
  readonly backFrom = new Map<number, number[]>();

  hop(reqNo: number, _u: number, from: number, to: number, _d: number, arriveMs: number): void {
    if (to === Node.Users) this.ends.push({ reqNo, arriveMs });
    if (from === Node.Lb && to > Node.Db) {
      this.sentTo.set(to - 3, (this.sentTo.get(to - 3) ?? 0) + 1);
    }
    if (to === Node.Lb && from > Node.Db) {
      const list = this.backFrom.get(from - 3) ?? [];
      list.push(arriveMs);
      this.backFrom.set(from - 3, list);
    }
  }

  event(e: SimEvent): void {
    this.events.push(e);
  }

  of<T extends SimEvent['type']>(type: T): Extract<SimEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
  }
}

const REQUEST_EVENTS = new Set<number>([
  Ev.ArriveLb,
  Ev.ArriveServer,
  Ev.IoDone,
  Ev.ServiceDone,
  Ev.ArriveLbBack,
  Ev.ArriveClient,
  Ev.RetryLb,
]);

/**
 * Checks the model's bookkeeping against itself (and against the recorder's hops, when one
 * watched the whole run). Returns a list of broken invariants; empty means all hold.
 */
export function brokenInvariants(s: SimState, rec: Recorder | null = null): string[] {
  const bad: string[] = [];
  const c = s.counters;
  const ended = c.requestsOk + c.requestsFailed;
  for (const [name, value] of Object.entries(c)) {
    if (typeof value === 'number' && value < 0) bad.push(`counter ${name} < 0`);
  }
  if (c.failedByReason.some((x) => x < 0)) bad.push('failedByReason < 0');
  if (c.failedByReason[0] !== 0) bad.push('failedByReason[ok] != 0');
  const sumFailed = c.failedByReason.reduce((a, b) => a + b, 0);
  if (sumFailed !== c.requestsFailed)
    bad.push(`sum(failedByReason) ${sumFailed} != ${c.requestsFailed}`);
  if (ended > c.requestsStarted) bad.push('more requests ended than started');

  // Events queued per request slot, and per user.
  const queuedPerSlot = new Map<number, number>();
  const sendsPerUser = new Map<number, number>();
  const q = s.queue;
  for (let i = 0; i < q.size; i++) {
    const kind = q.kind[i]!;
    const arg = q.arg[i]!;
    if (REQUEST_EVENTS.has(kind)) queuedPerSlot.set(arg, (queuedPerSlot.get(arg) ?? 0) + 1);
    if (kind === Ev.UserSend) sendsPerUser.set(arg, (sendsPerUser.get(arg) ?? 0) + 1);
  }

  let live = 0;
  const liveUsers = new Set<number>();
  const held = new Map<number, number>();
  const waiting = new Map<number, number>();
  s.reqs.forEach((r, slot) => {
    const queued = queuedPerSlot.get(slot) ?? 0;
    if (queued !== r.outstanding)
      bad.push(`slot ${slot}: outstanding ${r.outstanding} != queued ${queued}`);
    if (!r.live) return;
    live++;
    if (liveUsers.has(r.userIdx)) bad.push(`user ${r.userIdx} has two live requests`);
    liveUsers.add(r.userIdx);
    if (r.workerHeld) held.set(r.server, (held.get(r.server) ?? 0) + 1);
    else if (r.atServer) waiting.set(r.server, (waiting.get(r.server) ?? 0) + 1);
    const inServerQueue = r.atServer && !r.workerHeld;
    if (r.outstanding === 0 && !inServerQueue) {
      bad.push(`live request ${r.no} has nothing queued: it can never end`);
    }
  });
  if (live !== c.requestsStarted - ended)
    bad.push(`live ${live} != in flight ${c.requestsStarted - ended}`);
  const free = new Set(s.freeReqs);
  if (free.size !== s.freeReqs.length) bad.push('a slot is free twice');
  for (const slot of free) {
    const r = s.reqs[slot]!;
    if (r.live || r.outstanding !== 0) bad.push(`free slot ${slot} still in use`);
  }

  for (const srv of s.servers) {
    if (srv.busy < 0 || srv.busy > srv.workers) bad.push(`server ${srv.id} busy ${srv.busy}`);
    // A video conversion running on the server holds one worker too (src/sim/uploads).
    const converting = s.uploads?.servers[srv.id]?.converting ? 1 : 0;
    if (srv.busy !== (held.get(srv.id) ?? 0) + converting) {
      bad.push(
        `server ${srv.id} busy ${srv.busy} != requests holding a worker ${held.get(srv.id) ?? 0} + conversions ${converting}`,
      );
    }
    if (srv.queue.length !== (waiting.get(srv.id) ?? 0))
      bad.push(`server ${srv.id} queue mismatch`);
    if (srv.queue.length > s.scenario.servers.queueLimit)
      bad.push(`server ${srv.id} queue over limit`);
    if (srv.queue.length > 0 && srv.busy < srv.workers)
      bad.push(`server ${srv.id} idle worker, queue waiting`);
    if (srv.lbConnections < 0) bad.push(`server ${srv.id} lbConnections < 0`);
    if (srv.status === 'down' && (srv.busy !== 0 || srv.queue.length !== 0)) {
      bad.push(`server ${srv.id} is down but busy`);
    }
    if (s.scenario.architecture !== 'in-memory' && srv.sessions.size > 0) {
      bad.push(`server ${srv.id} holds sessions in a ${s.scenario.architecture} run`);
    }
    if (rec) {
      const back = (rec.backFrom.get(srv.id) ?? []).filter((t) => t < s.nowMs).length;
      const expected = (rec.sentTo.get(srv.id) ?? 0) - back;
      if (srv.lbConnections !== expected) {
        bad.push(`server ${srv.id} lbConnections ${srv.lbConnections} != ${expected} from hops`);
      }
    }
  }

  for (const u of s.users) {
    const sends = sendsPerUser.get(u.idx) ?? 0;
    if (sends > 1) bad.push(`user ${u.idx} has ${sends} sends queued`);
    if (u.sendPending !== sends > 0) bad.push(`user ${u.idx} sendPending out of step`);
    if (u.inFlight !== liveUsers.has(u.idx)) bad.push(`user ${u.idx} inFlight out of step`);
    if (u.active && !u.inFlight && sends === 0) bad.push(`active user ${u.idx} is stuck`);
    if (u.inFlight && sends > 0) bad.push(`user ${u.idx} in flight with a send queued`);
  }

  if (rec) {
    const seen = new Set<number>();
    let endedByHops = 0;
    for (const e of rec.ends) {
      if (e.arriveMs >= s.nowMs) continue;
      if (seen.has(e.reqNo)) bad.push(`request ${e.reqNo} ended twice`);
      seen.add(e.reqNo);
      endedByHops++;
    }
    if (endedByHops !== ended)
      bad.push(`requests ended by hops ${endedByHops} != counted ${ended}`);
  }
  return bad;
}
