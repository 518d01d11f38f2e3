/** Builds the `<iframe>` snippet a course author pastes into their page. */
import type { Lockable, Theme } from '../urlOptions.ts';
import { checkTypedOrigin } from './parentOrigin.ts';

export interface EmbedChoice {
  /** A lesson id, or null for the playground with a preset. */
  lesson: string | null;
  lessonTitle: string | null;
  preset: string;
  seed: number | null;
  lock: Lockable[];
  theme: Theme;
  parentOrigin: string;
  width: number;
  height: number;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedUrl(base: string, c: EmbedChoice): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  const q = url.searchParams;
  if (c.lesson) q.set('lesson', c.lesson);
  else {
    q.set('preset', c.preset);
    if (c.seed !== null) q.set('seed', String(c.seed));
  }
  q.set('embed', '1');
  if (c.lock.length > 0) q.set('lock', c.lock.join(','));
  if (c.theme !== 'system') q.set('theme', c.theme);
  // The origin as the app will read it. A value that is not an origin is written as typed:
  // the app then fails closed (no messages) rather than open, and says why.
  const origin = checkTypedOrigin(c.parentOrigin);
  if (origin.value !== null) q.set('parentOrigin', origin.value);
  else if (!origin.ok) q.set('parentOrigin', c.parentOrigin.trim());
  return url.toString();
}

export function embedSnippet(base: string, c: EmbedChoice): string {
  const title = c.lesson
    ? `Statecraft lesson: ${c.lessonTitle ?? c.lesson}`
    : `Statecraft simulation: ${c.preset}`;
  const w = Math.min(1920, Math.max(320, Math.round(c.width)));
  const h = Math.min(1440, Math.max(240, Math.round(c.height)));
  return (
    `<iframe src="${escapeAttr(embedUrl(base, c))}" title="${escapeAttr(title)}" ` +
    `width="${w}" height="${h}" loading="lazy" style="border:1px solid #ccc;border-radius:8px;max-width:100%"></iframe>`
  );
}
