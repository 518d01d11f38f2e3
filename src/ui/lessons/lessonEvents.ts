/**
 * Lesson milestones as DOM events on window, so other parts of the page (the embed bridge
 * that tells a course page about progress) can listen without the player knowing them.
 */
export type LessonEvent =
  | { type: 'step-changed'; lesson: string; step: number; steps: number }
  | { type: 'lesson-completed'; lesson: string }
  | { type: 'prediction-answered'; lesson: string; step: number; correct: boolean };

export const LESSON_EVENT = 'statecraft:lesson';

export function emitLessonEvent(detail: LessonEvent): void {
  window.dispatchEvent(new CustomEvent<LessonEvent>(LESSON_EVENT, { detail }));
}
