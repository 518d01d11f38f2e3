/**
 * The lesson session opens every step the same way however it is reached: walked from the
 * start (as the headless player and a learner pressing Continue do) or opened from scratch
 * (a deep link, Back, Restart, a course page's go-to-step). Also: the latest open wins, a
 * burst of opens costs one walk, and Continue moves a learner's run that went elsewhere back
 * to the step's standard start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInThreadClient } from '../client/inThreadClient.ts';
import { request } from '../client/contract.ts';
import type { SimClient } from '../client/SimClient.ts';
import type { ToSim } from '../protocol/messages.ts';
import { LESSONS, lessonById } from './catalog.ts';
import { playLessonHeadless } from './playHeadless.ts';
import { completionMs, createLessonSession } from './session.ts';
import { newProgress } from './runner.ts';
import type { LessonStep } from './types.ts';

let client: SimClient;
const send = (msg: ToSim) => request(client, msg);
const walked = new Map<string, { hash: string; speed: number }[]>();

beforeAll(async () => {
  client = createInThreadClient();
  for (const lesson of LESSONS) {
    const report = await playLessonHeadless(lesson, send);
    walked.set(
      lesson.id,
      report.steps.map((s) => ({ hash: s.startHash, speed: s.startSpeed })),
    );
  }
}, 180_000);

afterAll(() => client.dispose());

describe('a step opened from scratch is the step reached by walking', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: every step`, async () => {
      const opened: { hash: string; speed: number }[] = [];
      for (let i = 0; i < lesson.steps.length; i++) {
        const entry = await createLessonSession(lesson, send).open(i, 'jump', false);
        opened.push({ hash: entry!.hash, speed: entry!.frame.speed });
      }
      expect(opened).toEqual(walked.get(lesson.id));
    }, 60_000);
  }
});

describe('the latest open wins', () => {
  it('an open overtaken by a newer one resolves null, and the newer one opens its step', async () => {
    const lesson = lessonById('shopping-cart')!;
    const session = createLessonSession(lesson, send);
    const first = session.open(5, 'jump', false);
    const second = session.open(2, 'jump', false);
    expect(await first).toBeNull();
    const entry = await second;
    expect(entry?.index).toBe(2);
    expect(entry?.hash).toBe(walked.get(lesson.id)![2]!.hash);
    const snap = await send({ type: 'advance', ms: 0 });
    expect(snap.snapshot?.outcome.eventLogHash).toBe(entry?.hash);
  });

  it('a burst of a thousand opens sends the messages of about one walk', async () => {
    const lesson = lessonById('shopping-cart')!;
    let sent = 0;
    const counting = (msg: ToSim) => {
      sent++;
      return send(msg);
    };
    const one = createLessonSession(lesson, counting);
    await one.open(6, 'jump', false);
    const perWalk = sent;
    sent = 0;
    const session = createLessonSession(lesson, counting);
    const opens = Array.from({ length: 1000 }, (_, k) => session.open(k % 7, 'jump', false));
    const results = await Promise.all(opens);
    expect(results.filter((r) => r !== null).map((r) => r!.index)).toEqual([999 % 7]);
    // The first open had sent its first message before the others arrived.
    expect(sent).toBeLessThanOrEqual(perWalk + 2);
  });
});

describe('Continue', () => {
  it('keeps a run that is at the standard end of the step before, and moves one that is not', async () => {
    const lesson = lessonById('shopping-cart')!;
    const hashes = walked.get(lesson.id)!.map((w) => w.hash);
    // The first step that continues its predecessor's run and follows a timed step.
    const i = lesson.steps.findIndex(
      (s, k) => k > 0 && !s.setup?.scenario && lesson.steps[k - 1]!.until.kind === 'time',
    );
    expect(i).toBeGreaterThan(0);
    const prev = lesson.steps[i - 1]!;
    if (prev.until.kind !== 'time') throw new Error('unreachable');

    // On the standard path: the learner watched the step out, and the run was held there.
    const session = createLessonSession(lesson, send);
    const start = await session.open(i - 1, 'jump', false);
    await send({ type: 'advance', ms: prev.until.ms });
    const kept = await session.open(i, 'walk', false);
    expect(kept?.rebased).toBe(false);
    expect(kept?.hash).toBe(hashes[i]);

    // Off it: the learner let it run on and killed a server on the way.
    await session.open(i - 1, 'jump', false);
    await send({ type: 'advance', ms: prev.until.ms + 3_000 });
    await send({ type: 'act', action: { action: 'kill-server', server: 1 } });
    const moved = await session.open(i, 'walk', false);
    expect(moved?.rebased).toBe(true);
    expect(moved?.hash).toBe(hashes[i]);
    expect(start?.index).toBe(i - 1);
  });
});

describe('completionMs', () => {
  const step = (until: LessonStep['until'], claims = false): LessonStep => ({
    id: 's',
    title: 's',
    narration: [],
    until,
    ...(claims ? { claims: [{ metric: 'x', min: 0, max: 1, says: 'x' }] } : {}),
  });

  it('is the step start plus its time for a timed step, however late it was noticed', () => {
    const p = { ...newProgress(1_000), nowMs: 12_345 };
    expect(completionMs(step({ kind: 'time', ms: 10_000, hint: '' }), p)).toBe(11_000);
    expect(
      completionMs(step({ kind: 'time', ms: 10_000, hint: '' }), { ...p, nowMs: 10_999 }),
    ).toBeNull();
  });

  it('is the action plus the settling time for an action step', () => {
    const p = {
      ...newProgress(0),
      nowMs: 9_000,
      actions: ['kill-server' as const],
      actionsAtMs: [4_100],
    };
    expect(completionMs(step({ kind: 'action', action: 'kill-server', hint: '' }), p)).toBe(6_100);
  });

  it('is the first look after the event for an event step', () => {
    const p = {
      ...newProgress(1_000),
      nowMs: 9_000,
      events: [{ type: 'server' as const, tMs: 3_010, server: 1, status: 'down' as const }],
    };
    expect(completionMs(step({ kind: 'event', event: 'server-down', hint: '' }), p)).toBe(3_250);
    expect(completionMs(step({ kind: 'event', event: 'server-down', hint: '' }, true), p)).toBe(
      3_250,
    );
    const early = { ...p, events: [{ ...p.events[0]!, tMs: 1_100 }] };
    expect(completionMs(step({ kind: 'event', event: 'server-down', hint: '' }, true), early)).toBe(
      3_000,
    );
  });
});
