/**
 * The simulation host: owns one Simulation, its command log and checkpoints, and turns wall
 * time into simulated time while playing. The Web Worker and the in-thread client both run
 * this same class, so they behave identically; only how messages travel differs.
 */
import {
  LIMITS,
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
import {
  DEFAULT_SPEED,
  MAX_SPEED,
  MAX_TICK_WALL_MS,
  clampSpeed,
  tickWallMs,
} from '../protocol/speed.ts';
import { buildSnapshot } from './buildSnapshot.ts';
import { CHECKPOINT_EVERY_MS, checkpointBudget, strideForJump } from './checkpointPolicy.ts';

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

/** A replay in progress: simulated time still to run, done in slices by `work`. */
interface ReplayJob {
  kind: 'load' | 'seek' | 'advance';
  fromMs: number;
  targetMs: number;
  /** Only the state at the end matters: events and finished hops are dropped on the way. */
  quiet: boolean;
  longJump: boolean;
  /** The `id` of the message that started it, answered when it ends. */
  replyTo: number | undefined;
  /** Simulated ms run between two looks at the wall clock (adapts to the run's weight). */
  chunkMs: number;
  /** Sends the answering frame (the job's own ending: playing state, reset). */
  finish: () => void;
}

/** Messages answered from the queue behind a replay that Cancel drops (they would replay). */
const DROPPED_ON_CANCEL: readonly ToSim['type'][] = ['seek', 'advance'];
/**
 * Jumps of at most this many simulated ms run unsliced, like a playing tick (100 ms of wall
 * time at the top speed of 20): lock-step advances in compare mode stay immediate.
 */
const SHORT_JUMP_MS = MAX_SPEED * MAX_TICK_WALL_MS;
/** Simulated ms of a sliced replay's first chunk (later ones follow the measured pace). */
const FIRST_CHUNK_MS = 50;
/** Wall ms between two progress messages during a replay. */
const PROGRESS_EVERY_WALL_MS = 100;

export class SimHost {
  private sim: Simulation | null = null;
  private collector = new Collector();
  private live: TimedCommand[] = [];
  /** Timed actions of the loaded scenario itself (they count toward LIMITS.timelineEntries). */
  private authoredEntries = 0;
  private checkpoints: SimState[] = [];
  /** Keep a checkpoint only at every `stride`-th boundary (doubles as the run grows). */
  private stride = 1;
  private playing = false;
  private speed = DEFAULT_SPEED;
  private lastWallMs = 0;
  private lastSnapshotWallMs = -Infinity;
  private job: ReplayJob | null = null;
  /** Messages that arrived during a replay, handled in order when it ends. */
  private queue: ToSim[] = [];
  private lastProgressWallMs = -Infinity;

  /**
   * `sliceMs`: wall milliseconds of replay work between two returns to the caller's event
   * loop (see `work`). The first slice runs inside `handle`, so a short replay still answers
   * at once.
   */
  constructor(
    private readonly post: (msg: FromSim, transfer: Transferable[]) => void,
    private readonly wallClock: () => number,
    private readonly sliceMs = Infinity,
  ) {}

  /** True while a replay is unfinished or messages wait behind it: call `work` again soon. */
  busy(): boolean {
    return this.job !== null || this.queue.length > 0;
  }

  /** Handles one message; any failure is reported, never thrown. */
  handle(msg: ToSim): void {
    if (msg.type === 'cancel') return this.cancel(msg.id);
    if (this.busy()) {
      this.queue.push(msg);
      return;
    }
    this.handleNow(msg);
  }

  /**
   * Runs the replay in progress for about `budgetMs` of wall time (then the messages that
   * waited behind it, until one starts another replay). Drivers call it while `busy()`,
   * returning to their event loop in between, so the page keeps drawing and Cancel is heard.
   */
  work(budgetMs = this.sliceMs): void {
    if (this.job) {
      if (!this.runJob(budgetMs)) return;
    }
    while (!this.job && this.queue.length > 0) this.handleNow(this.queue.shift()!);
  }

  private handleNow(msg: ToSim): void {
    this.replyTo = typeof msg.id === 'number' ? msg.id : undefined;
    try {
      this.dispatch(msg);
    } catch (e) {
      this.postError(e, this.replyTo);
    } finally {
      this.replyTo = undefined;
    }
  }

  private postError(e: unknown, replyTo: number | undefined): void {
    this.post(
      {
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
        ...(replyTo !== undefined ? { replyTo } : {}),
      },
      [],
    );
  }

  private replyTo: number | undefined;

  private dispatch(msg: ToSim): void {
    if (msg.type === 'load') return this.load(msg);
    if (msg.type === 'cancel') return;
    const sim = this.sim;
    if (!sim) throw new Error('No simulation is loaded yet.');
    switch (msg.type) {
      case 'act': {
        const action = validateAction(msg.action);
        if (!action) throw new Error('That command is not valid.');
        this.forkIfBehind();
        if (this.authoredEntries + this.live.length >= LIMITS.timelineEntries) {
          throw new Error(
            `This run already holds ${LIMITS.timelineEntries.toLocaleString('en')} timed actions, ` +
              'the most a run (and its scenario file) may have. Reset the run to go on.',
          );
        }
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
        return this.seek(msg.tMs);
      case 'advance':
        return this.startJob(
          'advance',
          sim.nowMs + Math.max(0, Math.min(msg.ms, 3_600_000)),
          false,
          () => this.sendFrame(false, true),
        );
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
    if (scenario.timeline.length + commands.length > LIMITS.timelineEntries) {
      throw new Error(
        `Scenario rejected: its timeline and commands exceed ${LIMITS.timelineEntries} timed actions.`,
      );
    }
    this.authoredEntries = scenario.timeline.length;
    this.sim = new Simulation(scenario, this.collector);
    this.live = commands;
    for (const c of commands) this.sim.enqueue({ ...c });
    this.checkpoints = [];
    this.stride = 1;
    this.collector.takeHops();
    this.collector.takeEvents();
    this.speed = clampSpeed(msg.speed ?? this.speed);
    this.playing = false;
    const opened = (): void => {
      this.playing = !!msg.playing;
      this.lastWallMs = this.wallClock();
      this.sendFrame(true, true);
    };
    if (msg.atMs && msg.atMs > 0) return this.startJob('load', msg.atMs, true, opened);
    this.maybeCheckpoint();
    opened();
  }

  /** Called by the driver about 60 times a second. */
  tick(): void {
    const sim = this.sim;
    if (!sim || !this.playing || this.job) return;
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

  /** Runs forward at once (a playing tick: a few simulated ms to seconds). */
  private advanceTo(tMs: number): void {
    const job = this.newJob('advance', tMs, false, () => undefined);
    this.runSteps(job, Infinity);
    this.endSteps(job);
  }

  private newJob(
    kind: ReplayJob['kind'],
    tMs: number,
    quiet: boolean,
    finish: () => void,
  ): ReplayJob {
    const sim = this.sim!;
    const targetMs = Math.min(tMs, sim.endMs);
    const longJump = targetMs - sim.nowMs > CHECKPOINT_EVERY_MS;
    if (longJump) {
      // Take only the checkpoints that will still be kept at the end of the jump.
      const budget = checkpointBudget(sim.state.users.length);
      const kept = this.checkpoints.map((c) => c.nowMs);
      const stride = strideForJump(kept, this.stride, sim.nowMs, targetMs, budget);
      if (stride !== this.stride) this.thinCheckpoints(stride);
    }
    return {
      kind,
      fromMs: sim.nowMs,
      targetMs,
      quiet,
      longJump,
      replyTo: this.replyTo,
      chunkMs: FIRST_CHUNK_MS,
      finish,
    };
  }

  /** Starts a replay and runs its first slice; a short one is answered at once. */
  private startJob(kind: ReplayJob['kind'], tMs: number, quiet: boolean, finish: () => void): void {
    this.job = this.newJob(kind, tMs, quiet, finish);
    this.lastProgressWallMs = this.wallClock();
    // A short jump (no longer than a playing tick may run) is answered at once, as a tick.
    const short = this.job.targetMs - this.job.fromMs <= SHORT_JUMP_MS;
    this.runJob(short ? Infinity : this.sliceMs);
  }

  /** Runs the job for up to `budgetMs`; true when it ended (answered or failed). */
  private runJob(budgetMs: number): boolean {
    const job = this.job!;
    try {
      if (!this.runSteps(job, budgetMs)) {
        this.postProgress(job);
        return false;
      }
      this.job = null;
      this.endSteps(job);
      this.replyTo = job.replyTo;
      job.finish();
    } catch (e) {
      this.job = null;
      this.playing = false;
      this.postError(e, job.replyTo);
    } finally {
      this.replyTo = undefined;
    }
    return true;
  }

  /**
   * Runs simulated time toward the job's target, taking a checkpoint at every boundary the
   * stride keeps, for up to `budgetMs` of wall time. True when the target is reached. The run
   * is cut into chunks of simulated time (sized so one takes about a tenth of the budget);
   * where it is cut does not change what happens (a command stamped `atMs` is applied before
   * every event at `atMs` either way), so the event-log hash is the same as in one go.
   */
  private runSteps(job: ReplayJob, budgetMs: number): boolean {
    const sim = this.sim!;
    const sliced = Number.isFinite(budgetMs);
    const started = sliced ? this.wallClock() : 0;
    while (sim.nowMs < job.targetMs) {
      const nextCp = (Math.floor(sim.nowMs / CHECKPOINT_EVERY_MS) + 1) * CHECKPOINT_EVERY_MS;
      const stop = Math.min(job.targetMs, nextCp, sliced ? sim.nowMs + job.chunkMs : Infinity);
      const chunkStart = sliced ? this.wallClock() : 0;
      const chunkFrom = sim.nowMs;
      sim.runUntil(stop);
      const atBoundary = sim.nowMs === nextCp;
      if (atBoundary) this.maybeCheckpoint();
      if (!sliced) {
        if (sim.nowMs < job.targetMs) this.dropPassed(job);
        continue;
      }
      const now = this.wallClock();
      // Aim each chunk at an eighth of the budget, from the pace of the last one (growing
      // at most twofold, as the run's load can change quickly: a crash, a TTL sweep).
      const took = Math.max(0.05, now - chunkStart);
      const aim = ((stop - chunkFrom) / took) * (budgetMs / 8);
      job.chunkMs = Math.max(1, Math.min(CHECKPOINT_EVERY_MS, job.chunkMs * 2, aim));
      const outOfTime = now - started >= budgetMs;
      if (sim.nowMs < job.targetMs && (atBoundary || outOfTime)) this.dropPassed(job);
      if (outOfTime && sim.nowMs < job.targetMs) return false;
    }
    return true;
  }

  /**
   * A long jump: requests that finished a while ago will never be drawn, so do not let them
   * pile up (a seek across a busy run would otherwise hold millions of hops).
   */
  private dropPassed(job: ReplayJob): void {
    this.collector.dropEndedBefore(this.sim!.nowMs - KEEP_ENDED_HOPS_MS);
    if (job.quiet) this.collector.takeEvents();
  }

  private endSteps(job: ReplayJob): void {
    const sim = this.sim!;
    if (job.longJump) this.collector.dropEndedBefore(sim.nowMs - KEEP_ENDED_HOPS_MS);
    if (job.quiet) {
      // After a jump only the requests still travelling matter to the view.
      const hops = this.collector.takeHops(sim.nowMs);
      this.collector.takeEvents();
      this.pendingHops = hops;
    }
  }

  private postProgress(job: ReplayJob): void {
    const now = this.wallClock();
    if (now - this.lastProgressWallMs < PROGRESS_EVERY_WALL_MS) return;
    this.lastProgressWallMs = now;
    this.post(
      {
        type: 'progress',
        kind: job.kind,
        fromMs: job.fromMs,
        doneMs: this.sim!.nowMs,
        targetMs: job.targetMs,
      },
      [],
    );
  }

  /**
   * Cancel: the replay in progress stops where it got to (a consistent state: everything
   * before that moment ran, the learner's later commands are still in the log), paused. Its
   * request, the cancel itself and the seeks and advances queued behind it are answered with
   * that frame, marked `cancelled`; other queued messages still run, in order.
   */
  private cancel(id: number | undefined): void {
    const job = this.job;
    if (!job) {
      if (this.sim) this.answer(id);
      return;
    }
    this.job = null;
    this.endSteps(job);
    this.playing = false;
    const answered = [job.replyTo, id];
    this.queue = this.queue.filter((m) => {
      if (!DROPPED_ON_CANCEL.includes(m.type)) return true;
      answered.push(m.id);
      return false;
    });
    const ids = answered.filter((x): x is number => typeof x === 'number');
    if (ids.length === 0) this.answer(undefined, true, true);
    ids.forEach((other, i) => this.answer(other, i === 0, true));
    this.work(0);
  }

  /** Sends a frame with a snapshot answering `id`. */
  private answer(id: number | undefined, reset = false, cancelled = false): void {
    this.replyTo = id;
    this.sendFrame(reset, true, cancelled);
    this.replyTo = undefined;
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
    const budget = checkpointBudget(sim.state.users.length);
    while (this.checkpoints.length > budget) this.thinCheckpoints(this.stride * 2);
  }

  /** Keeps only the checkpoints at multiples of the new stride. */
  private thinCheckpoints(stride: number): void {
    this.stride = stride;
    const every = CHECKPOINT_EVERY_MS * stride;
    this.checkpoints = this.checkpoints.filter((c) => c.nowMs % every === 0);
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
    this.startJob('seek', target, true, () => this.sendFrame(true, true));
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

  private sendFrame(reset: boolean, withSnapshot: boolean, cancelled = false): void {
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
        ...(cancelled ? { cancelled: true } : {}),
        ...(this.replyTo !== undefined ? { replyTo: this.replyTo } : {}),
      },
      [hops.buffer],
    );
  }
}
