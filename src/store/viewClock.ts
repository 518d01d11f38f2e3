/**
 * The one transform from wall time to simulated time for drawing. The simulation host sends
 * its clock with every frame; between frames the view extrapolates at the current speed,
 * never more than MAX_LEAD_WALL_MS ahead of the last frame.
 */
import { DEFAULT_SPEED } from '../protocol/speed.ts';

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
  return { frameSimMs: 0, frameWallMs: 0, playing: false, speed: DEFAULT_SPEED };
}

export function viewTimeMs(clock: ViewClock, wallNowMs: number): number {
  if (!clock.playing) return clock.frameSimMs;
  const leadWall = Math.min(MAX_LEAD_WALL_MS, Math.max(0, wallNowMs - clock.frameWallMs));
  return clock.frameSimMs + leadWall * clock.speed;
}
