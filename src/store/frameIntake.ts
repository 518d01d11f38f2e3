/**
 * Frame intake: turns each message from the simulation into the session's state. Hops go to
 * the HopBuffer, times to the view clock (through the session's clock driver), events to the
 * narration log, snapshots to the store; then frame listeners run and the request the frame
 * answers is settled. A long replay's progress messages go to the store's `replay`.
 */
import type { FromSim } from '../protocol/messages.ts';
import type { HopBuffer } from './hopBuffer.ts';
import type { ViewClock } from './viewClock.ts';
import { narrate, type NarrationEntry } from './narration.ts';
import type { PendingRequests } from './pendingRequests.ts';
import type { ClockDriver, SimStore, SimViewState } from './simStore.ts';

const MAX_LOG = 300;

export type FrameListener = (msg: Extract<FromSim, { type: 'frame' }>) => void;

export interface FrameIntakeDeps {
  store: SimStore;
  hops: HopBuffer;
  clock: ViewClock;
  driveClock: ClockDriver;
  now: () => number;
  pending: PendingRequests;
  frameListeners: ReadonlySet<FrameListener>;
}

export function createFrameIntake(d: FrameIntakeDeps): (msg: FromSim) => void {
  let nextLogId = 1;
  return (msg) => {
    if (msg.type === 'ready') {
      d.store.setState({ ready: true });
      return;
    }
    if (msg.type === 'error') {
      d.pending.reject(msg.replyTo, new Error(msg.message));
      d.store.setState({ error: msg.message });
      return;
    }
    if (msg.type === 'progress') {
      const { type: _type, ...replay } = msg;
      d.store.setState({ replay });
      return;
    }
    if (msg.reset) d.hops.clear();
    d.hops.add(msg.hops, msg.speed);
    d.driveClock(d.clock, msg, d.now());
    const prev = d.store.getState();
    const vocab = prev.vocabulary;
    const fresh: NarrationEntry[] = [];
    for (const e of msg.events) {
      const n = narrate(e, vocab);
      if (n) fresh.push({ ...n, id: nextLogId++ });
    }
    const patch: Partial<SimViewState> = { frames: prev.frames + 1 };
    // Frames come only between replays: one arriving means the replay (if any) ended.
    if (prev.replay) patch.replay = null;
    if (msg.cancelled) {
      patch.notice =
        `Replay cancelled at ${(msg.tMs / 1000).toFixed(1)} s of the run. Your commands are ` +
        'kept: press Play to go on from here, or use the timeline.';
    }
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
    d.store.setState(patch);
    for (const l of d.frameListeners) l(msg);
    d.pending.resolve(msg.replyTo, msg);
  };
}
