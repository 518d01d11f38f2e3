/**
 * The view's store: a mirror of the simulation's latest snapshot plus view-only state
 * (followed user, vocabulary, motion). Built with zustand's vanilla API so it works outside
 * React; components read it through selectors. Requests in flight do not go through here:
 * they go to the HopBuffer, which the dot canvas reads every animation frame.
 */
import { createSeekCoalescer } from './seekCoalescer.ts';
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
  /** Requests awaiting their frame, with the message sent (to send again after a fallback). */
  const waiting = new Map<
    number,
    { resolve: (f: Frame) => void; reject: (e: Error) => void; msg?: ToSim }
  >();

  // The scenario of the run the simulation holds: the last one loaded, by the store's `load`
  // or by a direct request (lessons load their steps that way). A replacement client needs it.
  let loadedScenario: Scenario | null = null;
  // What a replacement client must restore when no snapshot has arrived yet (a fallback
  // before the first frame): the last load as sent, and whether the run should be playing.
  let lastLoad: Extract<ToSim, { type: 'load' }> | null = null;
  let meantPlaying = false;
  const send = (msg: ToSim): void => {
    if (msg.type === 'load') {
      loadedScenario = msg.scenario;
      const { id: _id, ...bare } = msg;
      lastLoad = bare;
      meantPlaying = !!msg.playing;
    } else if (msg.type === 'play') meantPlaying = true;
    else if (msg.type === 'pause' || msg.type === 'step') meantPlaying = false;
    // A timeline drag's last seek goes before any other command, as the learner gave them.
    if (msg.type !== 'seek') seeks.flush();
    client.send(msg);
  };
  /** Sends a message with an id and resolves with the frame that answers it. */
  const requestFrame = (msg: ToSim): Promise<Frame> => {
    const id = nextRequestId++;
    return new Promise<Frame>((resolve, reject) => {
      waiting.set(id, { resolve, reject, msg });
      send({ ...msg, id });
    });
  };
  const seeks = createSeekCoalescer((tMs) => requestFrame({ type: 'seek', tMs }));

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
    spotlight: [],
    actionsHeld: null,
    load(scenario, opts = {}) {
      set({ scenario, log: [], error: null });
      hops.clear();
      send({ type: 'load', scenario, ...opts, speed: opts.speed ?? get().speed });
    },
    setFollowUser: (followUser) => set({ followUser }),
    setVocabulary: (vocabulary) => set({ vocabulary }),
    setLocked: (locked) => set({ locked }),
    setSpotlight: (spotlight) => set({ spotlight }),
    setActionsHeld: (actionsHeld) => set({ actionsHeld }),
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
    request: requestFrame,
    seek: (tMs) => seeks.seek(tMs),
    retimeClock() {
      driveClock(clock, null, now());
    },
    replaceClient(next, reason) {
      unsubscribe();
      client = next;
      unsubscribe = client.subscribe(onMessage);
      // Requests the old client took with it will never be answered there: they are sent
      // again below, after the run is restored, so their callers (a lesson opening its step)
      // get their answer from the new engine instead of an error.
      const unanswered = [...waiting.entries()];
      waiting.clear();
      const s = store.getState();
      store.setState({
        clientKind: next.kind,
        notice: `The simulation moved to the main thread (${reason}). Your run was restored.`,
      });
      const snap = s.snapshot;
      // A load still unanswered replaces the run anyway: it is sent again, not the old run.
      const resendsLoad = unanswered.some(([, w]) => w.msg?.type === 'load');
      if (snap && loadedScenario && !resendsLoad) {
        // Replay the learner's commands to the same moment: nothing is lost.
        send({
          type: 'load',
          scenario: loadedScenario,
          commands: snap.liveCommands,
          atMs: snap.tMs,
          playing: meantPlaying && snap.tMs < snap.endMs,
          speed: s.speed,
        });
      } else if (!snap && lastLoad && !resendsLoad) {
        // No frame came back yet: start the run as it was asked for (and playing if it was).
        send({ ...lastLoad, playing: meantPlaying });
      }
      for (const [id, w] of unanswered) {
        if (!w.msg) {
          w.reject(new Error(`The simulation restarted on the main thread (${reason}).`));
          continue;
        }
        waiting.set(id, w);
        send({ ...w.msg, id });
      }
    },
    dispose() {
      unsubscribe();
      client.dispose();
    },
  };
}
