import { describe, expect, it } from 'vitest';
import { formatMs, formatRate, formatSimTime, formatSpeed } from './format.ts';
import { sliderToSpeed, speedToSlider } from '../../protocol/speed.ts';

describe('formats', () => {
  it('shows speeds compactly', () => {
    expect(formatSpeed(0.1)).toBe('0.1×');
    expect(formatSpeed(0.0005)).toBe('0.0005×');
    expect(formatSpeed(1)).toBe('1×');
    expect(formatSpeed(2.345)).toBe('2.3×');
    expect(formatSpeed(20)).toBe('20×');
    expect(formatSpeed(sliderToSpeed(speedToSlider(0.1)))).toBe('0.1×');
  });

  it('shows times, rates and latencies', () => {
    expect(formatSimTime(12_345)).toBe('12.3 s');
    expect(formatSimTime(-5)).toBe('0.0 s');
    expect(formatRate(3.46)).toBe('3.5');
    expect(formatRate(1234.4)).toBe('1,234');
    expect(formatMs(0.0042)).toBe('0.004 ms');
    expect(formatMs(1.64)).toBe('1.6 ms');
    expect(formatMs(84.2)).toBe('84 ms');
  });
});
