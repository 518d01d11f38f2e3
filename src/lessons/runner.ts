/**
 * The pure lesson runner: given what happened since a step began (simulated time, events,
 * the learner's actions, the outcome), says whether the step's `until` is met. The player
 * and the headless lesson test both use it, so a lesson behaves the same for a learner and
 * in the test.
 */
import type { Outcome, SimEvent, ActionName } from '../sim/index.ts';
import type { Claim, LessonStep, MetricPath, Until } from './types.ts';

export interface StepProgress {
  /** Simulated time when the step began. */
  startMs: number;
  nowMs: number;
  /** Narratable events since the step began. */
  events: SimEvent[];
  /** Actions the learner took since the step began. */
  actions: ActionName[];
  outcome: Outcome | null;
  continued: boolean;
}

export function newProgress(startMs: number): StepProgress {
  return { startMs, nowMs: startMs, events: [], actions: [], outcome: null, continued: false };
}

/** Reads a number from the outcome by a dotted path ("rehomed.0.fraction"); NaN if absent. */
export function readMetric(outcome: Outcome | null, path: MetricPath): number {
  let v: unknown = outcome;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return NaN;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'number' ? v : NaN;
}

function eventMatches(e: SimEvent, event: Extract<Until, { kind: 'event' }>['event']): boolean {
  switch (event) {
    case 'sessions-lost':
      return e.type === 'sessions-lost' && e.count > 0;
    case 'stale-read':
      return e.type === 'stale-read';
    case 'server-down':
      return e.type === 'server' && e.status === 'down';
    case 'store-down':
      return e.type === 'store' && (e.status === 'down' || e.status === 'failing-over');
    case 'checkout':
      return e.type === 'checkout' && e.ok;
    case 'rehomed':
      return e.type === 'rehomed' && e.users > 0;
  }
}

export function untilMet(until: Until, p: StepProgress): boolean {
  switch (until.kind) {
    case 'continue':
      return p.continued;
    case 'action':
      return p.actions.includes(until.action);
    case 'event':
      return p.events.some((e) => eventMatches(e, until.event));
    case 'time':
      return p.nowMs - p.startMs >= until.ms;
    case 'metric':
      return readMetric(p.outcome, until.metric) >= until.atLeast;
  }
}

/** Whether the learner may press Continue now. */
export function canContinue(step: LessonStep, p: StepProgress): boolean {
  return step.until.kind === 'continue' || untilMet(step.until, p);
}

export function checkClaim(claim: Claim, outcome: Outcome | null): { ok: boolean; value: number } {
  const value = readMetric(outcome, claim.metric);
  return { ok: value >= claim.min && value <= claim.max, value };
}
