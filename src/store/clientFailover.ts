/**
 * Client failover: what a replacement engine needs to take over a run, and the restore
 * itself. The run memory follows every message sent (the last load, whether the run is meant
 * to be playing); `restoreRun` replays the learner's commands to the same moment on the new
 * client and sends again the requests the old one took with it.
 */
import type { Scenario } from '../sim/index.ts';
import type { ToSim } from '../protocol/messages.ts';
import type { PendingRequests } from './pendingRequests.ts';
import type { SimStore } from './simStore.ts';

export class RunMemory {
  /**
   * The scenario of the run the simulation holds: the last one loaded, by the store's `load`
   * or by a direct request (lessons load their steps that way). A replacement client needs it.
   */
  loadedScenario: Scenario | null = null;
  /**
   * What a replacement client must restore when no snapshot has arrived yet (a fallback
   * before the first frame): the last load as sent, and whether the run should be playing.
   */
  lastLoad: Extract<ToSim, { type: 'load' }> | null = null;
  meantPlaying = false;

  /** Notes what `msg` does to the run, before it is sent. */
  note(msg: ToSim): void {
    if (msg.type === 'load') {
      this.loadedScenario = msg.scenario;
      const { id: _id, ...bare } = msg;
      this.lastLoad = bare;
      this.meantPlaying = !!msg.playing;
    } else if (msg.type === 'play') this.meantPlaying = true;
    else if (msg.type === 'pause' || msg.type === 'step' || msg.type === 'cancel') {
      this.meantPlaying = false;
    }
  }
}

/**
 * Restores the run on a client that has just replaced the old one (already subscribed), and
 * sends the unanswered requests again.
 */
export function restoreRun(
  store: SimStore,
  memory: RunMemory,
  pending: PendingRequests,
  send: (msg: ToSim) => void,
  reason: string,
): void {
  // Requests the old client took with it will never be answered there: they are sent
  // again below, after the run is restored, so their callers (a lesson opening its step)
  // get their answer from the new engine instead of an error.
  const unanswered = pending.takeAll();
  const s = store.getState();
  const snap = s.snapshot;
  // A load still unanswered replaces the run anyway: it is sent again, not the old run.
  const resendsLoad = unanswered.some(([, w]) => w.msg?.type === 'load');
  if (snap && memory.loadedScenario && !resendsLoad) {
    // Replay the learner's commands to the same moment: nothing is lost.
    send({
      type: 'load',
      scenario: memory.loadedScenario,
      commands: snap.liveCommands,
      atMs: snap.tMs,
      playing: memory.meantPlaying && snap.tMs < snap.endMs,
      speed: s.speed,
    });
  } else if (!snap && memory.lastLoad && !resendsLoad) {
    // No frame came back yet: start the run as it was asked for (and playing if it was).
    send({ ...memory.lastLoad, playing: memory.meantPlaying });
  }
  for (const [id, w] of unanswered) {
    if (!w.msg) {
      w.reject(new Error(`The simulation restarted on the main thread (${reason}).`));
      continue;
    }
    pending.restore(id, w);
    send({ ...w.msg, id });
  }
}
