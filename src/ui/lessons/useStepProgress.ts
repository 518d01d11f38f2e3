/**
 * Follows what happens while a lesson step is open: simulated time, events and the learner's
 * own actions since the step began (read from the run's command log, so an action counts
 * however it was taken — button, keyboard or node), and the outcome so far.
 *
 * It also notices that the step is complete (its condition met and its effect played out,
 * see stepComplete) on the first frame that shows it, and holds the run at the moment it
 * completed (completionMs: the same moment a standard walk of the lesson ends the step):
 * pause, then seek back there, since a playing run has moved on a little by then. The
 * counters then show exactly the figures the step reports as the learner's own, however long
 * the learner took to act or to read.
 */
import { useEffect, useRef, useState } from 'react';
import { newProgress, stepComplete, type StepProgress } from '../../lessons/runner.ts';
import { completionMs, type LessonSession } from '../../lessons/session.ts';
import type { LessonStep } from '../../lessons/types.ts';
import type { Outcome } from '../../sim/index.ts';
import { useSimSession } from '../SimContext.tsx';

export interface StepStart {
  /** Bumped whenever a step opens, so tracking starts afresh. */
  key: number;
  startMs: number;
  /** Number of commands in the log once the step's own setup was applied. */
  commandsAtStart: number;
  /** The event-log hash where the step began. */
  hash: string;
}

export interface TrackedStep extends StepProgress {
  /** Simulated time at which the step completed; null while it is still playing out. */
  completedAtMs: number | null;
  /** The outcome at that moment: the learner's own figures for the step's claims. */
  completedOutcome: Outcome | null;
}

/**
 * `armed` is false while the step's prediction is still open: nothing the run does can
 * complete the step before the learner has said what they expect.
 */
export function useStepProgress(
  lessonSession: LessonSession,
  start: StepStart | null,
  step: LessonStep,
  armed: boolean,
): TrackedStep | null {
  const session = useSimSession();
  const [progress, setProgress] = useState<TrackedStep | null>(null);
  const ref = useRef<TrackedStep | null>(null);
  const armedRef = useRef(armed);
  armedRef.current = armed;
  const stepRef = useRef(step);
  stepRef.current = step;

  useEffect(() => {
    if (!start) {
      ref.current = null;
      setProgress(null);
      return;
    }
    const p: TrackedStep = {
      ...newProgress(start.startMs),
      completedAtMs: null,
      completedOutcome: null,
    };
    const snap = session.store.getState().snapshot;
    p.outcome = snap?.outcome ?? null;
    ref.current = p;
    setProgress({ ...p });
    return session.onFrame((frame) => {
      const cur = ref.current;
      if (!cur) return;
      // Once complete, the step's figures are fixed; later frames (the learner pressing Play
      // again) move the counters on, not what the step reports.
      if (cur.completedAtMs !== null) return;
      // A design run replaces the step's run on screen: its frames are not the step's. The
      // learner has answered and moved on to try the designs, so the step ends where its own
      // run was left (holding the run here would stop the design run part-way).
      if (lessonSession.inDesignRun) {
        if (!cur.outcome) return;
        cur.completedAtMs = cur.nowMs;
        cur.completedOutcome = cur.outcome;
        setProgress({ ...cur });
        return;
      }
      if (frame.events.length > 0) cur.events = [...cur.events, ...frame.events];
      cur.nowMs = frame.tMs;
      if (frame.snapshot) {
        cur.outcome = frame.snapshot.outcome;
        const own = frame.snapshot.liveCommands.slice(start.commandsAtStart);
        cur.actions = own.map((c) => c.action);
        cur.actionsAtMs = own.map((c) => c.atMs);
        const s = stepRef.current;
        // A run that has reached its end cannot play anything out any more: the step is
        // as complete as it will get, and Continue must not stay locked for ever.
        const ended = frame.tMs >= frame.endMs;
        if (s.until.kind !== 'continue' && armedRef.current && (stepComplete(s, cur) || ended)) {
          const at = completionMs(s, cur) ?? frame.tMs;
          cur.completedAtMs = at;
          if (frame.playing && at < frame.tMs) {
            // The figures are read where the run is held, once it is there.
            void lessonSession.hold(at).then(
              (held) => {
                if (!held?.snapshot || ref.current !== cur) return;
                cur.nowMs = held.tMs;
                cur.completedOutcome = held.snapshot.outcome;
                setProgress({ ...cur });
              },
              () => undefined,
            );
          } else {
            if (frame.playing) void lessonSession.hold(frame.tMs).catch(() => undefined);
            cur.completedAtMs = frame.tMs;
            cur.completedOutcome = frame.snapshot.outcome;
          }
        }
      }
      // Only the completion state and the time reach the screen, and both move on snapshots
      // (five a second while playing): frames carrying events alone need no render.
      if (frame.snapshot) setProgress({ ...cur });
    });
  }, [session, lessonSession, start]);

  return progress;
}
