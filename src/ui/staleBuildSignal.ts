/**
 * After a new version is deployed, an open tab may ask for a file of its own version that the
 * server no longer has (a lazy chunk: the lessons, a dialog, the picture export). That is not
 * a bug to show the learner; it means "reload". This module recognises those failures and
 * tells the page (one event, shown by update/UpdateNotice.tsx, which offers the reload).
 */
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
