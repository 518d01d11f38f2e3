/**
 * The page's command host: the run the page's keys and the embed bridge act on (the single
 * run, or the comparison while Compare mode is open) and the view operations some commands
 * perform (open the shortcuts dialog, reduce motion, large text, move between lesson steps). Components
 * that own one provide it while mounted; everyone else reads this one live host.
 */
import type { CommandHost, ViewOperations } from '../app/commands.ts';
import type { RunController } from '../app/runController.ts';
import { toggleReducedMotion } from './topology/motionPreference.ts';
import { toggleLargeText } from './textSize/textSize.ts';

const view: Partial<ViewOperations> = {
  toggleMotion: toggleReducedMotion,
  toggleLargeText,
};
const runs: RunController[] = [];

/** The host for a page-wide command, or null before any run exists. */
export function pageHost(): CommandHost | null {
  const run = runs.at(-1);
  return run ? { run, view } : null;
}

/** Makes `run` the page's run until the returned function is called (an effect's cleanup). */
export function providePageRun(run: RunController): () => void {
  runs.push(run);
  return () => {
    const i = runs.lastIndexOf(run);
    if (i >= 0) runs.splice(i, 1);
  };
}

/** Provides view operation `name` until the returned function is called. */
export function provideViewOperation<K extends keyof ViewOperations>(
  name: K,
  fn: ViewOperations[K],
): () => void {
  view[name] = fn;
  return () => {
    if (view[name] === fn) delete view[name];
  };
}
