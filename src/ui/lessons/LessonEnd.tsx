/**
 * The card at the end of a lesson: "Lesson complete" with the score and the goals when every
 * step's condition was met; otherwise which steps are still to do, with a way back to each.
 */
import type { RefObject } from 'react';
import type { LessonScore } from '../../lessons/score.ts';
import type { Lesson } from '../../lessons/types.ts';

export function scoreText(score: LessonScore): string | null {
  return score.total === 0 ? null : `${score.correct} of ${score.total} check questions right`;
}

export function LessonEnd({
  lesson,
  nextLesson,
  score,
  unfinished,
  headingRef,
  onOpenStep,
}: {
  lesson: Lesson;
  nextLesson: Lesson | null;
  score: LessonScore;
  unfinished: number[] | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onOpenStep: (step: number) => void;
}) {
  const scoreLine = scoreText(score);
  if (unfinished) {
    return (
      <>
        <h2 id="lesson-step-title" tabIndex={-1} ref={headingRef}>
          Almost there
        </h2>
        <p>
          You reached the end of “{lesson.title}”, but{' '}
          {unfinished.length === 1 ? 'one step was' : `${unfinished.length} steps were`} skipped.
          The lesson counts as complete once every step is done:
        </p>
        <ul className="lesson-unfinished">
          {unfinished.map((n) => (
            <li key={n}>
              <button type="button" className="link-button" onClick={() => onOpenStep(n)}>
                Step {n}: {lesson.steps[n - 1]?.title}
              </button>
            </li>
          ))}
        </ul>
        {scoreLine && <p className="lesson-score">Score so far: {scoreLine}.</p>}
      </>
    );
  }
  return (
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
      {scoreLine && <p className="lesson-score">Score: {scoreLine}.</p>}
      <p className="lesson-links">
        {nextLesson && <a href={`?lesson=${nextLesson.id}`}>Next: {nextLesson.title}</a>}{' '}
        <a href="?mode=lessons">Back to all lessons</a>
      </p>
    </>
  );
}
