/**
 * The wire between the view and the simulation. Everything a user, a lesson or a test can do
 * to a run is a `ToSim` message; everything the view shows comes back as `FromSim` frames.
 */
import type { Action, Scenario, SimEvent, TimedCommand } from '../sim/index.ts';
import type { Snapshot } from './snapshot.ts';

/** Numbers per hop in `Frame.hops` (the layout is in hops.ts). */
export { HOP_STRIDE } from './hops.ts';

export type ToSim = ToSimBody & {
  /** Optional request id, echoed as `replyTo` by the frame that answers this message. */
  id?: number;
};

type ToSimBody =
  /** Starts a run: the scenario plus live commands to replay, then seeks to `atMs`. */
  | {
      type: 'load';
      scenario: Scenario;
      commands?: TimedCommand[];
      atMs?: number;
      playing?: boolean;
      speed?: number;
    }
  /** Applies an action at the current simulated time (and records it). */
  | { type: 'act'; action: Action }
  | { type: 'play' }
  | { type: 'pause' }
  /** Processes exactly one simulation event. */
  | { type: 'step' }
  /** Simulated milliseconds per wall-clock millisecond. */
  | { type: 'speed'; speed: number }
  /** Moves to simulated time `tMs` (back or forward), using checkpoints. */
  | { type: 'seek'; tMs: number }
  /** Advances simulated time by `ms` at once, deterministically (tests, lessons). */
  | { type: 'advance'; ms: number }
  /**
   * Stops the replay in progress (a load at a time, a seek, an advance) where it got to,
   * paused; its frame comes back with `cancelled`. Without a replay, just answers.
   */
  | { type: 'cancel' };

export interface Frame {
  type: 'frame';
  /** Simulated time at the end of this frame. */
  tMs: number;
  endMs: number;
  playing: boolean;
  speed: number;
  /** Hops that started since the last frame, HOP_STRIDE numbers each. */
  hops: Float64Array;
  /** Narratable events since the last frame. */
  events: SimEvent[];
  /** Present a few times a second, and after every discrete change. */
  snapshot: Snapshot | null;
  /** True when this frame follows a jump in time (load, seek): drop old dots. */
  reset: boolean;
  /** The `id` of the message this frame answers, if it had one. */
  replyTo?: number;
  /** This frame ends a replay that was cancelled before its target (see `cancel`). */
  cancelled?: boolean;
}

/**
 * A replay's progress, a few times a second while it runs (simulated ms: it started at
 * `fromMs`, has reached `doneMs` and goes to `targetMs`). Its frame follows when it ends.
 */
export interface ReplayProgress {
  type: 'progress';
  kind: 'load' | 'seek' | 'advance';
  fromMs: number;
  doneMs: number;
  targetMs: number;
}

export type FromSim =
  { type: 'ready' } | Frame | ReplayProgress | { type: 'error'; message: string; replyTo?: number };

/**
 * The worker's pulse, between the Web Worker and its client only (never passed on): `alive`
 * about once a second and after each message it handled, `busy` before a message that may
 * take long (a load with a replay, a seek, an advance). A worker that stays silent longer
 * than its budget has hung or closed itself, and the client recovers in-thread.
 */
export type WorkerPulse = { type: 'alive' } | { type: 'busy' };

/** Messages that may keep the engine busy for seconds (they replay simulated time). */
export const LONG_MESSAGES: readonly ToSim['type'][] = ['load', 'seek', 'advance'];
