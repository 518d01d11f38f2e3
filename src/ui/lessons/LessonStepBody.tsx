/**
 * The open step in the lesson card: its title and narration, the prediction and check
 * question, the designs to run, the learner's own figures once it completes, the action it
 * waits for (held back while the prediction is open) and what to do next.
 */
import type { RefObject } from 'react';
import { isRealSystemsStep } from '../../lessons/realSystemsSteps.ts';
import type { LessonSession } from '../../lessons/session.ts';
import type { Lesson } from '../../lessons/types.ts';
import { useSim } from '../SimContext.tsx';
import { RealConfigButton } from '../realConfig/RealConfigButton.tsx';
import { CheckQuestion } from './CheckQuestion.tsx';
import { DesignRuns } from './DesignRuns.tsx';
import { PredictionBlock } from './PredictionBlock.tsx';
import type { LessonProgress } from './progress.ts';
import { RunFigures } from './RunFigures.tsx';
import { StepActionButton } from './StepActionButton.tsx';
import type { TrackedStep } from './useStepProgress.ts';

/** Shown while a step's prediction is open, beside the actions it holds back. */
const HELD_FOR_PREDICTION =
  'Lock it in first: the run and its buttons wait until you have said what you expect.';

export function LessonStepBody({
  lessonSession,
  lesson,
  index,
  headingRef,
  rebasedAtMs,
  answers,
  done,
  progress,
  predictionOpen,
  error,
  onPredict,
  onCheck,
}: {
  lessonSession: LessonSession;
  lesson: Lesson;
  index: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  rebasedAtMs: number | null;
  answers: LessonProgress | null;
  /** The step's effect has played out and the run is held there. */
  done: boolean;
  progress: TrackedStep | null;
  predictionOpen: boolean;
  error: string | null;
  onPredict: (choiceId: string) => void;
  onCheck: (choiceId: string) => void;
}) {
  const vocab = useSim((s) => s.vocabulary);
  const step = lesson.steps[index]!;
  const hint =
    step.until.kind === 'continue' || predictionOpen
      ? null
      : done
        ? 'Done — press Continue.'
        : step.until.hint;

  return (
    <>
      <p className="step-counter" aria-live="off">
        Step {index + 1} of {lesson.steps.length}
      </p>
      <h2 id="lesson-step-title" tabIndex={-1} ref={headingRef}>
        {step.title}
      </h2>
      {rebasedAtMs !== null && (
        <p className="lesson-rebased" role="status">
          Your run had moved on from where this step begins, so the step starts from the lesson’s
          own run at {(rebasedAtMs / 1000).toFixed(1)} s: the counters now match the text.
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
          onAnswer={onPredict}
        />
      )}
      {step.check && (
        <CheckQuestion
          key={`${step.id}-check`}
          question={step.check.question}
          choices={step.check.choices}
          answer={answers?.checks[step.id]}
          onAnswer={onCheck}
        />
      )}
      {step.check?.compare && answers?.checks[step.id] !== undefined && (
        <DesignRuns
          key={`${step.id}-designs`}
          lessonSession={lessonSession}
          choices={step.check.choices}
          compare={step.check.compare}
        />
      )}
      {done && progress?.completedOutcome && (
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
  );
}
