/**
 * Reloads after a new version is deployed (see ../staleBuildSignal.ts), keeping the run: in
 * the playground the run is first written into the address as a share link, so the reload
 * replays it.
 */
import type { SimSession } from '../../store/simStore.ts';
import { currentRun, runLink } from '../share/runLink.ts';
import { checkShareable } from '../share/shareLink.ts';

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
