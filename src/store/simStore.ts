/**
 * The view's session over one simulation client: its store (a mirror of the simulation's
 * latest snapshot plus view-only state, viewStore.ts), the frame intake (frameIntake.ts),
 * request correlation (pendingRequests.ts) and client failover (clientFailover.ts), put
 * together here behind one interface. Requests in flight do not go through the store: they
 * go to the HopBuffer, which the dot canvas reads every animation frame.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Scenario, TimedCommand } from '../sim/index.ts';
import type { Frame, FromSim, ReplayProgress, ToSim } from '../protocol/messages.ts';
import type { Snapshot } from '../protocol/snapshot.ts';
import type { ClientKind, SimClient } from '../client/SimClient.ts';
import { createSeekCoalescer } from './seekCoalescer.ts';
import { HopBuffer } from './hopBuffer.ts';
import { createViewClock, type ViewClock } from './viewClock.ts';
import type { NarrationEntry } from './narration.ts';
import type { Vocabulary } from './vocabulary.ts';
import { createViewStore } from './viewStore.ts';
import { createFrameIntake, type FrameListener } from './frameIntake.ts';
import { PendingRequests } from './pendingRequests.ts';
import { RunMemory, restoreRun } from './clientFailover.ts';

export interface SimViewState {
  clientKind: ClientKind | null;
  ready: boolean;
  /** The last error from the simulation, shown to the learner. */
  error: string | null;
  /** A calm notice (e.g. the worker failed and the run moved to the main thread). */
  notice: string | null;
  /**
   * A replay the engine is working through (a link opening at its time, a seek, a recovery),
   * in simulated ms, or null. Progress comes a few times a second; Cancel stops it.
   */
  replay: Omit<ReplayProgress, 'type'> | null;
  scenario: Scenario | null;
  tMs: number;
  endMs: number;
  playing: boolean;
  speed: number;
  snapshot: Snapshot | null;
  log: NarrationEntry[];
  frames: number;
  followUser: number | null;
  vocabulary: Vocabulary;
  /** Controls a course page hid with `?lock=` (names from LOCKABLE in src/ui/urlOptions.ts). */
  locked: readonly string[];
  /**
   * Parts of the picture a lesson step points at ('users', 'lb', 'servers', 'server:2',
   * 'store', 'db'); the topology outlines them. Empty outside lessons.
   */
  spotlight: readonly string[];
  /**
   * Why the learner's actions on the picture (kill, restart) are held back right now, e.g. a
   * prediction not yet locked in; null when they work.
   */
  actionsHeld: string | null;
}

/**
 * View-only actions. Operations on the run (play, act, seek, …) are not here: they go through
 * the run controller (src/app), which sends them to the simulation.
 */
export interface SimActions {
  load(
    scenario: Scenario,
    opts?: { commands?: TimedCommand[]; atMs?: number; playing?: boolean; speed?: number },
  ): void;
  setFollowUser(userIdx: number | null): void;
  setVocabulary(vocabulary: Vocabulary): void;
  setLocked(locked: readonly string[]): void;
  setSpotlight(spotlight: readonly string[]): void;
  setActionsHeld(reason: string | null): void;
  dismissError(): void;
}

export type SimStoreState = SimViewState & SimActions;
export type SimStore = StoreApi<SimStoreState>;

export interface SimSession {
  store: SimStore;
  hops: HopBuffer;
  clock: ViewClock;
  /** Listens to every frame as it arrives (for the dot layer and announcers). */
  onFrame(listener: (msg: Extract<FromSim, { type: 'frame' }>) => void): () => void;
  /**
   * Sends a message and resolves with the frame that answers it (after the store has taken
   * it in), or rejects with the simulation's error message.
   */
  request(msg: ToSim): Promise<Frame>;
  /**
   * Seeks the run; a burst of seeks (a timeline drag) is coalesced so only the latest waits
   * behind the one in flight.
   */
  seek(tMs: number): void;
  /** Asks the clock's driver to re-read the run's play state (no new frame came). */
  retimeClock(): void;
  /**
   * Stops the replay in progress where it got to (paused, commands kept) and says so in the
   * notice; resolves with the frame at that moment.
   */
  cancelReplay(): Promise<Frame>;
  /** Replaces the client (after a worker failure) and restores the run on it. */
  replaceClient(client: SimClient, reason: string): void;
  dispose(): void;
}

/**
 * Writes the view clock: on every frame, and with `frame` null when the run's play state
 * changed without one. The only code that writes a session's clock.
 */
export type ClockDriver = (clock: ViewClock, frame: Frame | null, wallMs: number) => void;

/** A single run's clock: exactly what the host said in its last frame. */
export const clockFromFrames: ClockDriver = (clock, frame, wallMs) => {
  if (!frame) return;
  clock.frameSimMs = frame.tMs;
  clock.frameWallMs = wallMs;
  clock.playing = frame.playing;
  clock.speed = frame.speed;
};

export function createSimSession(
  initialClient: SimClient,
  now: () => number,
  opts: { driveClock?: ClockDriver } = {},
): SimSession {
  const hops = new HopBuffer();
  const clock = createViewClock();
  const driveClock = opts.driveClock ?? clockFromFrames;
  const frameListeners = new Set<FrameListener>();
  const pending = new PendingRequests();
  const memory = new RunMemory();
  let client = initialClient;

  const send = (msg: ToSim): void => {
    memory.note(msg);
    // A timeline drag's last seek goes before any other command, as the learner gave them.
    if (msg.type !== 'seek') seeks.flush();
    client.send(msg);
  };
  /** Sends a message with an id and resolves with the frame that answers it. */
  const requestFrame = (msg: ToSim): Promise<Frame> => pending.add(msg, send);
  const seeks = createSeekCoalescer((tMs) => requestFrame({ type: 'seek', tMs }));

  const store = createViewStore(client.kind, hops, send);
  const onMessage = createFrameIntake({
    store,
    hops,
    clock,
    driveClock,
    now,
    pending,
    frameListeners,
  });
  let unsubscribe = client.subscribe(onMessage);

  return {
    store,
    hops,
    clock,
    onFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    request: requestFrame,
    seek: (tMs) => seeks.seek(tMs),
    retimeClock() {
      driveClock(clock, null, now());
    },
    cancelReplay: () => requestFrame({ type: 'cancel' }),
    replaceClient(next, reason) {
      unsubscribe();
      client = next;
      unsubscribe = client.subscribe(onMessage);
      store.setState({
        clientKind: next.kind,
        notice: `The simulation moved to the main thread (${reason}). Your run was restored.`,
      });
      restoreRun(store, memory, pending, send, reason);
    },
    dispose() {
      unsubscribe();
      client.dispose();
    },
  };
}
