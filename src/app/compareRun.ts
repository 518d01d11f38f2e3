/**
 * The shared clock of Compare mode: two or three simulation sessions (one per architecture,
 * each in its own worker) kept in lock-step in simulated time.
 *
 * The hosts never free-run. While playing, one loop on the main thread turns wall time into
 * simulated time (Δsim = Δwall × speed, at most MAX_TICK_WALL_MS of wall time per tick) and
 * sends the same `advance` to every pane, waiting for all replies before the next one. Every
 * other operation (a fault, a seek, a step, a load) goes through the same queue, so it lands
 * between two ticks, when every pane stands at the same simulated instant: a fault is stamped
 * with the same `atMs` everywhere. Given the same seed, the runs are then exactly the ones the
 * headless core gives for the same scenario and command log.
 *
 * Ticks come about 30 times a second, not every animation frame: each `advance` is answered
 * with a full snapshot, which costs the worker far more than the simulation step itself.
 * The dots still move every frame: the hosts report `playing: false` (they are paused between
 * advances), so after every frame the view clock the dot canvas reads is told the truth, and
 * is set one tick *behind* the simulation. The canvas extrapolates from there at the current
 * speed, and so never runs ahead of the requests the panes have already reported.
 *
 * Snapshots feed React (topology nodes, counters), which is the costly part of a frame. While
 * playing, every SAMPLE_EVERY_TICKS-th tick is a sample: the outcomes of all panes at that one
 * instant go to the table and the charts. Each pane's own store gets a snapshot on a tick of
 * its own, staggered between samples, so the panes' pictures never re-render in the same
 * frame. Discrete operations (a fault, a seek, a pause) update everything at once.
 *
 * This is a RunController: the controls, the Kill buttons on the panes' topology nodes and
 * the follow-a-user avatars all reach it through that interface, so a fault given in any pane
 * happens in all. Each pane's view clock has one writer, this file's clock driver; the pane
 * stores keep only what their frames say.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Action, Architecture, Outcome, Scenario, TimedCommand } from '../sim/index.ts';
import type { Frame } from '../protocol/messages.ts';
import type { Snapshot } from '../protocol/snapshot.ts';
import type { SimClient } from '../client/SimClient.ts';
import { createSimSession, type SimSession } from '../store/simStore.ts';
import type { ViewClock } from '../store/viewClock.ts';
import { MetricHistory } from '../store/history.ts';
import { viewTimeMs } from '../store/viewClock.ts';
import { DEFAULT_SPEED, clampSpeed, tickWallMs } from '../protocol/speed.ts';
import { paneScenario } from './compareSetup.ts';
import { SnapshotGate } from './snapshotGate.ts';
import { describeFault } from './commands.ts';
import { plannedCommands, type RunController, type RunState } from './runController.ts';
import { withSeed, type ScenarioEdit } from './scenarioEdits.ts';

/** Wall time between ticks while playing (about every second animation frame). */
export const TICK_EVERY_WALL_MS = 30;
/** How far the dots are drawn behind the panes' simulated time, in wall ms at the speed. */
const VIEW_LAG_WALL_MS = 34;
/** While playing: ticks between samples (table, charts), and between a pane's snapshots. */
export const SAMPLE_EVERY_TICKS = 10;
/** What Step moves every pane forward by, in simulated ms. */
export const STEP_SIM_MS = 100;

export interface ComparePane {
  arch: Architecture;
  session: SimSession;
  gate: SnapshotGate;
  /** Counters sampled at the same simulated instants in every pane (for overlaid charts). */
  history: MetricHistory;
}

/** The run's state (tMs: the panes' common time, at snapshot rate while playing), plus: */
export interface CompareState extends RunState {
  /** Bumped whenever the pane histories change. */
  historyVersion: number;
  /** Every pane's outcome at one simulated instant (`sampleTMs`), in pane order. */
  outcomes: Outcome[] | null;
  sampleTMs: number;
}

export interface CompareDeps {
  /** A client for one pane; `onFallback` is called if its worker fails. */
  createClient(onFallback: (client: SimClient, reason: string) => void): SimClient;
  now(): number;
  requestFrame(cb: (wallMs: number) => void): number;
  cancelFrame(id: number): void;
}

export class CompareController implements RunController {
  readonly kind = 'compare';
  readonly stepHint = `Pause and move every pane ${STEP_SIM_MS} ms of simulated time forward`;
  readonly panes: ComparePane[];
  readonly state: StoreApi<CompareState>;
  private readonly deps: CompareDeps;
  private queue: Promise<void> = Promise.resolve();
  private raf = 0;
  private ticking = false;
  private lastWallMs = 0;
  private tickCount = 0;
  private seekTarget: number | null = null;
  private disposed = false;
  private readonly stops: (() => void)[] = [];

  constructor(archs: readonly Architecture[], deps: CompareDeps, speed = DEFAULT_SPEED) {
    this.deps = deps;
    this.state = createStore<CompareState>()(() => ({
      loaded: false,
      playing: false,
      speed: clampSpeed(speed),
      tMs: 0,
      endMs: 0,
      scenario: null,
      liveCommands: [],
      plannedCommands: [],
      checkpointsMs: [],
      error: null,
      announcement: '',
      historyVersion: 0,
      outcomes: null,
      sampleTMs: 0,
    }));
    this.panes = archs.map((arch) => this.createPane(arch));
    this.sessions = this.panes.map((p) => p.session);
  }

  readonly sessions: readonly SimSession[];

  private createPane(arch: Architecture): ComparePane {
    const gate = new SnapshotGate();
    let session: SimSession | null = null;
    const client = this.deps.createClient((fallback, reason) => {
      if (!session || this.disposed) return;
      session.replaceClient(gate.wrap(fallback), reason);
      // The replacement replayed the run to the pane's last snapshot; bring it to the others.
      const s = session;
      void this.enqueue(async () => {
        await s.request({ type: 'seek', tMs: this.state.getState().tMs });
      });
    });
    // The hosts say "paused" (they only move on `advance`); while the shared clock plays, the
    // dots glide, a tick behind the simulation (see the header), never stepping back.
    let anchor = { simMs: 0, wallMs: 0, playing: false };
    const driveClock = (clock: ViewClock, frame: Frame | null, wallMs: number): void => {
      const { playing, speed } = this.state.getState();
      if (!frame) {
        // Play or pause of the shared clock: the dots start or stop where they are.
        clock.playing = playing;
        return;
      }
      clock.frameWallMs = wallMs;
      clock.speed = frame.speed;
      clock.playing = playing;
      if (!playing || frame.reset) {
        clock.frameSimMs = frame.tMs;
        anchor = { simMs: frame.tMs, wallMs, playing: false };
        return;
      }
      // Where the dots were until now; after a pause they start a tick behind, from rest.
      const shown = anchor.playing
        ? viewTimeMs(
            { frameSimMs: anchor.simMs, frameWallMs: anchor.wallMs, playing: true, speed },
            wallMs,
          )
        : anchor.simMs;
      const simMs = Math.min(frame.tMs, Math.max(frame.tMs - VIEW_LAG_WALL_MS * speed, shown));
      clock.frameSimMs = simMs;
      anchor = { simMs, wallMs, playing: true };
    };
    session = createSimSession(gate.wrap(client), () => this.deps.now(), { driveClock });
    const pane: ComparePane = { arch, session, gate, history: new MetricHistory() };
    return pane;
  }

  /** Runs `op` after everything queued before it; failures pause the run and show. */
  private enqueue(op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.disposed) return;
      try {
        await op();
      } catch (e) {
        this.stopLoop();
        this.state.setState({
          playing: false,
          error: e instanceof Error ? e.message : String(e),
        });
        this.syncClocks();
      }
    });
    this.queue = next;
    return next;
  }

  private all(msg: Parameters<SimSession['request']>[0]): Promise<Frame[]> {
    return Promise.all(this.panes.map((p) => p.session.request(msg)));
  }

  /**
   * Takes in the replies of one operation: time, commands, the end of the run, and, when
   * `snaps` is given (one snapshot per pane, at the frames' instant), a sample for the table
   * and the charts.
   */
  private settle(
    frames: Frame[],
    snaps: (Snapshot | null)[] | null,
    opts: { rewind?: boolean } = {},
  ): void {
    const tMs = frames[0]!.tMs;
    if (frames.some((f) => f.tMs !== tMs)) {
      throw new Error(
        `The panes fell out of step (${frames.map((f) => f.tMs.toFixed(1)).join(' / ')} ms).`,
      );
    }
    const s = this.state.getState();
    const patch: Partial<CompareState> = {};
    if (opts.rewind) for (const p of this.panes) p.history.rewindTo(tMs);
    if (snaps && snaps.every((x) => x !== null)) {
      snaps.forEach((x, i) => this.panes[i]!.history.record(x!.tMs, x!.outcome));
      patch.historyVersion = s.historyVersion + 1;
      patch.outcomes = snaps.map((x) => x!.outcome);
      patch.sampleTMs = tMs;
      patch.liveCommands = snaps[0]!.liveCommands;
      patch.checkpointsMs = snaps[0]!.checkpointsMs;
    } else if (opts.rewind) {
      patch.historyVersion = s.historyVersion + 1;
    }
    const ended = tMs >= frames[0]!.endMs;
    if (ended && s.playing) {
      patch.playing = false;
      this.stopLoop();
    }
    if (snaps || ended || !s.playing) {
      patch.tMs = tMs;
      patch.endMs = frames[0]!.endMs;
    }
    this.state.setState(patch);
    if (patch.playing === false) this.syncClocks();
  }

  /** Sends `msg` to every pane with snapshots let through to every pane's store. */
  private async allShown(msg: Parameters<SimSession['request']>[0]): Promise<{
    frames: Frame[];
    snaps: (Snapshot | null)[];
  }> {
    for (const p of this.panes) p.gate.pass = true;
    const frames = await this.all(msg);
    return { frames, snaps: frames.map((f) => f.snapshot) };
  }

  /** Play and pause change no frame: tell the panes' clocks (through their one writer). */
  private syncClocks(): void {
    for (const p of this.panes) p.session.retimeClock();
  }

  // ---------------------------------------------------------------- operations

  /**
   * Loads the base scenario into every pane (each with its own architecture), at 0 s, with
   * the learner's `commands` (a comparison link's faults) to happen at their simulated times.
   */
  load(
    base: Scenario,
    opts: { playing?: boolean; commands?: readonly TimedCommand[] } = {},
  ): Promise<void> {
    void this.pause();
    const commands = (opts.commands ?? []).map((c) => ({ ...c }));
    return this.enqueue(async () => {
      const speed = this.state.getState().speed;
      for (const p of this.panes) {
        p.gate.pass = true;
        p.history.clear();
        p.session.hops.clear();
        p.session.store.setState({ scenario: paneScenario(base, p.arch), log: [], error: null });
      }
      const frames = await Promise.all(
        this.panes.map((p) =>
          p.session.request({
            type: 'load',
            scenario: paneScenario(base, p.arch),
            playing: false,
            speed,
            ...(commands.length > 0 ? { commands } : {}),
          }),
        ),
      );
      this.state.setState({
        loaded: true,
        scenario: base,
        plannedCommands: plannedCommands(base),
        liveCommands: frames[0]!.snapshot?.liveCommands ?? [],
        checkpointsMs: [],
        error: null,
        announcement: '',
      });
      this.settle(
        frames,
        frames.map((f) => f.snapshot),
      );
      if (opts.playing) void this.play();
    });
  }

  play(): Promise<void> {
    const s = this.state.getState();
    if (this.disposed || !s.loaded || s.playing || s.tMs >= s.endMs) return Promise.resolve();
    this.state.setState({ playing: true });
    this.syncClocks();
    this.lastWallMs = this.deps.now();
    this.raf = this.deps.requestFrame(this.frame);
    return Promise.resolve();
  }

  pause(): Promise<void> {
    this.stopLoop();
    if (!this.state.getState().playing) return this.queue;
    this.state.setState({ playing: false });
    this.syncClocks();
    // The last ticks carried no snapshot: fetch one, so the counters show where time stopped.
    return this.enqueue(() => this.advanceAll(0));
  }

  /** Pauses, then moves every pane forward by STEP_SIM_MS of simulated time. */
  step(): Promise<void> {
    void this.pause();
    return this.advance(STEP_SIM_MS);
  }

  /** Moves every pane forward by exactly `ms` of simulated time (steps, tests). */
  advance(ms: number): Promise<void> {
    return this.enqueue(() => this.advanceAll(ms));
  }

  setSpeed(speed: number): Promise<void> {
    const v = clampSpeed(speed);
    this.state.setState({ speed: v });
    return Promise.all(this.panes.map((p) => p.session.request({ type: 'speed', speed: v }))).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Moves every pane to `tMs`; quick successive seeks (a dragged slider) collapse into one. */
  seek(tMs: number): Promise<void> {
    const queued = this.seekTarget !== null;
    this.seekTarget = tMs;
    if (queued) return this.queue;
    return this.enqueue(async () => {
      const target = this.seekTarget ?? tMs;
      this.seekTarget = null;
      const { frames, snaps } = await this.allShown({ type: 'seek', tMs: target });
      this.lastWallMs = this.deps.now();
      this.settle(frames, snaps, { rewind: true });
    });
  }

  /** Applies a fault or change in every pane at the same simulated instant. */
  act(action: Action): Promise<void> {
    return this.enqueue(async () => {
      const { frames, snaps } = await this.allShown({ type: 'act', action });
      this.settle(frames, snaps);
      const at = (frames[0]!.tMs / 1000).toFixed(1);
      this.state.setState({ announcement: `${describeFault(action)} in every pane at ${at} s.` });
    });
  }

  /** Only the seed can change while comparing; the setup bar changes the rest (a new run). */
  reload(edit: ScenarioEdit): Promise<void> {
    const { scenario, playing } = this.state.getState();
    if (!scenario || edit.seed === undefined) return Promise.resolve();
    return this.load(withSeed(scenario, edit.seed), { playing });
  }

  follow(userIdx: number | null): void {
    for (const p of this.panes) p.session.store.getState().setFollowUser(userIdx);
  }

  dismissError(): void {
    this.state.setState({ error: null });
  }

  /** Waits until every queued operation has finished (tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.disposed = true;
    this.stopLoop();
    for (const stop of this.stops) stop();
    for (const p of this.panes) p.session.dispose();
  }

  // ---------------------------------------------------------------- the loop

  private stopLoop(): void {
    if (this.raf) this.deps.cancelFrame(this.raf);
    this.raf = 0;
  }

  private readonly frame = (): void => {
    this.raf = 0;
    if (this.disposed || !this.state.getState().playing) return;
    this.raf = this.deps.requestFrame(this.frame);
    // One tick at a time: while the panes are busy, wall time piles up for the next one.
    const now = this.deps.now();
    if (this.ticking || now - this.lastWallMs < TICK_EVERY_WALL_MS) return;
    const wallMs = tickWallMs(now, this.lastWallMs);
    const ms = wallMs * this.state.getState().speed;
    if (ms <= 0) return;
    this.lastWallMs = now;
    this.ticking = true;
    const tick = this.tickCount++;
    void this.enqueue(async () => {
      // A pause between this tick's scheduling and its turn in the queue wins.
      if (this.state.getState().playing) await this.advanceTick(ms, tick);
    }).finally(() => {
      this.ticking = false;
    });
  };

  /** Moves every pane by `ms`, with every snapshot shown (steps, pauses, tests). */
  private async advanceAll(ms: number): Promise<void> {
    const { frames, snaps } = await this.allShown({ type: 'advance', ms });
    this.settle(frames, snaps);
  }

  /** One tick of the playing loop: samples, and each pane's snapshot on its own tick. */
  private async advanceTick(ms: number, tick: number): Promise<void> {
    const n = this.panes.length;
    const phase = tick % SAMPLE_EVERY_TICKS;
    this.panes.forEach((p, i) => {
      p.gate.pass = phase === Math.floor((i * SAMPLE_EVERY_TICKS) / n);
    });
    let frames: Frame[];
    try {
      frames = await this.all({ type: 'advance', ms });
    } finally {
      for (const p of this.panes) p.gate.pass = true;
    }
    const snaps = phase === 0 ? frames.map((f, i) => f.snapshot ?? this.panes[i]!.gate.held) : null;
    this.settle(frames, snaps);
  }
}
