/** Lessons mode: the list at ?mode=lessons, one lesson at ?lesson=<id>[&step=<n>]. */
import { LESSONS, lessonById } from '../../lessons/catalog.ts';
import { LessonList } from './LessonList.tsx';
import { LessonPlayer } from './LessonPlayer.tsx';
import { loadProgress, savedStep } from './progress.ts';
import './lessons.css';

export function LessonsMode({ lessonId, step }: { lessonId: string | null; step: number | null }) {
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  if (!lesson) return <LessonList />;
  const saved = loadProgress()[lesson.id];
  const initial =
    step !== null
      ? step - 1
      : saved && !saved.completed
        ? savedStep(saved, lesson.steps.length)
        : 0;
  const next = LESSONS[LESSONS.indexOf(lesson) + 1] ?? null;
  return <LessonPlayer key={lesson.id} lesson={lesson} initialStep={initial} nextLesson={next} />;
}
