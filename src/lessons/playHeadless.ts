/**
 * Plays a lesson from start to end without a person, through the same lesson session the
 * player uses: opens each step by walking on from the one before, does what a learner would
 * (presses Continue, takes the expected action), runs simulated time until the step is
 * complete, and checks every number the narration claims at that moment.
 */
import type { Frame, ToSim } from '../protocol/messages.ts';
import { checkClaim, stepComplete } from './runner.ts';
import { createLessonSession, STEP_BUDGET_MS } from './session.ts';
import type { Lesson } from './types.ts';

export interface StepReport {
  stepId: string;
  reached: boolean;
  /** Simulated ms the step needed. */
  tookMs: number;
  /** The event-log hash where the step began. */
  startHash: string;
  /** Simulated ms per wall ms where the step began. */
  startSpeed: number;
  claims: { says: string; metric: string; value: number; ok: boolean }[];
}

export interface LessonReport {
  lessonId: string;
  steps: StepReport[];
}

export async function playLessonHeadless(
  lesson: Lesson,
  request: (msg: ToSim) => Promise<Frame>,
  budgetMs = STEP_BUDGET_MS,
): Promise<LessonReport> {
  const session = createLessonSession(lesson, request);
  const steps: StepReport[] = [];
  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i]!;
    const entry = await session.open(i, 'walk', false);
    if (!entry) throw new Error(`Opening step ${step.id} was overtaken.`);
    const { progress } = await session.playStandard(entry, budgetMs);
    steps.push({
      stepId: step.id,
      reached: stepComplete(step, progress),
      tookMs: progress.nowMs - progress.startMs,
      startHash: entry.hash,
      startSpeed: entry.frame.speed,
      claims: (step.claims ?? []).map((c) => ({
        says: c.says,
        metric: c.metric,
        ...checkClaim(c, progress.outcome),
      })),
    });
  }
  return { lessonId: lesson.id, steps };
}
