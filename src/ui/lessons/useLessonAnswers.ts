/**
 * The learner's answers in one lesson, kept in the saved progress (progress.ts, with its
 * storage fallback): predictions, check answers (the first one is what the score counts),
 * the steps whose condition was met, and completion. Each answer is announced to a course
 * page as it is given.
 */
import { useCallback, useState } from 'react';
import { lessonScore } from '../../lessons/score.ts';
import type { Lesson, LessonStep } from '../../lessons/types.ts';
import { emitLessonEvent } from './lessonEvents.ts';
import { loadProgress, updateLesson, type LessonProgress } from './progress.ts';

export interface LessonAnswers {
  answers: LessonProgress | null;
  predict(step: LessonStep, index: number, choiceId: string): void;
  check(step: LessonStep, index: number, choiceId: string): void;
  /** Records that the step's condition was met (Continue pressed with it met). */
  met(stepId: string): LessonProgress;
  completed(): LessonProgress;
}

export function useLessonAnswers(lesson: Lesson): LessonAnswers {
  const [answers, setAnswers] = useState(() => loadProgress()[lesson.id] ?? null);
  const save = useCallback(
    (change: (p: LessonProgress) => LessonProgress): LessonProgress => {
      const saved = updateLesson(lesson.id, change)[lesson.id]!;
      setAnswers(saved);
      return saved;
    },
    [lesson.id],
  );

  const predict = (step: LessonStep, index: number, choiceId: string): void => {
    const correct = step.predict?.choices.find((c) => c.id === choiceId)?.correct ?? false;
    save((p) => ({ ...p, predictions: { ...p.predictions, [step.id]: choiceId } }));
    emitLessonEvent({ type: 'prediction-answered', lesson: lesson.id, step: index + 1, correct });
  };

  const check = (step: LessonStep, index: number, choiceId: string): void => {
    const correct = step.check?.choices.find((c) => c.id === choiceId)?.correct ?? false;
    const first = loadProgress()[lesson.id]?.firstChecks[step.id] === undefined;
    const saved = save((p) => ({
      ...p,
      checks: { ...p.checks, [step.id]: choiceId },
      firstChecks: first ? { ...p.firstChecks, [step.id]: correct } : p.firstChecks,
    }));
    emitLessonEvent({
      type: 'check-answered',
      lesson: lesson.id,
      step: index + 1,
      correct,
      first,
      score: lessonScore(lesson, saved),
    });
  };

  const met = useCallback(
    (stepId: string) =>
      save((p) => ({ ...p, met: p.met.includes(stepId) ? p.met : [...p.met, stepId] })),
    [save],
  );
  const completed = useCallback(() => save((p) => ({ ...p, completed: true })), [save]);

  return { answers, predict, check, met, completed };
}
