/**
 * Reads the page's query string into safe options (docs/url-parameters.md). Unknown or
 * malformed values fall back to defaults and are listed in `problems`, so the page can say
 * what it ignored; nothing here throws.
 */
import { LIMITS, PRESET_NAMES, type Architecture } from '../sim/index.ts';
import type { ClientKind } from '../client/SimClient.ts';
import { MAX_SPEED, MIN_SPEED, isSpeed } from '../protocol/speed.ts';
import { COMPARE_ARCHS, parseArchList } from '../app/compareSetup.ts';
import { resolveParentOrigin, type ParentOriginRule } from './embed/parentOrigin.ts';

import type { Mode } from '../app/modes.ts';

export type { Mode };
export type Theme = 'light' | 'dark' | 'system';

/** Groups of controls a course page can hide with `?lock=` (comma-separated, or `all`). */
export const LOCKABLE = [
  'run',
  'speed',
  'seed',
  'architecture',
  'load-balancer',
  'traffic',
  'timeline',
  'share',
] as const;
export type Lockable = (typeof LOCKABLE)[number];

export interface UrlOptions {
  mode: Mode;
  preset: string;
  /** Compare mode's panes: two or three architectures, in canonical order. */
  archs: Architecture[];
  seed: number | null;
  speed: number | null;
  lesson: string | null;
  /** 1-based step number. */
  step: number | null;
  embed: boolean;
  /** Running inside a SCORM course package: report to the LMS when one is found. */
  scorm: boolean;
  lock: Lockable[];
  theme: Theme;
  /** `text=large` or `text=normal` for this page (null: the learner's remembered choice). */
  text: 'large' | 'normal' | null;
  /** Who the embed bridge may talk to; fails closed on a value that is not an origin. */
  parentOrigin: ParentOriginRule;
  engine: ClientKind | undefined;
  problems: string[];
}

export const DEFAULT_PRESET = 'first-crash';
/** Compare mode without `preset=`: a server dies at 20 s, which is where the panes differ. */
export const DEFAULT_COMPARE_PRESET = 'first-crash';
const MAX_QUERY_CHARS = 4096;

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function readUrlOptions(search: string): UrlOptions {
  const problems: string[] = [];
  const tooLong = search.length > MAX_QUERY_CHARS;
  if (tooLong) problems.push('The link was too long; its settings were ignored.');
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(tooLong ? '' : search);
  } catch {
    q = new URLSearchParams();
  }

  let preset: string | null = null;
  const p = q.get('preset');
  if (p !== null) {
    if (PRESET_NAMES.includes(p)) preset = p;
    else problems.push(`Unknown preset "${clip(p)}"; showing the default.`);
  }

  let archs = [...COMPARE_ARCHS];
  const a = q.get('archs');
  if (a !== null) {
    const parsed = parseArchList(a);
    if (parsed) archs = parsed;
    else {
      problems.push(
        `The archs must be two or three of ${COMPARE_ARCHS.join(', ')}; comparing all three.`,
      );
    }
  }

  let seed: number | null = null;
  const s = q.get('seed');
  if (s !== null) {
    const n = Number(s);
    if (s.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= LIMITS.seed) seed = n;
    else problems.push("The seed must be a whole number; using the scenario's own seed.");
  }

  let speed: number | null = null;
  const sp = q.get('speed');
  if (sp !== null) {
    const n = Number(sp);
    if (sp.trim() !== '' && isSpeed(n)) speed = n;
    else
      problems.push(
        `The speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}; using the default.`,
      );
  }

  const lesson = q.get('lesson');
  const lessonId = lesson !== null && /^[a-z0-9-]{1,40}$/.test(lesson) ? lesson : null;
  if (lesson !== null && lessonId === null) problems.push('That lesson name is not valid.');

  let step: number | null = null;
  const st = q.get('step');
  if (st !== null) {
    const n = Number(st);
    if (Number.isInteger(n) && n >= 1 && n <= 100) step = n;
    else problems.push('The step must be a whole number from 1; starting at the beginning.');
  }

  let mode: Mode = lessonId ? 'lessons' : 'playground';
  const m = q.get('mode');
  if (m !== null) {
    if (m === 'playground' || m === 'lessons' || m === 'compare') mode = m;
    else problems.push(`Unknown mode "${clip(m)}"; showing the playground.`);
  }

  const lock: Lockable[] = [];
  const l = q.get('lock');
  if (l !== null) {
    for (const part of l.split(',').slice(0, 20)) {
      const name = part.trim();
      if (name === 'all') lock.push(...LOCKABLE);
      else if ((LOCKABLE as readonly string[]).includes(name)) lock.push(name as Lockable);
      else if (name) problems.push(`Unknown control "${clip(name)}" in lock; ignored.`);
    }
  }

  const th = q.get('theme');
  const theme: Theme = th === 'light' || th === 'dark' ? th : 'system';
  if (th !== null && theme === 'system' && th !== 'system') {
    problems.push('The theme must be light, dark or system.');
  }

  const tx = q.get('text');
  const text = tx === 'large' || tx === 'normal' ? tx : null;
  if (tx !== null && text === null) {
    problems.push('The text size must be large or normal; using the remembered size.');
  }

  const e = q.get('engine');
  const engine = e === 'worker' || e === 'in-thread' ? e : undefined;

  // A restriction the author asked for is never dropped: a link too long to read, with a
  // parentOrigin somewhere in it, fails closed rather than open.
  const parentOrigin: ParentOriginRule =
    tooLong && /parentOrigin/i.test(search)
      ? {
          kind: 'invalid',
          reason: 'the link was too long to read',
          message:
            'The link was too long to read its parentOrigin, so course-page messages are switched off.',
        }
      : resolveParentOrigin(q.get('parentOrigin'));
  if (parentOrigin.kind === 'invalid') problems.push(parentOrigin.message);
  else if (parentOrigin.kind === 'origin' && parentOrigin.notice)
    problems.push(parentOrigin.notice);

  return {
    mode,
    preset: preset ?? (mode === 'compare' ? DEFAULT_COMPARE_PRESET : DEFAULT_PRESET),
    archs,
    seed,
    speed,
    lesson: lessonId,
    step,
    embed: q.get('embed') === '1',
    scorm: q.get('scorm') === '1',
    lock: [...new Set(lock)],
    theme,
    text,
    parentOrigin,
    engine,
    problems,
  };
}
