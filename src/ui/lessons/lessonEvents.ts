/**
 * Lesson milestones as DOM events on window, so other parts of the page (the embed bridge
 * that tells a course page about progress, the SCORM reporter in a course package) can listen
 * without the player knowing them.
 */
import type { LessonScore } from '../../lessons/score.ts';

export type LessonEvent =
  | { type: 'step-changed'; lesson: string; step: number; steps: number }
  | { type: 'prediction-answered'; lesson: string; step: number; correct: boolean }
  /** `first`: this was the first answer, the one the score counts. */
  | {
      type: 'check-answered';
      lesson: string;
      step: number;
      correct: boolean;
      first: boolean;
      score: LessonScore;
    }
  /** Every step's condition was met; `skipped` is then empty. */
  | { type: 'lesson-completed'; lesson: string; score: LessonScore; skipped: number[] }
  /** The learner reached the end, but these steps (1-based) were skipped and not done since. */
  | { type: 'lesson-incomplete'; lesson: string; score: LessonScore; skipped: number[] };

export const LESSON_EVENT = 'statecraft:lesson';

export function emitLessonEvent(detail: LessonEvent): void {
  window.dispatchEvent(new CustomEvent<LessonEvent>(LESSON_EVENT, { detail }));
}
