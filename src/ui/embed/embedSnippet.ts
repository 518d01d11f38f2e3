/**
 * Builds the `<iframe>` snippet a course author pastes into their page, for what is on
 * screen: a lesson at its step, the playground's run as it is now (the share link's
 * `#run=…`), a comparison's setup, or a playground preset.
 */
import { LOCKABLE, type Lockable, type Theme } from '../urlOptions.ts';
import { checkTypedOrigin } from './parentOrigin.ts';

export type EmbedTarget =
  | { kind: 'lesson'; lesson: string; title: string; step: number | null }
  | { kind: 'run'; fragment: string; name: string }
  | { kind: 'preset'; preset: string; seed: number | null }
  /** `query`: the comparison's setup and faults; `note`: what it could not carry, and why. */
  | { kind: 'compare'; query: string; title: string; note?: string };

export interface EmbedChoice {
  target: EmbedTarget;
  lock: Lockable[];
  theme: Theme;
  parentOrigin: string;
  width: number;
  height: number;
  /** `width="100%"`: the frame takes the column's width, `height` stays as given. */
  fullWidth: boolean;
}

/** The lock groups each kind of embed has controls for; a lesson has none. */
export function locksFor(kind: EmbedTarget['kind']): readonly Lockable[] {
  switch (kind) {
    case 'lesson':
      return [];
    case 'compare':
      return ['run', 'speed', 'timeline', 'architecture', 'seed'];
    default:
      return LOCKABLE;
  }
}

export const SIZE_PRESETS = [
  { id: '16:10', label: '16:10 (800 × 500)', width: 800, height: 500, fullWidth: false },
  { id: '4:3', label: '4:3 (800 × 600)', width: 800, height: 600, fullWidth: false },
  { id: 'wide', label: 'Wide (1200 × 750)', width: 1200, height: 750, fullWidth: false },
  { id: 'full', label: 'Full width × 640', width: 800, height: 640, fullWidth: true },
] as const;

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedUrl(base: string, c: EmbedChoice): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  const t = c.target;
  if (t.kind === 'compare') url.search = t.query;
  const q = url.searchParams;
  if (t.kind === 'lesson') {
    q.set('lesson', t.lesson);
    if (t.step !== null && t.step > 1) q.set('step', String(t.step));
  } else if (t.kind === 'preset') {
    q.set('preset', t.preset);
    if (t.seed !== null) q.set('seed', String(t.seed));
  } else if (t.kind === 'run') {
    url.hash = t.fragment;
  }
  q.set('embed', '1');
  // Only locks the embed has controls for: a lesson never carries one.
  const applicable = locksFor(t.kind);
  const lock = c.lock.filter((l) => applicable.includes(l));
  if (lock.length > 0) q.set('lock', lock.join(','));
  if (c.theme !== 'system') q.set('theme', c.theme);
  // The origin as the app will read it. A value that is not an origin is written as typed:
  // the app then fails closed (no messages) rather than open, and says why.
  const origin = checkTypedOrigin(c.parentOrigin);
  if (origin.value !== null) q.set('parentOrigin', origin.value);
  else if (!origin.ok) q.set('parentOrigin', c.parentOrigin.trim());
  return url.toString();
}

export function embedSnippet(base: string, c: EmbedChoice): string {
  const t = c.target;
  const title =
    t.kind === 'lesson'
      ? `Statecraft lesson: ${t.title}`
      : t.kind === 'compare'
        ? `Statecraft comparison: ${t.title}`
        : `Statecraft simulation: ${t.kind === 'run' ? t.name : t.preset}`;
  const w = c.fullWidth ? '100%' : String(Math.min(1920, Math.max(320, Math.round(c.width))));
  const h = Math.min(1440, Math.max(240, Math.round(c.height)));
  return (
    `<iframe src="${escapeAttr(embedUrl(base, c))}" title="${escapeAttr(title)}" ` +
    `width="${w}" height="${h}" loading="lazy" style="border:1px solid #ccc;border-radius:8px;max-width:100%"></iframe>`
  );
}
