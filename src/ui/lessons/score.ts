/**
 * A lesson's score from the learner's saved answers: one point per prediction and per check
 * question answered correctly (the first answer locked in counts), out of all the lesson asks.
 */
import type { Lesson } from '../../lessons/types.ts';
import type { LessonProgress } from './progress.ts';

export interface LessonScore {
  correct: number;
  answered: number;
  /** Questions the lesson asks: predictions plus check questions. */
  total: number;
}

export function lessonScore(lesson: Lesson, p: LessonProgress | undefined): LessonScore {
  let correct = 0;
  let answered = 0;
  let total = 0;
  for (const step of lesson.steps) {
    for (const [choices, picked] of [
      [step.predict?.choices, p?.predictions[step.id]],
      [step.check?.choices, p?.checks[step.id]],
    ] as const) {
      if (!choices) continue;
      total++;
      if (picked === undefined) continue;
      answered++;
      if (choices.find((c) => c.id === picked)?.correct) correct++;
    }
  }
  return { correct, answered, total };
}
