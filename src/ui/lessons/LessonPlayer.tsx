/**
 * Plays one lesson: sets the simulation up for each step, shows the narration, asks the
 * predictions and check questions, and opens the next step when the step's condition is met.
 * Back / Continue buttons and the ← / → keys move between steps; progress is saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { canContinue, untilMet } from '../../lessons/runner.ts';
import { SKINS } from '../../lessons/skins.ts';
import type { Lesson } from '../../lessons/types.ts';
import { SHOP_VOCABULARY } from '../../store/vocabulary.ts';
import { useSimSession } from '../SimContext.tsx';
import { useRunState } from '../RunContext.tsx';
import { provideViewOperation } from '../pageHost.ts';
import { CommandButton } from '../CommandButton.tsx';
import { TopologyView } from '../topology/TopologyView.tsx';
import { messagesToOpenStep } from './applyStep.ts';
import { CheckQuestion } from './CheckQuestion.tsx';
import { emitLessonEvent } from './lessonEvents.ts';
import { PredictionBlock } from './PredictionBlock.tsx';
import { loadProgress, updateLesson } from './progress.ts';
import { LessonCounters } from './LessonCounters.tsx';
import { Announcer } from '../panels/log/Announcer.tsx';
import { StepActionButton } from './StepActionButton.tsx';
import { useStepProgress, type StepStart } from './useStepProgress.ts';

function writeStepToUrl(lessonId: string, index: number): void {
  const url = new URL(window.location.href);
  url.searchParams.set('lesson', lessonId);
  url.searchParams.set('step', String(index + 1));
  url.searchParams.delete('mode');
  window.history.replaceState(null, '', url);
}

export function LessonPlayer({
  lesson,
  initialStep,
  nextLesson,
}: {
  lesson: Lesson;
  initialStep: number;
  nextLesson: Lesson | null;
}) {
  const session = useSimSession();
  const playing = useRunState((s) => s.playing);
  const [index, setIndex] = useState(() =>
    Math.min(Math.max(0, initialStep), lesson.steps.length - 1),
  );
  const [completed, setCompleted] = useState(false);
  const [start, setStart] = useState<StepStart | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answers, setAnswers] = useState(() => loadProgress()[lesson.id] ?? null);
  const keyRef = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openedOnce = useRef(false);
  const step = lesson.steps[index]!;
  const progress = useStepProgress(start);

  useEffect(() => {
    session.store.getState().setVocabulary(SKINS[lesson.skin]);
    return () => session.store.getState().setVocabulary(SHOP_VOCABULARY);
  }, [session, lesson.skin]);

  const open = useCallback(
    async (i: number, fromScratch: boolean) => {
      setStart(null);
      setError(null);
      setCompleted(false);
      setIndex(i);
      writeStepToUrl(lesson.id, i);
      const target = lesson.steps[i]!;
      try {
        if (session.store.getState().snapshot) await session.request({ type: 'pause' });
        let frame = null;
        for (const msg of messagesToOpenStep(lesson, i, fromScratch)) {
          frame = await session.request(msg);
        }
        frame ??= await session.request({ type: 'advance', ms: 0 });
        const answered = loadProgress()[lesson.id]?.predictions[target.id] !== undefined;
        const waitForPrediction = !!target.predict && !answered;
        if (target.setup?.playing !== false && !waitForPrediction) {
          frame = await session.request({ type: 'play' });
        }
        setStart({
          key: ++keyRef.current,
          startMs: frame.tMs,
          commandsAtStart: frame.snapshot?.liveCommands.length ?? 0,
        });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
      setAnswers(updateLesson(lesson.id, (p) => ({ ...p, step: i }))[lesson.id]!);
      emitLessonEvent({
        type: 'step-changed',
        lesson: lesson.id,
        step: i + 1,
        steps: lesson.steps.length,
      });
    },
    [lesson, session],
  );

  useEffect(() => {
    if (openedOnce.current) return;
    openedOnce.current = true;
    void open(index, true);
  }, [open, index]);

  // A course page asked for a step (the registry's go-to-step, from the embed API).
  useEffect(
    () =>
      provideViewOperation(
        'goToStep',
        (n) => void open(Math.min(n, lesson.steps.length) - 1, true),
      ),
    [open, lesson.steps.length],
  );

  const moved = useRef(false);
  useEffect(() => {
    // Move focus to the new step's heading when the learner navigates, never on first load
    // (an embedded lesson must not steal focus from the course page).
    if (!moved.current) {
      moved.current = true;
      return;
    }
    headingRef.current?.focus({ preventScroll: true });
  }, [index, completed]);

  const met = progress ? untilMet(step.until, progress) : false;
  const ready = progress ? canContinue(step, progress) : false;
  const isLast = index === lesson.steps.length - 1;

  const goNext = useCallback(() => {
    if (!ready) return;
    if (isLast) {
      setCompleted(true);
      setAnswers(updateLesson(lesson.id, (p) => ({ ...p, completed: true }))[lesson.id]!);
      emitLessonEvent({ type: 'lesson-completed', lesson: lesson.id });
      return;
    }
    void open(index + 1, false);
  }, [ready, isLast, lesson.id, open, index]);

  const goBack = useCallback(() => {
    if (completed) {
      setCompleted(false);
      return;
    }
    if (index > 0) void open(index - 1, true);
  }, [completed, index, open]);

  // → and ← are the registry's next-step and previous-step, read by the page's key handler.
  useEffect(() => provideViewOperation('nextStep', goNext), [goNext]);
  useEffect(() => provideViewOperation('previousStep', goBack), [goBack]);

  const answerPrediction = (choiceId: string) => {
    const correct = step.predict?.choices.find((c) => c.id === choiceId)?.correct ?? false;
    setAnswers(
      updateLesson(lesson.id, (p) => ({
        ...p,
        predictions: { ...p.predictions, [step.id]: choiceId },
      }))[lesson.id]!,
    );
    emitLessonEvent({ type: 'prediction-answered', lesson: lesson.id, step: index + 1, correct });
    if (step.setup?.playing !== false) void session.request({ type: 'play' });
  };

  const answerCheck = (choiceId: string) => {
    setAnswers(
      updateLesson(lesson.id, (p) => ({ ...p, checks: { ...p.checks, [step.id]: choiceId } }))[
        lesson.id
      ]!,
    );
  };

  const hint =
    step.until.kind === 'continue' ? null : met ? 'Done — press Continue.' : step.until.hint;

  return (
    <div className="lesson-layout">
      <h1 className="sr-only">Lesson: {lesson.title}</h1>
      <section className="lesson-stage" aria-label="Simulation">
        <TopologyView />
        <LessonCounters />
        {/* Crashes and losses read out politely, as in the playground. */}
        <Announcer />
      </section>
      <article
        className="lesson-card"
        aria-labelledby="lesson-step-title"
        aria-busy={start === null && !completed}
      >
        <p className="lesson-meta">
          <a href="?mode=lessons">All lessons</a> · {lesson.title}
        </p>
        {completed ? (
          <>
            <h2 id="lesson-step-title" tabIndex={-1} ref={headingRef}>
              Lesson complete
            </h2>
            <p>You finished “{lesson.title}”. What you can now explain:</p>
            <ul>
              {lesson.goals.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
            <p className="lesson-links">
              {nextLesson && <a href={`?lesson=${nextLesson.id}`}>Next: {nextLesson.title}</a>}{' '}
              <a href="?mode=lessons">Back to all lessons</a>
            </p>
          </>
        ) : (
          <>
            <p className="step-counter" aria-live="off">
              Step {index + 1} of {lesson.steps.length}
            </p>
            <h2 id="lesson-step-title" tabIndex={-1} ref={headingRef}>
              {step.title}
            </h2>
            {step.narration.map((para) => (
              <p key={para}>{para}</p>
            ))}
            {step.predict && (
              <PredictionBlock
                key={`${step.id}-predict`}
                prediction={step.predict}
                answer={answers?.predictions[step.id]}
                revealed={met}
                onAnswer={answerPrediction}
              />
            )}
            {step.check && (
              <CheckQuestion
                key={`${step.id}-check`}
                question={step.check.question}
                choices={step.check.choices}
                answer={answers?.checks[step.id]}
                onAnswer={answerCheck}
              />
            )}
            {step.until.kind === 'action' && !met && (
              <StepActionButton action={step.until.action} />
            )}
            {hint && (
              <p className={`lesson-hint ${met ? 'hint-done' : ''}`} role="status">
                {hint}
              </p>
            )}
            {error && (
              <p className="notice notice-error" role="alert">
                {error}
              </p>
            )}
          </>
        )}
        <div className="lesson-nav">
          <button type="button" onClick={goBack} disabled={index === 0 && !completed}>
            Back
          </button>
          <button
            type="button"
            onClick={() => void open(0, true)}
            title="Start the lesson again from step 1"
          >
            Restart
          </button>
          <CommandButton id={playing ? 'pause' : 'play'} className="" />
          {!completed && (
            <button type="button" className="primary" onClick={goNext} disabled={!ready}>
              Continue
            </button>
          )}
        </div>
      </article>
    </div>
  );
}
