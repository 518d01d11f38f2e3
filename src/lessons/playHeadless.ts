/**
 * Plays a lesson from start to end without a person: applies each step's setup, does what a
 * learner would (presses Continue, takes the expected action), advances simulated time until
 * the step's `until` is met, and checks every number the narration claims.
 */
import type { Frame, ToSim } from '../protocol/messages.ts';
import { checkClaim, newProgress, stepComplete } from './runner.ts';
import { setupMessages } from './setup.ts';
import type { Lesson } from './types.ts';

export interface StepReport {
  stepId: string;
  reached: boolean;
  /** Simulated ms the step needed. */
  tookMs: number;
  claims: { says: string; metric: string; value: number; ok: boolean }[];
}

export interface LessonReport {
  lessonId: string;
  steps: StepReport[];
}

const TICK_MS = 250;

export async function playLessonHeadless(
  lesson: Lesson,
  request: (msg: ToSim) => Promise<Frame>,
  budgetMs = 180_000,
): Promise<LessonReport> {
  const steps: StepReport[] = [];
  let last: Frame | null = null;
  for (const step of lesson.steps) {
    for (const msg of setupMessages(step.setup)) last = await request(msg);
    if (!last) last = await request({ type: 'advance', ms: 0 });
    const progress = newProgress(last.tMs);
    progress.outcome = last.snapshot?.outcome ?? null;
    if (step.until.kind === 'continue') progress.continued = true;
    if (step.until.kind === 'action') {
      if (!step.autoAction)
        throw new Error(`Step ${step.id} waits for an action but has no autoAction.`);
      last = await request({ type: 'act', action: step.autoAction });
      progress.actions.push(step.autoAction.action);
      progress.actionsAtMs.push(last.tMs);
      progress.events.push(...last.events);
      progress.outcome = last.snapshot?.outcome ?? progress.outcome;
    }
    // Run until the step is complete: its condition met and its effect played out (the
    // same rule the player uses before it says "Done").
    while (
      !stepComplete(step, progress) &&
      progress.nowMs - progress.startMs < budgetMs &&
      last.tMs < last.endMs
    ) {
      last = await request({ type: 'advance', ms: TICK_MS });
      progress.nowMs = last.tMs;
      progress.events.push(...last.events);
      if (last.snapshot) progress.outcome = last.snapshot.outcome;
    }
    steps.push({
      stepId: step.id,
      reached: stepComplete(step, progress),
      tookMs: progress.nowMs - progress.startMs,
      claims: (step.claims ?? []).map((c) => ({
        says: c.says,
        metric: c.metric,
        ...checkClaim(c, progress.outcome),
      })),
    });
  }
  return { lessonId: lesson.id, steps };
}
