/**
 * Which checkpoints the host keeps, as pure arithmetic so the replay bound (replayCost.ts)
 * counts the same copies the host makes. A checkpoint is taken at every CHECKPOINT_EVERY_MS
 * boundary of simulated time that is a multiple of the current stride; when more than the
 * budget are held the stride doubles and every other one is dropped, so memory stays bounded
 * however long the run.
 */

/** At most this many checkpoints are kept. */
export const MAX_CHECKPOINTS = 32;
/** Users × checkpoints kept at most (about 100 MB of copies at ~1 KB a user). */
export const CHECKPOINT_USER_BUDGET = 100_000;
/** Simulated time between checkpoint boundaries, in ms. */
export const CHECKPOINT_EVERY_MS = 10_000;

/**
 * How many checkpoints to keep: MAX_CHECKPOINTS for ordinary runs, fewer for crowds (a
 * checkpoint of 50,000 users is megabytes), never fewer than 4.
 */
export function checkpointBudget(users: number): number {
  return Math.max(
    4,
    Math.min(MAX_CHECKPOINTS, Math.floor(CHECKPOINT_USER_BUDGET / Math.max(1, users))),
  );
}

/**
 * The stride a jump from `fromMs` to `toMs` ends with, given the checkpoints already kept
 * (`keptMs`) and the stride now: the smallest power-of-two multiple of `stride` whose
 * boundaries, old and new, fit the budget. Taking only those boundaries during the jump gives
 * the same final set as taking every one and thinning as it goes, without the copies that
 * would be thrown away (most of a long replay's checkpoint cost for a crowd).
 */
export function strideForJump(
  keptMs: readonly number[],
  stride: number,
  fromMs: number,
  toMs: number,
  budget: number,
): number {
  let s = stride;
  for (;;) {
    const every = CHECKPOINT_EVERY_MS * s;
    let count = 0;
    for (const c of keptMs) if (c % every === 0) count++;
    // Boundaries b with fromMs < b <= toMs, multiples of `every`.
    count += Math.max(0, Math.floor(toMs / every) - Math.floor(fromMs / every));
    if (count <= budget) return s;
    s *= 2;
  }
}

/** How many checkpoint copies a replay from 0 to `toMs` takes for a run of `users` users. */
export function copiesForReplay(toMs: number, users: number): number {
  const budget = checkpointBudget(users);
  const stride = strideForJump([], 1, 0, toMs, budget);
  return Math.floor(toMs / (CHECKPOINT_EVERY_MS * stride));
}
