/**
 * Plays one lesson: sets the simulation up for each step, shows the narration, asks the
 * predictions and check questions, and opens the next step when the step's condition is met.
 * Back / Continue buttons and the ← / → keys move between steps; progress is saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lesson } from '../../lessons/types.ts';
import { lessonScore, skippedSteps } from '../../lessons/score.ts';
import { perform } from '../../app/commands.ts';
import { useCommandHost, useRunState } from '../RunContext.tsx';
import { provideViewOperation } from '../pageHost.ts';
import { TopologyView } from '../topology/TopologyView.tsx';
import { emitLessonEvent } from './lessonEvents.ts';
import { loadProgress } from './progress.ts';
import { LessonCounters } from './LessonCounters.tsx';
import { Announcer } from '../panels/log/Announcer.tsx';
import { useStepProgress } from './useStepProgress.ts';
import { useLessonSteps } from './useLessonSteps.ts';
import { LessonEnd } from './LessonEnd.tsx';
import { LessonStepBody } from './LessonStepBody.tsx';
import { useLessonStage } from './useLessonStage.ts';
import { useLessonAnswers } from './useLessonAnswers.ts';
import { useCardScroll } from './useCardScroll.ts';

export function LessonPlayer({
  lesson,
  initialStep,
  nextLesson,
}: {
  lesson: Lesson;
  initialStep: number;
  nextLesson: Lesson | null;
}) {
  const playing = useRunState((s) => s.playing);
  const host = useCommandHost();
  const autoPlay = (i: number): boolean => {
    const target = lesson.steps[i]!;
    const answered = loadProgress()[lesson.id]?.predictions[target.id] !== undefined;
    return target.setup?.playing !== false && (!target.predict || answered);
  };
  const { lessonSession, index, start, error, rebasedAtMs, open, requested } = useLessonSteps(
    lesson,
    initialStep,
    autoPlay,
  );
  const [completed, setCompleted] = useState(false);
  /** Reached the end with these steps (1-based) not done; null while not at the end. */
  const [unfinished, setUnfinished] = useState<number[] | null>(null);
  const { answers, predict, check, met, completed: markCompleted } = useLessonAnswers(lesson);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  const step = lesson.steps[index]!;
  // Predict first: until the learner locks in a prediction, the step's actions (and Play)
  // are held back, and nothing the run does can complete the step.
  const predictionOpen = !!step.predict && answers?.predictions[step.id] === undefined;
  const progress = useStepProgress(lessonSession, start, step, !predictionOpen);

  useLessonStage(lesson, step, predictionOpen);

  const openStep = useCallback(
    (i: number, how: 'walk' | 'jump') => {
      setCompleted(false);
      setUnfinished(null);
      open(i, how);
    },
    [open],
  );

  // A course page asked for a step (the registry's go-to-step, from the embed API).
  useEffect(
    () =>
      provideViewOperation('goToStep', (n) =>
        openStep(Math.min(n, lesson.steps.length) - 1, 'jump'),
      ),
    [openStep, lesson.steps.length],
  );

  // Done means the step's effect has played out (the run is then held at that moment), not
  // that the learner clicked.
  const done = progress !== null && progress.completedOutcome !== null;
  const ready = progress !== null && !predictionOpen && (step.until.kind === 'continue' || done);
  const stepState = predictionOpen
    ? 'predict'
    : step.until.kind === 'continue'
      ? 'ready'
      : done
        ? 'complete'
        : 'running';
  const isLast = index === lesson.steps.length - 1;

  useCardScroll(cardRef, headingRef, index, completed, unfinished, done);

  const goNext = useCallback(() => {
    if (!ready) return;
    // Continue with the step's condition met: this step counts as done.
    const saved = met(lesson.steps[index]!.id);
    if (isLast) {
      const score = lessonScore(lesson, saved);
      const skipped = skippedSteps(lesson, saved);
      if (skipped.length > 0) {
        setUnfinished(skipped);
        emitLessonEvent({ type: 'lesson-incomplete', lesson: lesson.id, score, skipped });
        return;
      }
      setCompleted(true);
      markCompleted();
      emitLessonEvent({ type: 'lesson-completed', lesson: lesson.id, score, skipped });
      return;
    }
    openStep(index + 1, 'walk');
  }, [ready, isLast, lesson, openStep, index, met, markCompleted]);

  const goBack = useCallback(() => {
    if (completed || unfinished) {
      setCompleted(false);
      setUnfinished(null);
      return;
    }
    // Quick presses count from the step asked for last, not the one on screen yet.
    const from = requested();
    if (from > 0) openStep(from - 1, 'jump');
  }, [completed, unfinished, requested, openStep]);

  // → and ← are the registry's next-step and previous-step, read by the page's key handler.
  useEffect(() => provideViewOperation('nextStep', goNext), [goNext]);
  useEffect(() => provideViewOperation('previousStep', goBack), [goBack]);

  const answerPrediction = (choiceId: string) => {
    predict(step, index, choiceId);
    if (step.setup?.playing !== false) void lessonSession.play().catch(() => undefined);
  };
  const answerCheck = (choiceId: string) => check(step, index, choiceId);

  return (
    <div className="lesson-layout">
      <h1 className="sr-only">Lesson: {lesson.title}</h1>
      <section className="lesson-stage" aria-label="Simulation">
        <TopologyView />
        <LessonCounters quoted={(step.claims ?? []).map((c) => c.metric)} />
        {/* Crashes and losses read out politely, as in the playground. */}
        <Announcer />
      </section>
      <article
        ref={cardRef}
        className="lesson-card"
        aria-labelledby="lesson-step-title"
        aria-busy={start === null && !completed}
        data-step-state={completed ? 'finished' : stepState}
        data-sim-ms={progress?.nowMs ?? ''}
        data-start-hash={start?.hash ?? ''}
        data-start-key={start?.key ?? ''}
      >
        <p className="lesson-meta">
          <a href="?mode=lessons">All lessons</a> · {lesson.title}
        </p>
        {completed || unfinished ? (
          <LessonEnd
            lesson={lesson}
            nextLesson={nextLesson}
            score={lessonScore(lesson, answers ?? { firstChecks: {}, met: [] })}
            unfinished={unfinished}
            headingRef={headingRef}
            onOpenStep={(n) => openStep(n - 1, 'jump')}
          />
        ) : (
          <LessonStepBody
            lessonSession={lessonSession}
            lesson={lesson}
            index={index}
            headingRef={headingRef}
            rebasedAtMs={rebasedAtMs}
            answers={answers}
            done={done}
            progress={progress}
            predictionOpen={predictionOpen}
            error={error}
            onPredict={answerPrediction}
            onCheck={answerCheck}
          />
        )}
        <div className="lesson-nav">
          <button type="button" onClick={goBack} disabled={index === 0 && !completed}>
            Back
          </button>
          <button
            type="button"
            onClick={() => openStep(0, 'jump')}
            title="Start the lesson again from step 1"
          >
            Restart
          </button>
          <button
            type="button"
            onClick={() => void perform(playing ? 'pause' : 'play', host)}
            disabled={predictionOpen && !playing}
            aria-describedby={predictionOpen ? 'held-reason' : undefined}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          {!completed && !unfinished && (
            <button type="button" className="primary" onClick={goNext} disabled={!ready}>
              Continue
            </button>
          )}
        </div>
      </article>
    </div>
  );
}
