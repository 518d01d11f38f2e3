/** The speed range is one fact: the slider, the clamp and the tick cap agree on it. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPEED,
  MAX_SPEED,
  MAX_TICK_WALL_MS,
  MIN_SPEED,
  clampSpeed,
  isSpeed,
  sliderToSpeed,
  speedToSlider,
  tickWallMs,
} from './speed.ts';

describe('speed', () => {
  it('maps the slider ends onto the range ends and back', () => {
    expect(sliderToSpeed(0)).toBeCloseTo(MIN_SPEED, 10);
    expect(sliderToSpeed(1)).toBeCloseTo(MAX_SPEED, 10);
    expect(speedToSlider(DEFAULT_SPEED)).toBeGreaterThan(0);
    expect(sliderToSpeed(speedToSlider(DEFAULT_SPEED))).toBeCloseTo(DEFAULT_SPEED, 10);
  });

  it('clamps into the range and turns junk into the default', () => {
    expect(clampSpeed(1e9)).toBe(MAX_SPEED);
    expect(clampSpeed(-1)).toBe(MIN_SPEED);
    expect(clampSpeed(Number.NaN)).toBe(DEFAULT_SPEED);
    expect(isSpeed(MIN_SPEED) && isSpeed(MAX_SPEED) && isSpeed(DEFAULT_SPEED)).toBe(true);
    expect(isSpeed(MAX_SPEED * 1.01) || isSpeed(0) || isSpeed(Number.NaN)).toBe(false);
  });

  it('never lets one tick cover more than the cap, nor go backwards', () => {
    expect(tickWallMs(10_000, 0)).toBe(MAX_TICK_WALL_MS);
    expect(tickWallMs(5, 10)).toBe(0);
    expect(tickWallMs(40, 10)).toBe(30);
  });
});
