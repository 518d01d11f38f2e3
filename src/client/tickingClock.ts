/**
 * A fake wall clock for tests of sliced replays: it moves 1 ms per reading, so slices are cut
 * at the same places on any machine and tests count slices, never wall time.
 */
export function tickingClock(): () => number {
  let t = 0;
  return () => (t += 1);
}
