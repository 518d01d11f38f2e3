/**
 * The one transform from wall time to simulated time for drawing. The simulation host sends
 * its clock with every frame; between frames the view extrapolates at the current speed,
 * never more than MAX_LEAD_WALL_MS ahead of the last frame.
 */
const MAX_LEAD_WALL_MS = 120;

export interface ViewClock {
  /** Simulated time in the last frame (ms). */
  frameSimMs: number;
  /** Wall time (performance.now) when that frame arrived. */
  frameWallMs: number;
  playing: boolean;
  /** Simulated ms per wall ms. */
  speed: number;
}

export function createViewClock(): ViewClock {
  return { frameSimMs: 0, frameWallMs: 0, playing: false, speed: 0.1 };
}

export function viewTimeMs(clock: ViewClock, wallNowMs: number): number {
  if (!clock.playing) return clock.frameSimMs;
  const leadWall = Math.min(MAX_LEAD_WALL_MS, Math.max(0, wallNowMs - clock.frameWallMs));
  return clock.frameSimMs + leadWall * clock.speed;
}

/** Speed slider position (0..1) ↔ speed, on a log scale from 1/2000× to 20×. */
export const SPEED_MIN = 0.0005;
export const SPEED_MAX = 20;
export function sliderToSpeed(x: number): number {
  const lo = Math.log(SPEED_MIN);
  const hi = Math.log(SPEED_MAX);
  return Math.exp(lo + (hi - lo) * Math.min(1, Math.max(0, x)));
}
export function speedToSlider(speed: number): number {
  const lo = Math.log(SPEED_MIN);
  const hi = Math.log(SPEED_MAX);
  return (Math.log(Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed))) - lo) / (hi - lo);
}
