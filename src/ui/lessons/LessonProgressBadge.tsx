/** One lesson's completion and score (check questions, first answer), as the lesson list shows it. */
import type { Lesson } from '../../lessons/types.ts';
import { emptyProgress, savedStep, type LessonProgress } from './progress.ts';
import { lessonScore } from '../../lessons/score.ts';

export function LessonProgressBadge({
  lesson,
  progress,
}: {
  lesson: Lesson;
  progress: LessonProgress | undefined;
}) {
  const status = progress?.completed
    ? 'Completed'
    : progress && progress.step > 0
      ? `In progress: step ${savedStep(progress, lesson.steps.length) + 1} of ${lesson.steps.length}`
      : 'Not started';
  const score = lessonScore(lesson, progress ?? emptyProgress());
  return (
    <>
      <span className={`lesson-status${progress?.completed ? ' is-complete' : ''}`}>
        {progress?.completed && <span aria-hidden="true">✓ </span>}
        {status}
      </span>
      {score.total > 0 && (
        <>
          {' · '}
          <span
            className="lesson-score"
            title={`${score.answered} of ${score.total} check questions answered; the first answer counts`}
          >
            Score {score.correct}/{score.total}
          </span>
        </>
      )}
    </>
  );
}
