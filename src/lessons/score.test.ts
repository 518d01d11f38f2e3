import { describe, expect, it } from 'vitest';
import { lessonById } from './catalog.ts';
import { lessonScore, skippedSteps } from './score.ts';

const lesson = lessonById('choosing')!;
const checkSteps = lesson.steps.filter((s) => s.check).map((s) => s.id);

describe('lesson score', () => {
  it('counts first answers to check questions only, out of every question in the lesson', () => {
    const firstChecks = { [checkSteps[0]!]: true, [checkSteps[1]!]: false };
    const s = lessonScore(lesson, { firstChecks, met: [] });
    expect(s).toEqual({
      correct: 1,
      answered: 2,
      total: checkSteps.length,
      percent: Math.round(100 / checkSteps.length),
    });
  });

  it('ignores answers for steps that have no check question', () => {
    const s = lessonScore(lesson, { firstChecks: { 'no-such-step': true }, met: [] });
    expect(s.correct).toBe(0);
    expect(s.answered).toBe(0);
  });

  it('lists every step whose condition was not met, 1-based', () => {
    const met = lesson.steps.slice(1).map((s) => s.id);
    expect(skippedSteps(lesson, { firstChecks: {}, met })).toEqual([1]);
    expect(skippedSteps(lesson, { firstChecks: {}, met: [...met, lesson.steps[0]!.id] })).toEqual(
      [],
    );
  });
});
