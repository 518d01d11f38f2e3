/**
 * The simulation host: owns one Simulation, its command log and checkpoints, and turns wall
 * time into simulated time while playing. The Web Worker and the in-thread client both run
 * this same class, so they behave identically; only how messages travel differs.
 */
import {
  Simulation,
  resolveScenario,
  validateAction,
  validateScenario,
  type SimEvent,
  type SimObserver,
  type SimState,
  type TimedCommand,
} from '../sim/index.ts';
import type { FromSim, ToSim } from '../protocol/messages.ts';
import { HOP_STRIDE, dropHopsEndedBefore } from '../protocol/hops.ts';
import { DEFAULT_SPEED, clampSpeed, tickWallMs } from '../protocol/speed.ts';
import { buildSnapshot } from './buildSnapshot.ts';

/**
 * At most this many checkpoints are kept; past it every other one is dropped (and from then
 * on only every second boundary is kept), so memory stays bounded however long the run.
 */
export const MAX_CHECKPOINTS = 32;
/** Users × checkpoints kept at most (about 100 MB of copies at ~1 KB a user). */
const CHECKPOINT_USER_BUDGET = 100_000;
/** Simulated time between checkpoints, in ms. */
export const CHECKPOINT_EVERY_MS = 10_000;
/** Wall time between snapshots while playing, in ms. */
const SNAPSHOT_EVERY_WALL_MS = 200;
/** During long jumps, hops that ended more than this long ago (simulated ms) are dropped. */
const KEEP_ENDED_HOPS_MS = 2000;

class Collector implements SimObserver {
  hops = new Float64Array(HOP_STRIDE * 1024);
  hopCount = 0;
  events: SimEvent[] = [];

  hop(
    reqNo: number,
    userIdx: number,
    from: number,
    to: number,
    departMs: number,
    arriveMs: number,
    fail: number,
  ): void {
    if ((this.hopCount + 1) * HOP_STRIDE > this.hops.length) {
      const bigger = new Float64Array(this.hops.length * 2);
      bigger.set(this.hops);
      this.hops = bigger;
    }
    const o = this.hopCount++ * HOP_STRIDE;
    const h = this.hops;
    h[o] = reqNo;
    h[o + 1] = userIdx;
    h[o + 2] = from;
    h[o + 3] = to;
    h[o + 4] = departMs;
    h[o + 5] = arriveMs;
    h[o + 6] = fail;
  }

  event(e: SimEvent): void {
    this.events.push(e);
  }

  /** Takes the hops gathered so far; with `aliveAfterMs`, only those still travelling then. */
  takeHops(aliveAfterMs = -Infinity): Float64Array {
    const out: number[] = [];
    const h = this.hops;
    if (aliveAfterMs === -Infinity) {
      const copy = h.slice(0, this.hopCount * HOP_STRIDE);
      this.hopCount = 0;
      return copy;
    }
    for (let i = 0; i < this.hopCount; i++) {
      const o = i * HOP_STRIDE;
      if (h[o + 5]! > aliveAfterMs) for (let k = 0; k < HOP_STRIDE; k++) out.push(h[o + k]!);
    }
    this.hopCount = 0;
    return Float64Array.from(out);
  }

  /** Forgets hops that arrived before `tMs`, in place. */
  dropEndedBefore(tMs: number): void {
    this.hopCount = dropHopsEndedBefore(this.hops, this.hopCount, tMs);
  }

  takeEvents(): SimEvent[] {
    const e = this.events;
    this.events = [];
    return e;
  }
}

export class SimHost {
  private sim: Simulation | null = null;
  private collector = new Collector();
  private live: TimedCommand[] = [];
  private checkpoints: SimState[] = [];
  /** Keep a checkpoint only at every `stride`-th boundary (doubles as the run grows). */
  private stride = 1;
  private playing = false;
  private speed = DEFAULT_SPEED;
  private lastWallMs = 0;
  private lastSnapshotWallMs = -Infinity;

  constructor(
    private readonly post: (msg: FromSim, transfer: Transferable[]) => void,
    private readonly wallClock: () => number,
  ) {}

  /** Handles one message; any failure is reported, never thrown. */
  handle(msg: ToSim): void {
    this.replyTo = typeof msg.id === 'number' ? msg.id : undefined;
    try {
      this.dispatch(msg);
    } catch (e) {
      this.post(
        {
          type: 'error',
          message: e instanceof Error ? e.message : String(e),
          ...(this.replyTo !== undefined ? { replyTo: this.replyTo } : {}),
        },
        [],
      );
    } finally {
      this.replyTo = undefined;
    }
  }

  private replyTo: number | undefined;

  private dispatch(msg: ToSim): void {
    if (msg.type === 'load') return this.load(msg);
    const sim = this.sim;
    if (!sim) throw new Error('No simulation is loaded yet.');
    switch (msg.type) {
      case 'act': {
        const action = validateAction(msg.action);
        if (!action) throw new Error('That command is not valid.');
        this.forkIfBehind();
        const cmd = sim.command(action);
        cmd.live = true;
        this.live.push({ ...cmd });
        this.sendFrame(false, true);
        return;
      }
      case 'play':
        if (sim.nowMs >= sim.endMs) return this.sendFrame(false, true);
        this.playing = true;
        this.lastWallMs = this.wallClock();
        return this.sendFrame(false, true);
      case 'pause':
        this.playing = false;
        return this.sendFrame(false, true);
      case 'step':
        this.playing = false;
        this.maybeCheckpoint();
        sim.step();
        return this.sendFrame(false, true);
      case 'speed':
        this.speed = clampSpeed(msg.speed);
        return this.sendFrame(false, true);
      case 'seek':
        this.seek(msg.tMs);
        return this.sendFrame(true, true);
      case 'advance':
        this.advanceTo(sim.nowMs + Math.max(0, Math.min(msg.ms, 3_600_000)));
        return this.sendFrame(false, true);
    }
  }

  private load(msg: Extract<ToSim, { type: 'load' }>): void {
    const checked = validateScenario(msg.scenario);
    if (!checked.ok) throw new Error(`Scenario rejected: ${checked.errors.join('; ')}`);
    const scenario = resolveScenario(checked.scenario);
    const commands: TimedCommand[] = [];
    for (const c of msg.commands ?? []) {
      const { atMs: _atMs, live: _live, ...bare } = c;
      const action = validateAction(bare);
      if (action && Number.isFinite(c.atMs) && c.atMs >= 0) {
        commands.push({ ...action, atMs: c.atMs, live: true });
      }
    }
    commands.sort((a, b) => a.atMs - b.atMs);
    this.sim = new Simulation(scenario, this.collector);
    this.live = commands;
    for (const c of commands) this.sim.enqueue({ ...c });
    this.checkpoints = [];
    this.stride = 1;
    this.collector.takeHops();
    this.collector.takeEvents();
    this.speed = clampSpeed(msg.speed ?? this.speed);
    if (msg.atMs && msg.atMs > 0) this.advanceTo(msg.atMs, true);
    else this.maybeCheckpoint();
    this.playing = !!msg.playing;
    this.lastWallMs = this.wallClock();
    this.sendFrame(true, true);
  }

  /** Called by the driver about 60 times a second. */
  tick(): void {
    const sim = this.sim;
    if (!sim || !this.playing) return;
    try {
      const now = this.wallClock();
      const wallMs = tickWallMs(now, this.lastWallMs);
      this.lastWallMs = now;
      this.advanceTo(sim.nowMs + wallMs * this.speed);
      if (sim.nowMs >= sim.endMs) this.playing = false;
      const snapshotDue = now - this.lastSnapshotWallMs >= SNAPSHOT_EVERY_WALL_MS || !this.playing;
      this.sendFrame(false, snapshotDue);
    } catch (e) {
      this.playing = false;
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) }, []);
    }
  }

  /** Runs forward, taking a checkpoint at every CHECKPOINT_EVERY_MS boundary. */
  private advanceTo(tMs: number, quiet = false): void {
    const sim = this.sim!;
    const target = Math.min(tMs, sim.endMs);
    const longJump = target - sim.nowMs > CHECKPOINT_EVERY_MS;
    while (sim.nowMs < target) {
      const nextCp = (Math.floor(sim.nowMs / CHECKPOINT_EVERY_MS) + 1) * CHECKPOINT_EVERY_MS;
      sim.runUntil(Math.min(target, nextCp));
      this.maybeCheckpoint();
      if (sim.nowMs < target) {
        // A long jump: requests that finished a while ago will never be drawn, so do not
        // let them pile up (a seek across a busy run would otherwise hold millions of hops).
        this.collector.dropEndedBefore(sim.nowMs - KEEP_ENDED_HOPS_MS);
        if (quiet) this.collector.takeEvents();
      }
    }
    if (longJump) this.collector.dropEndedBefore(sim.nowMs - KEEP_ENDED_HOPS_MS);
    if (quiet) {
      // After a jump only the requests still travelling matter to the view.
      const hops = this.collector.takeHops(sim.nowMs);
      this.collector.takeEvents();
      this.pendingHops = hops;
    }
  }

  private pendingHops: Float64Array | null = null;

  /** Keeps a copy of the state at every CHECKPOINT_EVERY_MS boundary, taken once. */
  private maybeCheckpoint(): void {
    const sim = this.sim!;
    const now = sim.nowMs;
    if (now % (CHECKPOINT_EVERY_MS * this.stride) !== 0) return;
    if (this.checkpoints.some((c) => c.nowMs === now)) return;
    const cp = sim.checkpoint();
    // Learner commands are replayed from `live`, not from the checkpoint.
    cp.pending = cp.pending.filter((c) => !c.live);
    this.checkpoints.push(cp);
    this.checkpoints.sort((a, b) => a.nowMs - b.nowMs);
    while (this.checkpoints.length > this.checkpointBudget()) {
      this.stride *= 2;
      const every = CHECKPOINT_EVERY_MS * this.stride;
      this.checkpoints = this.checkpoints.filter((c) => c.nowMs % every === 0);
    }
  }

  /**
   * How many checkpoints to keep: MAX_CHECKPOINTS for ordinary runs, fewer for crowds (a
   * checkpoint of 50,000 users is megabytes), never fewer than 4.
   */
  private checkpointBudget(): number {
    const users = this.sim!.state.users.length;
    return Math.max(
      4,
      Math.min(MAX_CHECKPOINTS, Math.floor(CHECKPOINT_USER_BUDGET / Math.max(1, users))),
    );
  }

  private seek(tMs: number): void {
    const sim = this.sim!;
    const target = Math.max(0, Math.min(Number.isFinite(tMs) ? tMs : 0, sim.endMs));
    let cp: SimState | undefined;
    for (const c of this.checkpoints) if (c.nowMs <= target) cp = c;
    if (cp && (target < sim.nowMs || cp.nowMs > sim.nowMs)) {
      sim.restore(cp);
      for (const c of this.live) if (c.atMs >= cp.nowMs) sim.enqueue({ ...c });
    }
    this.advanceTo(target, true);
  }

  /** Acting after seeking back replaces the old future: drop its commands and checkpoints. */
  private forkIfBehind(): void {
    const sim = this.sim!;
    const now = sim.nowMs;
    if (!this.live.some((c) => c.atMs > now)) {
      this.checkpoints = this.checkpoints.filter((c) => c.nowMs <= now);
      return;
    }
    this.live = this.live.filter((c) => c.atMs <= now);
    sim.state.pending = sim.state.pending.filter((c) => !c.live || c.atMs <= now);
    this.checkpoints = this.checkpoints.filter((c) => c.nowMs <= now);
  }

  private sendFrame(reset: boolean, withSnapshot: boolean): void {
    const sim = this.sim!;
    const hops = this.pendingHops ?? this.collector.takeHops();
    this.pendingHops = null;
    const snapshot = withSnapshot
      ? buildSnapshot(
          sim.state,
          this.live,
          this.checkpoints.map((c) => c.nowMs),
        )
      : null;
    if (withSnapshot) this.lastSnapshotWallMs = this.wallClock();
    this.post(
      {
        type: 'frame',
        tMs: sim.nowMs,
        endMs: sim.endMs,
        playing: this.playing,
        speed: this.speed,
        hops,
        events: this.collector.takeEvents(),
        snapshot,
        reset,
        ...(this.replyTo !== undefined ? { replyTo: this.replyTo } : {}),
      },
      [hops.buffer],
    );
  }
}
