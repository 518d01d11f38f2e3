/** The lessons, in order, with the learner's progress through each. */
import { LESSONS } from '../../lessons/catalog.ts';
import { lessonScore } from '../../lessons/score.ts';
import { scoreText } from './LessonEnd.tsx';
import { loadProgress, savedStep } from './progress.ts';

export function LessonList() {
  const progress = loadProgress();
  return (
    <section className="lesson-list" aria-labelledby="lessons-title">
      <h1 id="lessons-title">Lessons</h1>
      <p>
        Short, guided runs of the same simulation. Each one asks you to predict what happens before
        you see it.
      </p>
      <ol>
        {LESSONS.map((l) => {
          const p = progress[l.id];
          const status = p?.completed
            ? 'Completed'
            : p && p.step > 0
              ? `In progress: step ${savedStep(p, l.steps.length) + 1} of ${l.steps.length}`
              : 'Not started';
          const score = p && Object.keys(p.firstChecks).length > 0 ? lessonScore(l, p) : null;
          const scoreLine = score ? scoreText(score) : null;
          return (
            <li key={l.id} className="lesson-list-item">
              <a href={`?lesson=${l.id}`}>{l.title}</a>
              <span className="muted">
                {' '}
                · {l.minutes} min · <span className="lesson-status">{status}</span>
                {scoreLine && (
                  <>
                    {' '}
                    · <span className="lesson-score">{scoreLine}</span>
                  </>
                )}
              </span>
              <p>{l.summary}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
