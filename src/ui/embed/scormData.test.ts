import { describe, expect, it } from 'vitest';
import { lessonById } from '../../lessons/catalog.ts';
import { emptyProgress, type LessonProgress } from '../lessons/progress.ts';
import {
  SUSPEND_LIMIT,
  SUSPEND_LIMIT_2004,
  decodeSuspendData,
  encodeSuspendData,
  formatCmiTimespan,
  formatIsoDuration,
  lessonStatus,
} from './scormData.ts';

const lesson = lessonById('choosing')!;
const allMet = lesson.steps.map((s) => s.id);
const checkIds = lesson.steps.filter((s) => s.check).map((s) => s.id);

describe('SCORM resume data', () => {
  it('round-trips progress through cmi.suspend_data', () => {
    const p: LessonProgress = {
      step: 2,
      completed: false,
      met: allMet.slice(0, 2),
      firstChecks: { [checkIds[0]!]: true },
      checks: { [checkIds[0]!]: 'a' },
      predictions: {},
    };
    const text = encodeSuspendData(p);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(decodeSuspendData(text, lesson)).toEqual(p);
  });

  it('stays within 4,096 characters however much there is, keeping what the score needs', () => {
    const huge = 'x'.repeat(3000);
    const p: LessonProgress = {
      ...emptyProgress(),
      step: 4,
      met: allMet,
      firstChecks: { [checkIds[0]!]: true },
      checks: { [checkIds[0]!]: huge },
      predictions: { [allMet[1]!]: huge },
    };
    const text = encodeSuspendData(p);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = decodeSuspendData(text, lesson)!;
    expect(back.step).toBe(4);
    expect(back.met).toEqual(allMet);
    expect(back.firstChecks).toEqual({ [checkIds[0]!]: true });
    expect(back.predictions).toEqual({});
  });

  it('keeps more under SCORM 2004’s 64,000 characters, and refuses data past that limit', () => {
    const long = 'x'.repeat(10_000);
    const p: LessonProgress = {
      ...emptyProgress(),
      step: 1,
      met: allMet.slice(0, 1),
      checks: { [checkIds[0]!]: long },
    };
    const text = encodeSuspendData(p, SUSPEND_LIMIT_2004);
    expect(text.length).toBeGreaterThan(SUSPEND_LIMIT);
    expect(decodeSuspendData(text, lesson, SUSPEND_LIMIT_2004)!.checks).toEqual(p.checks);
    // Under SCORM 1.2 the same progress drops the chosen answer to fit.
    expect(decodeSuspendData(encodeSuspendData(p), lesson)!.checks).toEqual({});
    expect(decodeSuspendData(text, lesson)).toBeNull();
  });

  it('starts afresh on empty, foreign, damaged or oversized data, and drops unknown steps', () => {
    expect(decodeSuspendData('', lesson)).toBeNull();
    expect(decodeSuspendData('page=3', lesson)).toBeNull();
    expect(decodeSuspendData('{"v":2,"s":1}', lesson)).toBeNull();
    expect(decodeSuspendData(`{"v":1,"s":1,"x":"${'y'.repeat(5000)}"}`, lesson)).toBeNull();
    const back = decodeSuspendData('{"v":1,"s":999,"m":["nope",42],"f":{"nope":true}}', lesson);
    expect(back).toMatchObject({ step: lesson.steps.length - 1, met: [], firstChecks: {} });
  });
});

describe('SCORM session time', () => {
  it('writes CMITimespan (HHHH:MM:SS.SS)', () => {
    expect(formatCmiTimespan(0)).toBe('00:00:00.00');
    expect(formatCmiTimespan(61_250)).toBe('00:01:01.25');
    expect(formatCmiTimespan(3 * 3600_000 + 5_000)).toBe('03:00:05.00');
    expect(formatCmiTimespan(1e12)).toBe('9999:59:59.99');
    expect(formatCmiTimespan(Number.NaN)).toBe('00:00:00.00');
  });
});

describe('SCORM 2004 session time', () => {
  it('writes an ISO 8601 duration (PT#H#M#S)', () => {
    expect(formatIsoDuration(0)).toBe('PT0S');
    expect(formatIsoDuration(61_250)).toBe('PT1M1.25S');
    expect(formatIsoDuration(3 * 3600_000 + 5_000)).toBe('PT3H0M5S');
    expect(formatIsoDuration(59_999)).toBe('PT1M0S');
    expect(formatIsoDuration(Number.NaN)).toBe('PT0S');
    for (const ms of [0, 12, 999, 61_250, 7_200_000, 1e12]) {
      expect(formatIsoDuration(ms)).toMatch(/^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$/);
    }
  });
});

describe('SCORM lesson status', () => {
  const answered = (correct: number): Record<string, boolean> =>
    Object.fromEntries(checkIds.map((id, i) => [id, i < correct]));

  it('is incomplete until every step was met, even when the end was reached', () => {
    const p = { ...emptyProgress(), completed: true, met: allMet.slice(1) };
    expect(lessonStatus(lesson, p, null)).toBe('incomplete');
  });

  it('is completed without a mastery score, passed or failed against one', () => {
    const done = { ...emptyProgress(), completed: true, met: allMet };
    expect(lessonStatus(lesson, { ...done, firstChecks: answered(0) }, null)).toBe('completed');
    expect(lessonStatus(lesson, { ...done, firstChecks: answered(checkIds.length) }, 80)).toBe(
      'passed',
    );
    expect(lessonStatus(lesson, { ...done, firstChecks: answered(1) }, 80)).toBe('failed');
  });
});
