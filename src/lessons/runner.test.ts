/** Unit tests for the pure lesson runner: metric paths, `until` conditions, claims, Continue. */
import { describe, expect, it } from 'vitest';
import type { Outcome, SimEvent } from '../sim/index.ts';
import {
  canContinue,
  checkClaim,
  newProgress,
  readMetric,
  SETTLE_MS,
  stepComplete,
  untilMet,
} from './runner.ts';
import type { LessonStep, Until } from './types.ts';

/** Just enough of an outcome for the paths the tests read. */
const OUTCOME = {
  sessions: { created: 40, lost: 12, expired: 0, active: 28 },
  staleReads: 3,
  latencyMs: { mean: 102.5, p50: 98, p95: 140, p99: 170, max: 250 },
  failedByReason: { 'store-unavailable': 7 },
  rehomed: [{ atS: 20, fraction: 0.75, users: 300, from: 3, to: 4 }],
  servers: [{ id: 1 }, { id: 2 }],
  scenario: 'test',
} as unknown as Outcome;

function progress(over: Partial<ReturnType<typeof newProgress>> = {}) {
  return { ...newProgress(1000), ...over };
}

const lost = (count: number): SimEvent => ({
  type: 'sessions-lost',
  tMs: 1,
  cause: 'server-died',
  server: 1,
  count,
  items: 0,
  named: [],
});

describe('newProgress', () => {
  it('starts empty at the given time', () => {
    expect(newProgress(500)).toEqual({
      startMs: 500,
      nowMs: 500,
      events: [],
      actions: [],
      actionsAtMs: [],
      outcome: null,
      continued: false,
    });
  });
});

describe('readMetric', () => {
  it('reads nested numbers by dotted path', () => {
    expect(readMetric(OUTCOME, 'sessions.lost')).toBe(12);
    expect(readMetric(OUTCOME, 'staleReads')).toBe(3);
    expect(readMetric(OUTCOME, 'latencyMs.mean')).toBe(102.5);
  });

  it('reads keys with dashes and array elements by index', () => {
    expect(readMetric(OUTCOME, 'failedByReason.store-unavailable')).toBe(7);
    expect(readMetric(OUTCOME, 'rehomed.0.fraction')).toBe(0.75);
    expect(readMetric(OUTCOME, 'servers.length')).toBe(2);
  });

  it('gives NaN for missing paths, non-numbers and no outcome', () => {
    expect(readMetric(OUTCOME, 'sessions.nope')).toBeNaN();
    expect(readMetric(OUTCOME, 'rehomed.5.fraction')).toBeNaN();
    expect(readMetric(OUTCOME, 'sessions')).toBeNaN();
    expect(readMetric(OUTCOME, 'scenario')).toBeNaN();
    expect(readMetric(OUTCOME, 'staleReads.deeper')).toBeNaN();
    expect(readMetric(null, 'sessions.lost')).toBeNaN();
  });
});

describe('untilMet', () => {
  it('continue: only once the learner pressed Continue', () => {
    const u: Until = { kind: 'continue' };
    expect(untilMet(u, progress())).toBe(false);
    expect(untilMet(u, progress({ continued: true }))).toBe(true);
  });

  it('action: once the learner took that action', () => {
    const u: Until = { kind: 'action', action: 'kill-server', hint: '' };
    expect(untilMet(u, progress())).toBe(false);
    expect(untilMet(u, progress({ actions: ['kill-store'] }))).toBe(false);
    expect(untilMet(u, progress({ actions: ['kill-store', 'kill-server'] }))).toBe(true);
  });

  it('time: once enough simulated time passed since the step began', () => {
    const u: Until = { kind: 'time', ms: 2000, hint: '' };
    expect(untilMet(u, progress({ nowMs: 2999 }))).toBe(false);
    expect(untilMet(u, progress({ nowMs: 3000 }))).toBe(true);
  });

  it('metric: once the outcome reaches the value', () => {
    const u: Until = { kind: 'metric', metric: 'sessions.lost', atLeast: 12, hint: '' };
    expect(untilMet(u, progress())).toBe(false);
    expect(untilMet(u, progress({ outcome: OUTCOME }))).toBe(true);
    expect(untilMet({ ...u, atLeast: 13 }, progress({ outcome: OUTCOME }))).toBe(false);
    expect(untilMet({ ...u, metric: 'no.such' }, progress({ outcome: OUTCOME }))).toBe(false);
  });

  const cases: [Extract<Until, { kind: 'event' }>['event'], SimEvent, SimEvent][] = [
    ['sessions-lost', lost(3), lost(0)],
    [
      'stale-read',
      { type: 'stale-read', tMs: 1, userIdx: 0, server: 2, seen: [], expected: [0] },
      { type: 'cart', tMs: 1, userIdx: 0, items: [0], server: 2 },
    ],
    [
      'server-down',
      { type: 'server', tMs: 1, server: 1, status: 'down', reason: 'killed' },
      { type: 'server', tMs: 1, server: 1, status: 'booting' },
    ],
    [
      'store-down',
      { type: 'store', tMs: 1, status: 'failing-over', replicas: 1 },
      { type: 'store', tMs: 1, status: 'up', replicas: 0 },
    ],
    [
      'checkout',
      { type: 'checkout', tMs: 1, userIdx: 0, ok: true, items: [0, 1] },
      { type: 'checkout', tMs: 1, userIdx: 0, ok: false, items: [0, 1] },
    ],
    [
      'rehomed',
      { type: 'rehomed', tMs: 1, fraction: 0.25, users: 10, from: 3, to: 4 },
      { type: 'rehomed', tMs: 1, fraction: 0, users: 0, from: 3, to: 4 },
    ],
  ];

  it.each(cases)('event %s: matches the right event and not a near miss', (event, yes, no) => {
    const u: Until = { kind: 'event', event, hint: '' };
    expect(untilMet(u, progress())).toBe(false);
    expect(untilMet(u, progress({ events: [no] }))).toBe(false);
    expect(untilMet(u, progress({ events: [no, yes] }))).toBe(true);
  });

  it('store-down also matches a plain "down"', () => {
    const u: Until = { kind: 'event', event: 'store-down', hint: '' };
    const down: SimEvent = { type: 'store', tMs: 1, status: 'down', replicas: 0 };
    expect(untilMet(u, progress({ events: [down] }))).toBe(true);
  });
});

describe('checkClaim', () => {
  const claim = { metric: 'sessions.lost', min: 10, max: 12, says: 'about a dozen' };

  it('accepts values inside the inclusive range and reports the value', () => {
    expect(checkClaim(claim, OUTCOME)).toEqual({ ok: true, value: 12 });
    expect(checkClaim({ ...claim, min: 12, max: 12 }, OUTCOME).ok).toBe(true);
  });

  it('rejects values outside the range', () => {
    expect(checkClaim({ ...claim, max: 11 }, OUTCOME)).toEqual({ ok: false, value: 12 });
    expect(checkClaim({ ...claim, min: 13, max: 20 }, OUTCOME).ok).toBe(false);
  });

  it('rejects a missing metric or a missing outcome', () => {
    expect(checkClaim({ ...claim, metric: 'sessions.nope' }, OUTCOME).ok).toBe(false);
    expect(checkClaim(claim, null).ok).toBe(false);
  });
});

const step = (until: Until): LessonStep => ({ id: 's', title: 'S', narration: ['x'], until });

describe('canContinue', () => {
  it('always allows Continue on a continue step', () => {
    expect(canContinue(step({ kind: 'continue' }), progress())).toBe(true);
  });

  it('allows Continue on other steps only once their condition is met', () => {
    const s = step({ kind: 'time', ms: 1000, hint: 'wait' });
    expect(canContinue(s, progress({ nowMs: 1500 }))).toBe(false);
    expect(canContinue(s, progress({ nowMs: 2000 }))).toBe(true);
    const a = step({ kind: 'action', action: 'kill-store', hint: 'kill it' });
    expect(canContinue(a, progress({ continued: true }))).toBe(false);
    // The click alone is not enough: the kill's effect must play out first.
    const killed = { actions: ['kill-store' as const], actionsAtMs: [1200] };
    expect(canContinue(a, progress({ ...killed, nowMs: 1200 }))).toBe(false);
    expect(canContinue(a, progress({ ...killed, nowMs: 1200 + SETTLE_MS - 1 }))).toBe(false);
    expect(canContinue(a, progress({ ...killed, nowMs: 1200 + SETTLE_MS }))).toBe(true);
  });
});

describe('stepComplete', () => {
  it('waits for the effect of an action counted from the action, not from the step opening', () => {
    const a = step({ kind: 'action', action: 'kill-server', hint: 'kill' });
    const late = { actions: ['kill-server' as const], actionsAtMs: [31_000] };
    expect(stepComplete(a, progress({ ...late, nowMs: 31_000 + SETTLE_MS - 250 }))).toBe(false);
    expect(stepComplete(a, progress({ ...late, nowMs: 31_000 + SETTLE_MS }))).toBe(true);
  });

  it('lets an event step with claims run on until its numbers have had time to show', () => {
    const e = {
      ...step({ kind: 'event', event: 'server-down', hint: 'wait' }),
      claims: [{ metric: 'sessions.lost', min: 0, max: 1, says: 'none' }],
    };
    const seen = {
      events: [{ type: 'server', tMs: 1100, server: 1, status: 'down' } satisfies SimEvent],
    };
    expect(stepComplete(e, progress({ ...seen, nowMs: 1500 }))).toBe(false);
    expect(stepComplete(e, progress({ ...seen, nowMs: 1000 + SETTLE_MS }))).toBe(true);
  });

  it('is never complete before the condition is met', () => {
    const t = step({ kind: 'time', ms: 5000, hint: 'wait' });
    expect(stepComplete(t, progress({ nowMs: 5999 }))).toBe(false);
    expect(stepComplete(t, progress({ nowMs: 6000 }))).toBe(true);
  });
});
