/** Unit tests for a lesson's score: first answers to predictions and checks, out of all asked. */
import { describe, expect, it } from 'vitest';
import { SHOPPING_CART } from '../../lessons/content/shoppingCart.ts';
import { emptyProgress } from './progress.ts';
import { lessonScore } from './score.ts';

describe('lessonScore', () => {
  it('counts every prediction and check question the lesson asks', () => {
    // Two predictions (no-sticky, crash) and one check question.
    expect(lessonScore(SHOPPING_CART, undefined)).toEqual({ correct: 0, answered: 0, total: 3 });
  });

  it('scores right answers only, and ignores answers to steps the lesson does not have', () => {
    const p = {
      ...emptyProgress(),
      predictions: { 'no-sticky': 'logged-out', crash: 'moves', gone: 'x' },
      checks: { check: 'store' },
    };
    expect(lessonScore(SHOPPING_CART, p)).toEqual({ correct: 2, answered: 3, total: 3 });
  });
});
