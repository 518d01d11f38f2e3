/**
 * Turns the run on screen into a share link, or says why a link would not reproduce it (too
 * many commands, a time past the replay bound, a link too long). Share and "reload, keeping
 * the run" both use it, so neither ever writes a link that opens a different run.
 */
import { PRESET_NAMES } from '../../sim/index.ts';
import type { SimStoreState } from '../../store/simStore.ts';
import { checkShareable, encodeRun, MAX_FRAGMENT_CHARS, type SharedRun } from './shareLink.ts';

export type RunLink = { ok: true; url: string; atMs: number } | { ok: false; reason: string };

/** The run as a share link would carry it, or null before the first snapshot. */
export function currentRun(s: SimStoreState): SharedRun | null {
  if (!s.scenario || !s.snapshot) return null;
  const name = s.scenario.name ?? '';
  return {
    scenario: s.scenario,
    preset: PRESET_NAMES.includes(name) ? name : null,
    commands: s.snapshot.liveCommands,
    atMs: s.snapshot.tMs,
    speed: s.speed,
  };
}

/** A link to `run` based on the page's own address (`href`), or why there can be none. */
export async function runLink(run: SharedRun, href: string): Promise<RunLink> {
  const check = checkShareable(run);
  if (!check.ok) return check;
  let fragment: string;
  try {
    fragment = await encodeRun(run);
  } catch {
    return { ok: false, reason: 'This run is too large for a link.' };
  }
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      reason: `A link to this run would be ${fragment.length.toLocaleString('en')} characters, more than the ${MAX_FRAGMENT_CHARS.toLocaleString('en')} a link may hold.`,
    };
  }
  const url = new URL(href);
  url.hash = fragment;
  for (const k of ['preset', 'seed', 'lesson', 'step']) url.searchParams.delete(k);
  return { ok: true, url: url.toString(), atMs: run.atMs };
}
