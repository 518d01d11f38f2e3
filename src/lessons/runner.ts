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
  /** Simulated time of each of `actions`, in ms (same order). */
  actionsAtMs: number[];
  outcome: Outcome | null;
  continued: boolean;
}

export function newProgress(startMs: number): StepProgress {
  return {
    startMs,
    nowMs: startMs,
    events: [],
    actions: [],
    actionsAtMs: [],
    outcome: null,
    continued: false,
  };
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

/** Whether one event meets an event condition. */
export function eventMatches(
  e: SimEvent,
  event: Extract<Until, { kind: 'event' }>['event'],
): boolean {
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

/**
 * Simulated ms a step's effect needs to play out after the moment that starts it (the
 * learner's action, or the step opening). A kill is a click, but the sessions it destroys and
 * the requests that fail because of it show up over the next seconds; the numbers a step
 * claims are read at the end of that time, by the headless test and on screen alike.
 */
export const SETTLE_MS = 2000;

export function settleMs(step: LessonStep): number {
  if (step.until.kind === 'continue' || step.until.kind === 'time') return 0;
  if (step.until.kind === 'action') return SETTLE_MS;
  return (step.claims?.length ?? 0) > 0 ? SETTLE_MS : 0;
}

/** When the step's effect starts to play out: the learner's action, or the step opening. */
export function effectStartMs(step: LessonStep, p: StepProgress): number | null {
  if (step.until.kind !== 'action') return p.startMs;
  const i = p.actions.indexOf(step.until.action);
  return i < 0 ? null : (p.actionsAtMs[i] ?? p.startMs);
}

/**
 * Whether the step is done: its condition is met and its effect has played out. Only then
 * does the player say "Done", reveal the prediction's explanation, and read the step's
 * numbers from the run; the headless player checks the claims at the same moment.
 */
export function stepComplete(step: LessonStep, p: StepProgress): boolean {
  if (!untilMet(step.until, p)) return false;
  const from = effectStartMs(step, p);
  return from !== null && p.nowMs - from >= settleMs(step);
}

/** Whether the learner may press Continue now. */
export function canContinue(step: LessonStep, p: StepProgress): boolean {
  return step.until.kind === 'continue' || stepComplete(step, p);
}

export function checkClaim(claim: Claim, outcome: Outcome | null): { ok: boolean; value: number } {
  const value = readMetric(outcome, claim.metric);
  return { ok: value >= claim.min && value <= claim.max, value };
}
