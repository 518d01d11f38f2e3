/** The lessons, in order, with the learner's progress through each. */
import { LESSONS } from '../../lessons/catalog.ts';
import { LessonProgressBadge } from './LessonProgressBadge.tsx';
import { loadProgress } from './progress.ts';

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
          return (
            <li key={l.id} className="lesson-list-item">
              <a href={`?lesson=${l.id}`}>{l.title}</a>
              <span className="muted">
                {' '}
                · {l.minutes} min · <LessonProgressBadge lesson={l} progress={progress[l.id]} />
              </span>
              <p>{l.summary}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
