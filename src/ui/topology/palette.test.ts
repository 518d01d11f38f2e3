import { describe, expect, it } from 'vitest';
import { NAMED_USERS } from '../../sim/index.ts';
import { CROWD_COLOUR, USER_COLOURS, contrastRatio, readableOn, userColour } from './palette.ts';

describe('user colours', () => {
  it('give every named user a distinct colour and the crowd a neutral one', () => {
    expect(USER_COLOURS).toHaveLength(NAMED_USERS.length);
    expect(new Set(USER_COLOURS).size).toBe(USER_COLOURS.length);
    expect(userColour(3)).toBe(USER_COLOURS[3]);
    expect(userColour(200)).toBe(CROWD_COLOUR);
  });

  it('put initials on each colour with at least AA contrast for large bold text', () => {
    for (const c of USER_COLOURS)
      expect(contrastRatio(c, readableOn(c))).toBeGreaterThanOrEqual(4.5);
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1);
  });
});
