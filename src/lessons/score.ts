/**
 * A lesson's score and completion, from what the learner did: the first answer to each check
 * question counts (changing it after reading the feedback does not raise the score), and a
 * lesson is complete only when every step's condition was met, not merely reached.
 */
import type { Lesson } from './types.ts';

export interface LessonScore {
  /** Check questions answered correctly the first time. */
  correct: number;
  /** Check questions answered at all. */
  answered: number;
  /** Check questions in the lesson. */
  total: number;
  /** `correct` as a percentage of `total`, 0 … 100 (100 for a lesson without questions). */
  percent: number;
}

/** What the score needs from saved progress: first answers and the steps whose condition was met. */
export interface ScoreInput {
  /** Step id → whether the first answer to its check question was right. */
  firstChecks: Record<string, boolean>;
  /** Ids of the steps whose `until` condition was met. */
  met: string[];
}

export function lessonScore(lesson: Lesson, p: ScoreInput): LessonScore {
  let correct = 0;
  let answered = 0;
  let total = 0;
  for (const step of lesson.steps) {
    if (!step.check) continue;
    total += 1;
    const first = p.firstChecks[step.id];
    if (first === undefined) continue;
    answered += 1;
    if (first) correct += 1;
  }
  const percent = total === 0 ? 100 : Math.round((100 * correct) / total);
  return { correct, answered, total, percent };
}

/** 1-based numbers of the steps whose condition was not met (skipped or not yet done). */
export function skippedSteps(lesson: Lesson, p: ScoreInput): number[] {
  const met = new Set(p.met);
  const out: number[] = [];
  lesson.steps.forEach((s, i) => {
    if (!met.has(s.id)) out.push(i + 1);
  });
  return out;
}
