/**
 * Reports a lesson to the LMS a SCORM package runs in (docs/embedding.md, "SCORM packages"),
 * through SCORM 1.2's `API` or SCORM 2004's `API_1484_11`, whichever the LMS provides (the
 * package's own edition first: `scormVersion=2004` in the launch options). Loaded only in
 * packages (`scorm=1`), before the lesson renders, so the resume data is in place when the
 * player opens its step.
 *
 * At launch: initialize, status `incomplete` for a first attempt, progress restored from
 * `cmi.suspend_data` (or a fresh start: the LMS, not this browser, owns the attempt).
 * On every lesson event: resume data, location, score (0–100 from the check questions) and
 * status, then commit. On leave (pagehide): session time, exit mode, finish (LMSFinish or
 * Terminate), once. Without an LMS nothing here runs and the lesson works as on the site.
 */
import { lessonById } from '../../lessons/catalog.ts';
import { lessonScore } from '../../lessons/score.ts';
import type { Lesson } from '../../lessons/types.ts';
import { LESSON_EVENT } from '../lessons/lessonEvents.ts';
import { emptyProgress, loadProgress, updateLesson } from '../lessons/progress.ts';
import { launchSearch } from './launchParams.ts';
import { findScormApi, type FoundScormApi, type ScormVersion } from './scormApi.ts';
import {
  SUSPEND_LIMIT,
  SUSPEND_LIMIT_2004,
  decodeSuspendData,
  encodeSuspendData,
  formatCmiTimespan,
  formatIsoDuration,
  lessonStatus,
  type Scorm12Status,
} from './scormData.ts';

export interface ScormConnection {
  /** Whether the learner is resuming an earlier attempt. */
  resumed: boolean;
  /** Ends the session now (also done on pagehide). */
  finish(): void;
}

const FINISHED = new Set<string>(['completed', 'passed', 'failed']);

/**
 * One edition's data model, in the lesson's terms. `status` is SCORM 1.2's lesson_status;
 * SCORM 2004 splits it into completion_status and success_status.
 */
interface DataModel {
  suspendLimit: number;
  initialize(): boolean;
  get(element: 'suspend_data'): string;
  /** The LMS's mastery score, 0–100, or null when the package declares none. */
  mastery(): number | null;
  /** The status the LMS holds for this attempt. */
  status(): Scorm12Status | 'other';
  setStatus(status: Scorm12Status): void;
  setScoreRange(): void;
  setScore(percent: number): void;
  setLocation(step: number): void;
  setSuspendData(text: string): void;
  /** `suspend` while the lesson is unfinished, so the LMS keeps the attempt for a resume. */
  setExit(suspend: boolean): void;
  setSessionTime(ms: number): void;
  commit(): void;
  finish(): void;
}

const percentOf = (raw: string, scale: number): number | null => {
  const n = Number(raw) * scale;
  return raw.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
};

function model(found: FoundScormApi): DataModel {
  if (found.version === '1.2') {
    const api = found.api;
    const set = (el: string, v: string) => void api.LMSSetValue(el, v);
    return {
      suspendLimit: SUSPEND_LIMIT,
      initialize: () => String(api.LMSInitialize('')) === 'true',
      get: () => api.LMSGetValue('cmi.suspend_data'),
      mastery: () => percentOf(api.LMSGetValue('cmi.student_data.mastery_score'), 1),
      status: () => {
        const v = api.LMSGetValue('cmi.core.lesson_status');
        return FINISHED.has(v) || v === 'incomplete' ? (v as Scorm12Status) : 'other';
      },
      setStatus: (v) => set('cmi.core.lesson_status', v),
      setScoreRange: () => {
        set('cmi.core.score.min', '0');
        set('cmi.core.score.max', '100');
      },
      setScore: (percent) => set('cmi.core.score.raw', String(percent)),
      setLocation: (step) => set('cmi.core.lesson_location', String(step)),
      setSuspendData: (text) => set('cmi.suspend_data', text),
      setExit: (suspend) => set('cmi.core.exit', suspend ? 'suspend' : ''),
      setSessionTime: (ms) => set('cmi.core.session_time', formatCmiTimespan(ms)),
      commit: () => void api.LMSCommit(''),
      finish: () => void api.LMSFinish(''),
    };
  }
  const api = found.api;
  const set = (el: string, v: string) => void api.SetValue(el, v);
  return {
    suspendLimit: SUSPEND_LIMIT_2004,
    initialize: () => String(api.Initialize('')) === 'true',
    get: () => api.GetValue('cmi.suspend_data'),
    // cmi.scaled_passing_score: -1 … 1, from the manifest's minNormalizedMeasure.
    mastery: () => percentOf(api.GetValue('cmi.scaled_passing_score'), 100),
    status: () => {
      const success = api.GetValue('cmi.success_status');
      if (success === 'passed' || success === 'failed') return success;
      const completion = api.GetValue('cmi.completion_status');
      return completion === 'completed' || completion === 'incomplete' ? completion : 'other';
    },
    setStatus: (v) => {
      set('cmi.completion_status', v === 'incomplete' ? 'incomplete' : 'completed');
      if (v === 'passed' || v === 'failed') set('cmi.success_status', v);
    },
    setScoreRange: () => {
      set('cmi.score.min', '0');
      set('cmi.score.max', '100');
    },
    setScore: (percent) => {
      set('cmi.score.raw', String(percent));
      set('cmi.score.scaled', String(percent / 100));
    },
    setLocation: (step) => set('cmi.location', String(step)),
    setSuspendData: (text) => set('cmi.suspend_data', text),
    setExit: (suspend) => set('cmi.exit', suspend ? 'suspend' : 'normal'),
    setSessionTime: (ms) => set('cmi.session_time', formatIsoDuration(ms)),
    commit: () => void api.Commit(''),
    finish: () => void api.Terminate(''),
  };
}

/** The edition the package was written for (its launch options), 1.2 unless it says 2004. */
function packageVersion(win: Window): ScormVersion {
  const q = new URLSearchParams(launchSearch(win.document, win.location.search));
  return q.get('scormVersion') === '2004' ? '2004' : '1.2';
}

/** Connects the lesson to the LMS; null when there is no LMS or it refuses to start. */
export function connectScorm(
  lessonId: string,
  win: Window = window,
  now: () => number = () => performance.now(),
): ScormConnection | null {
  const lesson: Lesson | undefined = lessonById(lessonId);
  if (!lesson) return null;
  const found = findScormApi(win, packageVersion(win));
  if (!found) return null;
  const lms = model(found);
  if (!lms.initialize()) return null;
  const startedMs = now();

  const resume = decodeSuspendData(lms.get('suspend_data'), lesson, lms.suspendLimit);
  // The LMS owns the attempt: its resume data, or a clean start — never this browser's
  // leftovers from another visit.
  updateLesson(lesson.id, () => resume ?? emptyProgress());
  const mastery = lms.mastery();
  let status: string = lms.status();
  if (status === 'other') {
    status = 'incomplete';
    lms.setStatus('incomplete');
  }
  lms.setScoreRange();
  lms.setExit(true);
  lms.commit();

  const sync = (): void => {
    const p = loadProgress()[lesson.id] ?? emptyProgress();
    lms.setSuspendData(encodeSuspendData(p, lms.suspendLimit));
    lms.setLocation(p.step + 1);
    const score = lessonScore(lesson, p);
    if (score.answered > 0 || p.completed) lms.setScore(score.percent);
    const next = lessonStatus(lesson, p, mastery);
    // Once finished, an attempt stays finished: revisiting a step does not undo it.
    if (next !== 'incomplete' || !FINISHED.has(status)) {
      if (next !== status) lms.setStatus(next);
      status = next;
    }
    lms.setExit(!FINISHED.has(status));
    lms.commit();
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
    lms.setSessionTime(now() - startedMs);
    lms.commit();
    lms.finish();
  };
  // pagehide covers closing, navigating away and the bfcache; beforeunload covers LMS frames
  // that are torn down without one.
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);

  return { resumed: resume !== null, finish };
}
