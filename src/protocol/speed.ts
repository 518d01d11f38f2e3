/**
 * Speed: how many simulated milliseconds pass per wall-clock millisecond. The one place that
 * says which speeds exist, where a run starts, how the slider maps onto them and how much wall
 * time one tick may cover. The host, the view clock, the compare clock, URL options and share
 * links all read these, so a change here changes every one of them.
 */

/** Slowest speed: 1/2000× (a 2 ms hop takes 4 s of wall time). */
export const MIN_SPEED = 0.0005;
/** Fastest speed: 20 simulated ms per wall ms. */
export const MAX_SPEED = 20;
/** Where every run starts unless a link or a setting says otherwise. */
export const DEFAULT_SPEED = 1;
/** A tick never covers more wall time than this (a hidden tab must not jump ahead), in ms. */
export const MAX_TICK_WALL_MS = 100;

/** True when `speed` is a speed the controls can show (no clamping needed). */
export function isSpeed(speed: number): boolean {
  return Number.isFinite(speed) && speed >= MIN_SPEED && speed <= MAX_SPEED;
}

/** Into the range; anything that is not a number becomes DEFAULT_SPEED. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return DEFAULT_SPEED;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** Wall time since the last tick, as the tick may use it: never negative, never a jump. */
export function tickWallMs(nowWallMs: number, lastWallMs: number): number {
  return Math.min(MAX_TICK_WALL_MS, Math.max(0, nowWallMs - lastWallMs));
}

/** Speed slider position (0..1) → speed, on a log scale from MIN_SPEED to MAX_SPEED. */
export function sliderToSpeed(x: number): number {
  const lo = Math.log(MIN_SPEED);
  const hi = Math.log(MAX_SPEED);
  return Math.exp(lo + (hi - lo) * Math.min(1, Math.max(0, x)));
}

/** Speed → slider position (0..1); the inverse of sliderToSpeed. */
export function speedToSlider(speed: number): number {
  const lo = Math.log(MIN_SPEED);
  const hi = Math.log(MAX_SPEED);
  return (Math.log(Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed))) - lo) / (hi - lo);
}
