/**
 * Reports a lesson to the LMS a SCORM 1.2 package runs in (docs/embedding.md, "SCORM
 * packages"). Loaded only in packages (`scorm=1` in the launch options), before the lesson
 * renders, so the resume data is in place when the player opens its step.
 *
 * At launch: LMSInitialize, status `incomplete` for a first attempt, progress restored from
 * `cmi.suspend_data` (or a fresh start: the LMS, not this browser, owns the attempt).
 * On every lesson event: resume data, location, score (0–100 from the check questions) and
 * status, then LMSCommit. On leave (pagehide): session time, exit mode, LMSFinish, once.
 * Without an LMS nothing here runs and the lesson works as on the site.
 */
import { lessonById } from '../../lessons/catalog.ts';
import { lessonScore } from '../../lessons/score.ts';
import type { Lesson } from '../../lessons/types.ts';
import { LESSON_EVENT } from '../lessons/lessonEvents.ts';
import { emptyProgress, loadProgress, updateLesson } from '../lessons/progress.ts';
import { findScormApi, type Scorm12Api } from './scormApi.ts';
import {
  decodeSuspendData,
  encodeSuspendData,
  formatCmiTimespan,
  lessonStatus,
} from './scormData.ts';

export interface ScormConnection {
  /** Whether the learner is resuming an earlier attempt. */
  resumed: boolean;
  /** Ends the session now (also done on pagehide). */
  finish(): void;
}

const FINISHED = new Set(['completed', 'passed', 'failed']);

function masteryOf(api: Scorm12Api): number | null {
  const raw = api.LMSGetValue('cmi.student_data.mastery_score');
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

/** Connects the lesson to the LMS; null when there is no LMS or it refuses to start. */
export function connectScorm(
  lessonId: string,
  win: Window = window,
  now: () => number = () => performance.now(),
): ScormConnection | null {
  const lesson: Lesson | undefined = lessonById(lessonId);
  if (!lesson) return null;
  const api = findScormApi(win);
  if (!api) return null;
  if (String(api.LMSInitialize('')) !== 'true') return null;
  const startedMs = now();

  const resume = decodeSuspendData(api.LMSGetValue('cmi.suspend_data'), lesson);
  // The LMS owns the attempt: its resume data, or a clean start — never this browser's
  // leftovers from another visit.
  updateLesson(lesson.id, () => resume ?? emptyProgress());
  const mastery = masteryOf(api);
  let status = api.LMSGetValue('cmi.core.lesson_status');
  if (!FINISHED.has(status) && status !== 'incomplete') {
    status = 'incomplete';
    api.LMSSetValue('cmi.core.lesson_status', status);
  }
  api.LMSSetValue('cmi.core.score.min', '0');
  api.LMSSetValue('cmi.core.score.max', '100');
  api.LMSSetValue('cmi.core.exit', 'suspend');
  api.LMSCommit('');

  const sync = (): void => {
    const p = loadProgress()[lesson.id] ?? emptyProgress();
    api.LMSSetValue('cmi.suspend_data', encodeSuspendData(p));
    api.LMSSetValue('cmi.core.lesson_location', String(p.step + 1));
    const score = lessonScore(lesson, p);
    if (score.answered > 0 || p.completed) {
      api.LMSSetValue('cmi.core.score.raw', String(score.percent));
    }
    const next = lessonStatus(lesson, p, mastery);
    // Once finished, an attempt stays finished: revisiting a step does not undo it.
    if (next !== 'incomplete' || !FINISHED.has(status)) {
      if (next !== status) api.LMSSetValue('cmi.core.lesson_status', next);
      status = next;
    }
    api.LMSSetValue('cmi.core.exit', FINISHED.has(status) ? '' : 'suspend');
    api.LMSCommit('');
  };
  win.addEventListener(LESSON_EVENT, sync);

  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    win.removeEventListener(LESSON_EVENT, sync);
    win.removeEventListener('pagehide', finish);
    win.removeEventListener('beforeunload', finish);
    sync();
    api.LMSSetValue('cmi.core.session_time', formatCmiTimespan(now() - startedMs));
    api.LMSCommit('');
    api.LMSFinish('');
  };
  // pagehide covers closing, navigating away and the bfcache; beforeunload covers LMS frames
  // that are torn down without one.
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);

  return { resumed: resume !== null, finish };
}
