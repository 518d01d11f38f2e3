/**
 * The simulation: a state, an event queue and a command log, advanced only by `runUntil`
 * and `step`. Given the same scenario, seed and timed commands it produces the same events
 * in the same order, wherever it runs; `eventLogHash` fingerprints that order.
 *
 * Rule for commands: a command stamped `atMs` is applied before every event at or after
 * `atMs`. A live command is stamped with the current time, so applying it at once and
 * replaying it from the log give the same run.
 */
import { activateUser, applyAction } from './actions.ts';
import type { Ctx } from './context.ts';
import type { SimObserver } from './events.ts';
import { fnvStep, toHex } from './hash.ts';
import { peekTime, pop, type Popped } from './heap.ts';
import { rebuildPool } from './lb.ts';
import { createBaseState, createServer, Ev, type SimState } from './model.ts';
import {
  autoscale,
  deployNext,
  drainCheck,
  healthCheck,
  serverBooted,
  startHealthChecks,
  storeFailover,
  ttlSweep,
} from './operations.ts';
import {
  arriveClient,
  arriveLb,
  arriveLbBack,
  arriveServer,
  ioDone,
  retryLb,
  serviceDone,
  userSend,
} from './requests.ts';
import {
  resolveScenario,
  timelineCommands,
  type Action,
  type ResolvedScenario,
  type Scenario,
  type TimedCommand,
} from './scenario.ts';
import { schedule } from './context.ts';
import { chatDispatch, initChat } from './chat/chatRules.ts';
import { CHAT_EV_MIN } from './chat/chatState.ts';
import { initUploads, uploadsDispatch } from './uploads/uploadsRules.ts';
import { UPLOADS_EV_MIN } from './uploads/uploadsState.ts';

export function createInitialState(scenario: ResolvedScenario): SimState {
  const s = createBaseState(scenario);
  const ctx: Ctx = { s, obs: null };
  for (let i = 0; i < scenario.servers.count; i++) {
    const srv = createServer(s.nextServerId++, scenario.servers.workers, 'up');
    s.servers.push(srv);
    startHealthChecks(ctx, srv);
  }
  rebuildPool(s);
  // Users start at random moments within one think time, so they do not arrive in lockstep.
  const spreadMs = scenario.users.thinkTimeS * 1000;
  for (let i = 0; i < scenario.users.count; i++) activateUser(ctx, i, spreadMs);
  schedule(ctx, 30_000, Ev.TtlSweep, 0);
  if (scenario.servers.autoscale) {
    schedule(ctx, scenario.servers.autoscale.intervalS * 1000, Ev.Autoscale, 0);
  }
  initChat(ctx);
  initUploads(ctx);
  s.pending = timelineCommands(scenario);
  return s;
}

/**
 * A deep copy of plain simulation data (objects, arrays, Maps, Sets, typed arrays), for
 * checkpoints. The state is a tree of plain data with no shared or cyclic references (a
 * session lives in one map only), so a direct walk gives what `structuredClone` gives, several
 * times faster: a checkpoint of 50,000 users is most of a long replay's cost otherwise.
 */
export function copyState<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      out[i] = typeof x === 'object' && x !== null ? copyState(x) : x;
    }
    return out as T;
  }
  if (ArrayBuffer.isView(v)) return (v as unknown as Uint8Array).slice() as T;
  if (v instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [k, x] of v) out.set(k, copyState(x));
    return out as T;
  }
  if (v instanceof Set) return new Set([...(v as Set<unknown>)].map(copyState)) as T;
  const out: Record<string, unknown> = {};
  const src = v as Record<string, unknown>;
  for (const k in src) {
    const x = src[k];
    out[k] = typeof x === 'object' && x !== null ? copyState(x) : x;
  }
  return out as T;
}

export class Simulation {
  private readonly ctx: Ctx;
  private readonly popped: Popped = { timeMs: 0, kind: 0, arg: 0 };

  constructor(stateOrScenario: SimState | ResolvedScenario, observer: SimObserver | null = null) {
    const s = 'queue' in stateOrScenario ? stateOrScenario : createInitialState(stateOrScenario);
    this.ctx = { s, obs: observer };
  }

  static fromScenario(scenario: Scenario, observer: SimObserver | null = null): Simulation {
    return new Simulation(resolveScenario(scenario), observer);
  }

  get state(): SimState {
    return this.ctx.s;
  }

  get nowMs(): number {
    return this.ctx.s.nowMs;
  }

  get endMs(): number {
    return this.ctx.s.scenario.durationS * 1000;
  }

  get eventLogHash(): string {
    return toHex(this.ctx.s.hash);
  }

  setObserver(observer: SimObserver | null): void {
    this.ctx.obs = observer;
  }

  /** Applies an action now and records it in the log. Returns the stamped command. */
  command(action: Action): TimedCommand {
    const cmd = { ...action, atMs: this.ctx.s.nowMs } as TimedCommand;
    this.enqueue(cmd);
    this.applyDueCommands(this.ctx.s.nowMs);
    return cmd;
  }

  /** Adds a command to be applied at its `atMs` (not earlier than now). */
  enqueue(cmd: TimedCommand): void {
    const pending = this.ctx.s.pending;
    const atMs = Math.max(cmd.atMs, this.ctx.s.nowMs);
    const stamped = { ...cmd, atMs } as TimedCommand;
    let i = pending.length;
    while (i > 0 && pending[i - 1]!.atMs > atMs) i--;
    pending.splice(i, 0, stamped);
  }

  private applyDueCommands(limitMs: number): void {
    const s = this.ctx.s;
    while (s.pending.length > 0 && s.pending[0]!.atMs <= limitMs) {
      const cmd = s.pending.shift()!;
      if (cmd.atMs > s.nowMs) s.nowMs = cmd.atMs;
      this.applyOne(cmd);
    }
  }

  private applyOne(cmd: TimedCommand): void {
    const s = this.ctx.s;
    s.applied.push(cmd);
    let h = fnvStep(s.hash, 255);
    h = fnvStep(h, Math.round(s.nowMs * 1000) >>> 0);
    for (let i = 0; i < cmd.action.length; i++) h = fnvStep(h, cmd.action.charCodeAt(i));
    s.hash = h;
    const { atMs: _atMs, ...action } = cmd;
    applyAction(this.ctx, action as Action);
  }

  /** Processes every command and event before `tMs`, then sets the clock to `tMs`. */
  runUntil(tMs: number): void {
    const s = this.ctx.s;
    const q = s.queue;
    const out = this.popped;
    const limit = Math.min(tMs, this.endMs);
    for (;;) {
      const nextEvent = peekTime(q);
      const nextCmd = s.pending.length > 0 ? s.pending[0]!.atMs : Infinity;
      if (nextCmd <= nextEvent && nextCmd < limit) {
        this.applyDueCommands(nextCmd);
        continue;
      }
      if (nextEvent >= limit) break;
      pop(q, out);
      this.dispatch(out);
    }
    if (limit > s.nowMs) s.nowMs = limit;
  }

  /** Runs to the end of the scenario. */
  runToEnd(): void {
    this.runUntil(this.endMs);
  }

  /** Processes exactly one command or event. Returns false at the end of the run. */
  step(): boolean {
    const s = this.ctx.s;
    const nextEvent = peekTime(s.queue);
    const nextCmd = s.pending.length > 0 ? s.pending[0]!.atMs : Infinity;
    if (Math.min(nextEvent, nextCmd) >= this.endMs) return false;
    if (nextCmd <= nextEvent) {
      const cmd = s.pending.shift()!;
      if (cmd.atMs > s.nowMs) s.nowMs = cmd.atMs;
      this.applyOne(cmd);
      return true;
    }
    pop(s.queue, this.popped);
    this.dispatch(this.popped);
    return true;
  }

  /** A deep copy of the whole state, to restore later (seek, step back, fork). */
  checkpoint(): SimState {
    return copyState(this.ctx.s);
  }

  restore(state: SimState): void {
    this.ctx.s = copyState(state);
  }

  private dispatch(e: Popped): void {
    const ctx = this.ctx;
    const s = ctx.s;
    s.nowMs = e.timeMs;
    s.counters.eventsProcessed++;
    const us = Math.round(e.timeMs * 1000);
    let h = fnvStep(s.hash, e.kind);
    h = fnvStep(h, us >>> 0);
    h = fnvStep(h, Math.floor(us / 4294967296));
    s.hash = fnvStep(h, e.arg);
    switch (e.kind) {
      case Ev.UserSend:
        return userSend(ctx, e.arg);
      case Ev.ArriveLb:
        return arriveLb(ctx, e.arg);
      case Ev.ArriveServer:
        return arriveServer(ctx, e.arg);
      case Ev.IoDone:
        return ioDone(ctx, e.arg);
      case Ev.ServiceDone:
        return serviceDone(ctx, e.arg);
      case Ev.ArriveLbBack:
        return arriveLbBack(ctx, e.arg);
      case Ev.ArriveClient:
        return arriveClient(ctx, e.arg);
      case Ev.HealthCheck:
        return healthCheck(ctx, e.arg);
      case Ev.RetryLb:
        return retryLb(ctx, e.arg);
      case Ev.ServerBooted:
        return serverBooted(ctx, e.arg);
      case Ev.DrainCheck:
        return drainCheck(ctx, e.arg);
      case Ev.Autoscale:
        return autoscale(ctx);
      case Ev.TtlSweep:
        return ttlSweep(ctx);
      case Ev.StoreFailover:
        return storeFailover(ctx);
      case Ev.DeployNext:
        return deployNext(ctx);
      default:
        if (e.kind >= UPLOADS_EV_MIN) return uploadsDispatch(ctx, e.kind, e.arg);
        if (e.kind >= CHAT_EV_MIN) return chatDispatch(ctx, e.kind, e.arg);
    }
  }
}
