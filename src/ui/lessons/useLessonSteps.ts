/**
 * The lesson player's hold on its lesson session (src/lessons/session.ts): which step is
 * open, where it began, and opening steps — walking on with Continue, or from scratch for a
 * deep link, Back, Restart and a course page's go-to-step. Only the latest open counts; an
 * overtaken one changes nothing on screen. Each completed open is written to the address bar
 * and the saved progress, and announced to a course page.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createLessonSession, type LessonSession, type OpenHow } from '../../lessons/session.ts';
import type { Lesson } from '../../lessons/types.ts';
import { useSimSession } from '../SimContext.tsx';
import { emitLessonEvent } from './lessonEvents.ts';
import { updateLesson } from './progress.ts';
import type { StepStart } from './useStepProgress.ts';

function writeStepToUrl(lessonId: string, index: number): void {
  const url = new URL(window.location.href);
  url.searchParams.set('lesson', lessonId);
  url.searchParams.set('step', String(index + 1));
  url.searchParams.delete('mode');
  window.history.replaceState(null, '', url);
}

export interface LessonSteps {
  lessonSession: LessonSession;
  index: number;
  /** Where the open step began; null while it is opening. */
  start: StepStart | null;
  error: string | null;
  /** Simulated ms of the standard start Continue moved the run to, or null if it did not. */
  rebasedAtMs: number | null;
  open(index: number, how: OpenHow): void;
  /** The step asked for last (ahead of `index` until React has drawn it): for quick keys. */
  requested(): number;
}

/** `autoPlay(i)`: whether step i should play once it is set up (not while it waits). */
export function useLessonSteps(
  lesson: Lesson,
  initialStep: number,
  autoPlay: (index: number) => boolean,
): LessonSteps {
  const session = useSimSession();
  const lessonSession = useMemo(
    () => createLessonSession(lesson, (msg) => session.request(msg)),
    [lesson, session],
  );
  const [index, setIndex] = useState(() =>
    Math.min(Math.max(0, initialStep), lesson.steps.length - 1),
  );
  const [start, setStart] = useState<StepStart | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rebasedAtMs, setRebasedAtMs] = useState<number | null>(null);
  const keyRef = useRef(0);
  const requestedRef = useRef(index);
  const autoPlayRef = useRef(autoPlay);
  autoPlayRef.current = autoPlay;

  const open = useCallback(
    (i: number, how: OpenHow) => {
      const target = Math.min(Math.max(0, i), lesson.steps.length - 1);
      setStart(null);
      setError(null);
      setRebasedAtMs(null);
      setIndex(target);
      requestedRef.current = target;
      void lessonSession.open(target, how, autoPlayRef.current(target)).then(
        (entry) => {
          if (!entry) return; // a newer open took over
          setStart({
            key: ++keyRef.current,
            startMs: entry.startMs,
            commandsAtStart: entry.commandsAtStart,
            hash: entry.hash,
          });
          setRebasedAtMs(entry.rebased ? entry.startMs : null);
          writeStepToUrl(lesson.id, target);
          updateLesson(lesson.id, (p) => ({ ...p, step: target }));
          emitLessonEvent({
            type: 'step-changed',
            lesson: lesson.id,
            step: target + 1,
            steps: lesson.steps.length,
          });
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    },
    [lesson, lessonSession],
  );

  const openedOnce = useRef(false);
  useEffect(() => {
    if (openedOnce.current) return;
    openedOnce.current = true;
    open(index, 'jump');
  }, [open, index]);

  const requested = useCallback(() => requestedRef.current, []);
  return { lessonSession, index, start, error, rebasedAtMs, open, requested };
}
