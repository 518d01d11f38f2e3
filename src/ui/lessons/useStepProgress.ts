/**
 * Follows what happens while a lesson step is open: simulated time, events and the learner's
 * own actions since the step began (read from the run's command log, so an action counts
 * however it was taken — button, keyboard or node), and the outcome so far.
 */
import { useEffect, useRef, useState } from 'react';
import { newProgress, type StepProgress } from '../../lessons/runner.ts';
import { useSimSession } from '../SimContext.tsx';

export interface StepStart {
  /** Bumped whenever a step opens, so tracking starts afresh. */
  key: number;
  startMs: number;
  /** Number of commands in the log once the step's own setup was applied. */
  commandsAtStart: number;
}

export function useStepProgress(start: StepStart | null): StepProgress | null {
  const session = useSimSession();
  const [progress, setProgress] = useState<StepProgress | null>(null);
  const ref = useRef<StepProgress | null>(null);

  useEffect(() => {
    if (!start) {
      ref.current = null;
      setProgress(null);
      return;
    }
    const p = newProgress(start.startMs);
    const snap = session.store.getState().snapshot;
    p.outcome = snap?.outcome ?? null;
    ref.current = p;
    setProgress({ ...p });
    return session.onFrame((frame) => {
      const cur = ref.current;
      if (!cur) return;
      if (frame.events.length > 0) cur.events = [...cur.events, ...frame.events];
      cur.nowMs = frame.tMs;
      if (frame.snapshot) {
        cur.outcome = frame.snapshot.outcome;
        cur.actions = frame.snapshot.liveCommands.slice(start.commandsAtStart).map((c) => c.action);
      }
      if (frame.snapshot || frame.events.length > 0) setProgress({ ...cur });
    });
  }, [session, start]);

  return progress;
}
