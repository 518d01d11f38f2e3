import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog.ts';
import { REAL_SYSTEMS_STEP, isRealSystemsStep } from './realSystemsSteps.ts';

describe('the "in real systems" steps', () => {
  it('every lesson has one, and it names a step of that lesson', () => {
    for (const lesson of LESSONS) {
      const stepId = REAL_SYSTEMS_STEP[lesson.id];
      expect(stepId, lesson.id).toBeDefined();
      expect(lesson.steps.map((s) => s.id)).toContain(stepId);
      expect(isRealSystemsStep(lesson.id, stepId!)).toBe(true);
    }
    expect(Object.keys(REAL_SYSTEMS_STEP).sort()).toEqual(LESSONS.map((l) => l.id).sort());
  });
});
