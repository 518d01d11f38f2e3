/**
 * Plays one lesson: sets the simulation up for each step, shows the narration, asks the
 * predictions and check questions, and opens the next step when the step's condition is met.
 * Back / Continue buttons and the ← / → keys move between steps; progress is saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { SKINS } from '../../lessons/skins.ts';
import type { Lesson } from '../../lessons/types.ts';
import { lessonScore, skippedSteps } from '../../lessons/score.ts';
import { SHOP_VOCABULARY } from '../../store/vocabulary.ts';
import { perform } from '../../app/commands.ts';
import { useSim, useSimSession } from '../SimContext.tsx';
import { useCommandHost, useRunState } from '../RunContext.tsx';
import { provideViewOperation } from '../pageHost.ts';
import { TopologyView } from '../topology/TopologyView.tsx';
import { CheckQuestion } from './CheckQuestion.tsx';
import { emitLessonEvent } from './lessonEvents.ts';
import { PredictionBlock } from './PredictionBlock.tsx';
import { loadProgress, updateLesson } from './progress.ts';
import { LessonCounters } from './LessonCounters.tsx';
import { Announcer } from '../panels/log/Announcer.tsx';
import { StepActionButton } from './StepActionButton.tsx';
import { useStepProgress } from './useStepProgress.ts';
import { useLessonSteps } from './useLessonSteps.ts';
import { LessonEnd } from './LessonEnd.tsx';
import { isRealSystemsStep } from '../../lessons/realSystemsSteps.ts';
import { RealConfigButton } from '../realConfig/RealConfigButton.tsx';
import { RunFigures } from './RunFigures.tsx';
import { DesignRuns } from './DesignRuns.tsx';

/** Shown while a step's prediction is open, beside the actions it holds back. */
const HELD_FOR_PREDICTION =
  'Lock it in first: the run and its buttons wait until you have said what you expect.';

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
  const vocab = useSim((s) => s.vocabulary);
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
  const [answers, setAnswers] = useState(() => loadProgress()[lesson.id] ?? null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  const step = lesson.steps[index]!;
  // Predict first: until the learner locks in a prediction, the step's actions (and Play)
  // are held back, and nothing the run does can complete the step.
  const predictionOpen = !!step.predict && answers?.predictions[step.id] === undefined;
  const progress = useStepProgress(lessonSession, start, step, !predictionOpen);

  useEffect(() => {
    const st = session.store.getState();
    st.setActionsHeld(predictionOpen ? 'Lock in your prediction first' : null);
    st.setSpotlight(step.highlight ?? []);
  }, [session, predictionOpen, step]);
  useEffect(
    () => () => {
      const st = session.store.getState();
      st.setActionsHeld(null);
      st.setSpotlight([]);
    },
    [session],
  );

  useEffect(() => {
    session.store.getState().setVocabulary(SKINS[lesson.skin]);
    return () => session.store.getState().setVocabulary(SHOP_VOCABULARY);
  }, [session, lesson.skin]);

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

  const moved = useRef(false);
  useEffect(() => {
    // Move focus to the new step's heading when the learner navigates, never on first load
    // (an embedded lesson must not steal focus from the course page).
    if (!moved.current) {
      moved.current = true;
      return;
    }
    headingRef.current?.focus({ preventScroll: true });
  }, [index, completed, unfinished]);

  useEffect(() => {
    // Each new step (or the end card) opens at its title, with the narration in view: scroll
    // the card itself, never the page around it (an embedded frame must not move its host).
    const card = cardRef.current;
    const heading = headingRef.current;
    if (!card || !heading) return;
    const top = heading.getBoundingClientRect().top - card.getBoundingClientRect().top;
    card.scrollTop = Math.max(0, card.scrollTop + top - 8);
  }, [index, completed, unfinished]);

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

  // When the step completes, bring its result (explanation, the learner's figures) into view
  // inside the card, without moving focus.
  useEffect(() => {
    if (!done) return;
    // Only the card scrolls: scrollIntoView could scroll a course page around an embed.
    const card = cardRef.current;
    const el = card?.querySelector<HTMLElement>('.prediction .feedback, .run-figures');
    if (!card || !el) return;
    const top = el.getBoundingClientRect().top - card.getBoundingClientRect().top;
    if (top > card.clientHeight * 0.6) card.scrollTop += top - 16;
  }, [done]);

  const goNext = useCallback(() => {
    if (!ready) return;
    // Continue with the step's condition met: this step counts as done.
    const stepId = lesson.steps[index]!.id;
    const saved = updateLesson(lesson.id, (p) => ({
      ...p,
      met: p.met.includes(stepId) ? p.met : [...p.met, stepId],
    }))[lesson.id]!;
    setAnswers(saved);
    if (isLast) {
      const score = lessonScore(lesson, saved);
      const skipped = skippedSteps(lesson, saved);
      if (skipped.length > 0) {
        setUnfinished(skipped);
        emitLessonEvent({ type: 'lesson-incomplete', lesson: lesson.id, score, skipped });
        return;
      }
      setCompleted(true);
      setAnswers(updateLesson(lesson.id, (p) => ({ ...p, completed: true }))[lesson.id]!);
      emitLessonEvent({ type: 'lesson-completed', lesson: lesson.id, score, skipped });
      return;
    }
    openStep(index + 1, 'walk');
  }, [ready, isLast, lesson, openStep, index]);

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
    const correct = step.predict?.choices.find((c) => c.id === choiceId)?.correct ?? false;
    setAnswers(
      updateLesson(lesson.id, (p) => ({
        ...p,
        predictions: { ...p.predictions, [step.id]: choiceId },
      }))[lesson.id]!,
    );
    emitLessonEvent({ type: 'prediction-answered', lesson: lesson.id, step: index + 1, correct });
    if (step.setup?.playing !== false) void lessonSession.play().catch(() => undefined);
  };

  const answerCheck = (choiceId: string) => {
    const correct = step.check?.choices.find((c) => c.id === choiceId)?.correct ?? false;
    const first = loadProgress()[lesson.id]?.firstChecks[step.id] === undefined;
    const saved = updateLesson(lesson.id, (p) => ({
      ...p,
      checks: { ...p.checks, [step.id]: choiceId },
      firstChecks: first ? { ...p.firstChecks, [step.id]: correct } : p.firstChecks,
    }))[lesson.id]!;
    setAnswers(saved);
    emitLessonEvent({
      type: 'check-answered',
      lesson: lesson.id,
      step: index + 1,
      correct,
      first,
      score: lessonScore(lesson, saved),
    });
  };

  const hint =
    step.until.kind === 'continue' || predictionOpen
      ? null
      : done
        ? 'Done — press Continue.'
        : step.until.hint;

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
          <>
            <p className="step-counter" aria-live="off">
              Step {index + 1} of {lesson.steps.length}
            </p>
            <h2 id="lesson-step-title" tabIndex={-1} ref={headingRef}>
              {step.title}
            </h2>
            {rebasedAtMs !== null && (
              <p className="lesson-rebased" role="status">
                Your run had moved on from where this step begins, so the step starts from the
                lesson’s own run at {(rebasedAtMs / 1000).toFixed(1)} s: the counters now match the
                text.
              </p>
            )}
            {step.narration.map((para) => (
              <p key={para}>{para}</p>
            ))}
            {isRealSystemsStep(lesson.id, step.id) && (
              <p className="lesson-real-systems">
                In real systems:{' '}
                <RealConfigButton label="see this setup as real HAProxy, Node and Redis configuration" />
              </p>
            )}
            {step.predict && (
              <PredictionBlock
                key={`${step.id}-predict`}
                prediction={step.predict}
                answer={answers?.predictions[step.id]}
                revealed={step.until.kind === 'continue' || done}
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
            {step.check?.compare && answers?.checks[step.id] !== undefined && (
              <DesignRuns
                key={`${step.id}-designs`}
                choices={step.check.choices}
                compare={step.check.compare}
              />
            )}
            {done && progress.completedOutcome && (
              <RunFigures
                claims={step.claims ?? []}
                outcome={progress.completedOutcome}
                atMs={progress.completedAtMs!}
                vocab={vocab}
              />
            )}
            {step.until.kind === 'action' && !done && (
              <StepActionButton action={step.until.action} held={predictionOpen} />
            )}
            {predictionOpen && (
              <p className="held-reason" id="held-reason" role="status">
                <strong>Waiting for your prediction.</strong> {HELD_FOR_PREDICTION}
              </p>
            )}
            {hint && (
              <p className={`lesson-hint ${done ? 'hint-done' : ''}`} role="status">
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
