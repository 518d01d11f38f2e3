/**
 * The values a lesson writes into the SCORM data model, as pure functions so they can be
 * tested without an LMS: the resume data (`cmi.suspend_data`, at most 4,096 characters in
 * SCORM 1.2 and 64,000 in SCORM 2004), the session time (SCORM 1.2's `CMITimespan`,
 * HHHH:MM:SS.SS, or SCORM 2004's ISO 8601 duration, PT1H2M3.45S) and the lesson status.
 */
import { lessonScore, skippedSteps } from '../../lessons/score.ts';
import type { Lesson } from '../../lessons/types.ts';
import { emptyProgress, sanitize, type LessonProgress } from '../lessons/progress.ts';

/** SCORM 1.2's limit for `cmi.suspend_data` (CMIString4096). */
export const SUSPEND_LIMIT = 4096;
/** SCORM 2004's (4th edition) limit for `cmi.suspend_data` (characterstring, SPM 64,000). */
export const SUSPEND_LIMIT_2004 = 64_000;

/** The resume record: versioned, with short keys so long lessons stay far below the limit. */
interface SuspendRecord {
  v: 1;
  /** The step the learner was on, 0-based. */
  s: number;
  /** Finished (every step met). */
  d?: 1;
  m: string[];
  f: Record<string, boolean>;
  c?: Record<string, string>;
  p?: Record<string, string>;
}

/**
 * Encodes progress for `cmi.suspend_data`. When the whole record would pass the limit, the
 * parts that only redraw the screen go first (the chosen prediction, then the chosen check
 * answer); what the score and completion rest on (first answers, met steps) goes last.
 */
export function encodeSuspendData(p: LessonProgress, limit = SUSPEND_LIMIT): string {
  const core: SuspendRecord = {
    v: 1,
    s: p.step,
    ...(p.completed ? { d: 1 as const } : {}),
    m: p.met,
    f: p.firstChecks,
  };
  const attempts: SuspendRecord[] = [
    { ...core, c: p.checks, p: p.predictions },
    { ...core, c: p.checks },
    core,
    { ...core, f: {} },
    { v: 1, s: p.step, m: [], f: {} },
  ];
  for (const r of attempts) {
    const text = JSON.stringify(r);
    if (text.length <= limit) return text;
  }
  return JSON.stringify({ v: 1, s: 0, m: [], f: {} });
}

/** Reads resume data back; null for empty, foreign or damaged data (the lesson starts afresh). */
export function decodeSuspendData(
  text: string,
  lesson: Lesson,
  limit = SUSPEND_LIMIT,
): LessonProgress | null {
  if (!text || text.length > limit) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || (raw as { v?: unknown }).v !== 1) return null;
  const r = raw as Partial<SuspendRecord>;
  const cleaned = sanitize({
    [lesson.id]: {
      step: r.s,
      completed: r.d === 1,
      met: r.m,
      firstChecks: r.f,
      checks: r.c,
      predictions: r.p,
    },
  })[lesson.id];
  if (!cleaned) return null;
  const ids = new Set(lesson.steps.map((s) => s.id));
  const known = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(o).filter(([k]) => ids.has(k)));
  return {
    ...emptyProgress(),
    step: Math.min(cleaned.step, lesson.steps.length - 1),
    completed: cleaned.completed,
    met: cleaned.met.filter((id) => ids.has(id)),
    firstChecks: known(cleaned.firstChecks),
    checks: known(cleaned.checks),
    predictions: known(cleaned.predictions),
  };
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours 2–4 digits, capped at 9999). */
export function formatCmiTimespan(ms: number): string {
  const cs = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  const hours = Math.min(9999, Math.floor(cs / 360_000));
  if (hours === 9999 && cs >= 9999 * 360_000) return '9999:59:59.99';
  const minutes = Math.floor((cs % 360_000) / 6000);
  const seconds = (cs % 6000) / 100;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hours)}:${pad(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 `timeinterval`: an ISO 8601 duration in hours, minutes and seconds (PT1H2M3.45S). */
export function formatIsoDuration(ms: number): string {
  const cs = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const seconds = (cs % 6000) / 100;
  return `PT${hours > 0 ? `${hours}H` : ''}${hours > 0 || minutes > 0 ? `${minutes}M` : ''}${Number(seconds.toFixed(2))}S`;
}

export type Scorm12Status = 'incomplete' | 'completed' | 'passed' | 'failed';

/**
 * The status to report: incomplete until every step's condition was met; then completed, or
 * passed / failed against the LMS's mastery score when the package declares one.
 */
export function lessonStatus(
  lesson: Lesson,
  p: LessonProgress,
  masteryScore: number | null,
): Scorm12Status {
  const done = p.completed && skippedSteps(lesson, p).length === 0;
  if (!done) return 'incomplete';
  if (masteryScore === null) return 'completed';
  return lessonScore(lesson, p).percent >= masteryScore ? 'passed' : 'failed';
}
