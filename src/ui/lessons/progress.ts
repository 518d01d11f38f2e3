/**
 * Lesson progress kept in localStorage, with an in-memory fallback when storage is not
 * available (private windows, sandboxed iframes) or full: progress then lasts for the visit
 * only, and nothing breaks. Once a write has failed, the in-memory copy is the newer one and
 * is what is read for the rest of the visit (storage may still accept a tiny probe write while
 * refusing the real value).
 */

export interface LessonProgress {
  step: number;
  completed: boolean;
  predictions: Record<string, string>;
  checks: Record<string, string>;
  /** Step id → whether the first answer to its check question was right (the score). */
  firstChecks: Record<string, boolean>;
  /** Ids of the steps whose condition was met, so completion cannot be had by skipping. */
  met: string[];
}

export type ProgressMap = Record<string, LessonProgress>;

const KEY = 'statecraft.lessons.v1';

function storage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = `${KEY}.probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

let memory: ProgressMap = {};
/** Set when storage refused a write: from then on `memory` is the truth for this visit. */
let writeFailed = false;

/** The most steps a lesson has, far above any real one: bounds a saved step number. */
const MAX_STEPS = 1000;

export function emptyProgress(): LessonProgress {
  return { step: 0, completed: false, predictions: {}, checks: {}, firstChecks: {}, met: [] };
}

/** Keeps only well-formed entries, so a corrupted or hand-edited value cannot break the page. */
export function sanitize(raw: unknown): ProgressMap {
  const out: ProgressMap = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const p = v as Partial<LessonProgress>;
    const strings = (x: unknown): Record<string, string> =>
      x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x as Record<string, unknown>).filter(
              (e): e is [string, string] => typeof e[1] === 'string',
            ),
          )
        : {};
    const booleans = (x: unknown): Record<string, boolean> =>
      x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x as Record<string, unknown>).filter(
              (e): e is [string, boolean] => typeof e[1] === 'boolean',
            ),
          )
        : {};
    out[id.slice(0, 64)] = {
      step:
        Number.isInteger(p.step) && (p.step as number) >= 0 && (p.step as number) < MAX_STEPS
          ? (p.step as number)
          : 0,
      completed: p.completed === true,
      predictions: strings(p.predictions),
      checks: strings(p.checks),
      firstChecks: booleans(p.firstChecks),
      met: Array.isArray(p.met)
        ? [...new Set(p.met.filter((x): x is string => typeof x === 'string'))].slice(0, 200)
        : [],
    };
  }
  return out;
}

/** A saved step (0-based) as a step of a lesson with `stepCount` steps. */
export function savedStep(p: LessonProgress | undefined, stepCount: number): number {
  if (!p || stepCount <= 0) return 0;
  return Math.min(Math.max(0, p.step), stepCount - 1);
}

export function loadProgress(): ProgressMap {
  const s = writeFailed ? null : storage();
  if (!s) return { ...memory };
  try {
    return sanitize(JSON.parse(s.getItem(KEY) ?? '{}'));
  } catch {
    return {};
  }
}

export function saveProgress(map: ProgressMap): void {
  memory = { ...map };
  const s = writeFailed ? null : storage();
  if (!s) return;
  try {
    s.setItem(KEY, JSON.stringify(map));
  } catch {
    // Quota or access errors: keep the in-memory copy, and read it from now on.
    writeFailed = true;
  }
}

export function updateLesson(
  id: string,
  patch: (p: LessonProgress) => LessonProgress,
): ProgressMap {
  const map = loadProgress();
  map[id] = patch(map[id] ?? emptyProgress());
  saveProgress(map);
  return map;
}
