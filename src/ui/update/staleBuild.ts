/**
 * After a new version is deployed, an open tab may ask for a file of its own version that the
 * server no longer has (a lazy chunk: the lessons, a dialog, the picture export). That is not
 * a bug to show the learner; it means "reload". This module recognises those failures, tells
 * the page (one event, shown by UpdateNotice) and reloads keeping the run: in the playground
 * the run is first written into the address as a share link, so the reload replays it.
 */
import type { SimSession } from '../../store/simStore.ts';
import { currentRun, runLink } from '../share/runLink.ts';
import { checkShareable } from '../share/shareLink.ts';

export const STALE_BUILD_EVENT = 'statecraft:stale-build';

/** The messages browsers give when a module script or a preloaded file cannot be fetched. */
const STALE_PATTERNS = [
  /dynamically imported module/i,
  /Importing a module script failed/i,
  /error loading dynamically imported module/i,
  /Unable to preload CSS/i,
  /Failed to load module script/i,
];

export function isStaleBuildError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return STALE_PATTERNS.some((p) => p.test(message));
}

/** Tells the page that this tab's files are gone from the server. */
export function reportStaleBuild(): void {
  window.dispatchEvent(new Event(STALE_BUILD_EVENT));
}

/**
 * Whether a reload can bring the run back exactly. Lessons and compare mode keep their place
 * in the address already; the playground needs a share link, which has limits.
 */
export function canKeepRun(session: SimSession | null, playground: boolean): boolean {
  if (!playground || !session) return true;
  const run = currentRun(session.store.getState());
  return run === null || checkShareable(run).ok;
}

/** Reloads the page; in the playground, first puts the run into the address. */
export async function reloadKeepingRun(
  session: SimSession | null,
  playground: boolean,
): Promise<void> {
  const run = playground && session ? currentRun(session.store.getState()) : null;
  if (run) {
    const link = await runLink(run, window.location.href);
    if (link.ok) window.history.replaceState(window.history.state, '', link.url);
  }
  window.location.reload();
}
