/**
 * The view's store: a mirror of the simulation's latest snapshot plus view-only state
 * (followed user, vocabulary, motion). Built with zustand's vanilla API so it works outside
 * React; components read it through selectors. Requests in flight do not go through here:
 * they go to the HopBuffer, which the dot canvas reads every animation frame.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario, TimedCommand } from '../sim/index.ts';
import type { Frame, FromSim, ToSim } from '../protocol/messages.ts';
import type { Snapshot } from '../protocol/snapshot.ts';
import type { ClientKind, SimClient } from '../client/SimClient.ts';
import { HopBuffer } from './hopBuffer.ts';
import { createViewClock, type ViewClock } from './viewClock.ts';
import { DEFAULT_SPEED } from '../protocol/speed.ts';
import { narrate, type NarrationEntry } from './narration.ts';
import { SHOP_VOCABULARY, type Vocabulary } from './vocabulary.ts';

const MAX_LOG = 300;

export interface SimViewState {
  clientKind: ClientKind | null;
  ready: boolean;
  /** The last error from the simulation, shown to the learner. */
  error: string | null;
  /** A calm notice (e.g. the worker failed and the run moved to the main thread). */
  notice: string | null;
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
  /** Asks the clock's driver to re-read the run's play state (no new frame came). */
  retimeClock(): void;
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
  const frameListeners = new Set<(msg: Extract<FromSim, { type: 'frame' }>) => void>();
  let client = initialClient;
  let nextLogId = 1;
  let nextRequestId = 1;
  const waiting = new Map<number, { resolve: (f: Frame) => void; reject: (e: Error) => void }>();

  // The scenario of the run the simulation holds: the last one loaded, by the store's `load`
  // or by a direct request (lessons load their steps that way). A replacement client needs it.
  let loadedScenario: Scenario | null = null;
  const send = (msg: ToSim): void => {
    if (msg.type === 'load') loadedScenario = msg.scenario;
    client.send(msg);
  };

  const store = createStore<SimStoreState>()((set, get) => ({
    clientKind: client.kind,
    ready: false,
    error: null,
    notice: null,
    scenario: null,
    tMs: 0,
    endMs: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    snapshot: null,
    log: [],
    frames: 0,
    followUser: null,
    vocabulary: SHOP_VOCABULARY,
    locked: [],
    load(scenario, opts = {}) {
      set({ scenario, log: [], error: null });
      hops.clear();
      send({ type: 'load', scenario, ...opts, speed: opts.speed ?? get().speed });
    },
    setFollowUser: (followUser) => set({ followUser }),
    setVocabulary: (vocabulary) => set({ vocabulary }),
    setLocked: (locked) => set({ locked }),
    dismissError: () => set({ error: null }),
  }));

  const onMessage = (msg: FromSim): void => {
    if (msg.type === 'ready') {
      store.setState({ ready: true });
      return;
    }
    if (msg.type === 'error') {
      const w = msg.replyTo !== undefined ? waiting.get(msg.replyTo) : undefined;
      if (w) {
        waiting.delete(msg.replyTo!);
        w.reject(new Error(msg.message));
      }
      store.setState({ error: msg.message });
      return;
    }
    if (msg.reset) hops.clear();
    hops.add(msg.hops, msg.speed);
    driveClock(clock, msg, now());
    const prev = store.getState();
    const vocab = prev.vocabulary;
    const fresh: NarrationEntry[] = [];
    for (const e of msg.events) {
      const n = narrate(e, vocab);
      if (n) fresh.push({ ...n, id: nextLogId++ });
    }
    const patch: Partial<SimViewState> = { frames: prev.frames + 1 };
    if (fresh.length > 0 || msg.reset) {
      const base = msg.reset ? [] : prev.log;
      patch.log = [...base, ...fresh].slice(-MAX_LOG);
    }
    if (prev.playing !== msg.playing) patch.playing = msg.playing;
    if (prev.speed !== msg.speed) patch.speed = msg.speed;
    if (msg.snapshot) {
      patch.snapshot = msg.snapshot;
      patch.tMs = msg.tMs;
      patch.endMs = msg.endMs;
    }
    store.setState(patch);
    for (const l of frameListeners) l(msg);
    const w = msg.replyTo !== undefined ? waiting.get(msg.replyTo) : undefined;
    if (w) {
      waiting.delete(msg.replyTo!);
      w.resolve(msg);
    }
  };

  let unsubscribe = client.subscribe(onMessage);

  return {
    store,
    hops,
    clock,
    onFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    request(msg) {
      const id = nextRequestId++;
      return new Promise<Frame>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        send({ ...msg, id });
      });
    },
    retimeClock() {
      driveClock(clock, null, now());
    },
    replaceClient(next, reason) {
      unsubscribe();
      client = next;
      unsubscribe = client.subscribe(onMessage);
      // Requests the old client took with it will never be answered: say so to their callers
      // instead of leaving them waiting (a lesson step opening would stay busy for ever).
      for (const w of waiting.values()) {
        w.reject(new Error(`The simulation restarted on the main thread (${reason}).`));
      }
      waiting.clear();
      const s = store.getState();
      store.setState({
        clientKind: next.kind,
        notice: `The simulation moved to the main thread (${reason}). Your run was restored.`,
      });
      if (loadedScenario) {
        // Replay the learner's commands to the same moment: nothing is lost.
        send({
          type: 'load',
          scenario: loadedScenario,
          commands: s.snapshot?.liveCommands ?? [],
          atMs: s.snapshot?.tMs ?? 0,
          playing: s.playing,
          speed: s.speed,
        });
      }
    },
    dispose() {
      unsubscribe();
      client.dispose();
    },
  };
}
