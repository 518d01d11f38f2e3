/**
 * Plays every lesson headless with its fixed seeds and checks that each step is reached and
 * each number the narration states is what the simulation produces. Also checks the lessons'
 * shape (ids, predictions, check questions, actions) and the skins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInThreadClient } from '../client/inThreadClient.ts';
import { request } from '../client/contract.ts';
import type { SimClient } from '../client/SimClient.ts';
import type { Frame, ToSim } from '../protocol/messages.ts';
import {
  CHAT_DEFAULTS,
  DEFAULTS,
  STORE_PROFILES,
  type Scenario,
  type SimEvent,
} from '../sim/index.ts';
import { SESSION_COOKIE_BYTES } from '../sim/catalog.ts';
import { SHOP_VOCABULARY } from '../store/vocabulary.ts';
import { LESSONS, lessonById } from './catalog.ts';
import { playLessonHeadless, type LessonReport } from './playHeadless.ts';
import { setupScenario } from './setup.ts';
import { SKINS } from './skins.ts';
import type { Choice, Lesson, LessonStep } from './types.ts';

/** One message of a headless play and the frame that answered it. */
interface Exchange {
  msg: ToSim;
  frame: Frame;
  /** Name of the scenario loaded when the message was sent. */
  scenario: string;
}

interface Played {
  report: LessonReport;
  log: Exchange[];
}

const played = new Map<string, Played>();
let client: SimClient;

beforeAll(async () => {
  client = createInThreadClient();
  for (const lesson of LESSONS) {
    const log: Exchange[] = [];
    let scenario = '';
    const report = await playLessonHeadless(lesson, async (msg) => {
      if (msg.type === 'load') scenario = msg.scenario.name ?? '';
      const frame = await request(client, msg);
      log.push({ msg, frame, scenario });
      return frame;
    });
    played.set(lesson.id, { report, log });
  }
  // Eleven lessons of simulated minutes: a few seconds on an idle machine, more on a busy one.
}, 120_000);

afterAll(() => client.dispose());

function playedLesson(id: string): Played {
  const p = played.get(id);
  if (!p) throw new Error(`Lesson ${id} was not played.`);
  return p;
}

function eventsIn(log: Exchange[], scenario: string): SimEvent[] {
  return log.filter((x) => x.scenario === scenario).flatMap((x) => x.frame.events);
}

/** The events of the frame that answered the first `act` with this action. */
function eventsOfAct(log: Exchange[], action: string): SimEvent[] {
  const x = log.find((e) => e.msg.type === 'act' && e.msg.action.action === action);
  if (!x) throw new Error(`No ${action} was played.`);
  return x.frame.events;
}

/** Did Alice (user 0) lose her session, with these cart items, in these events? */
function aliceLost(events: SimEvent[], items: number[]): boolean {
  return events.some(
    (e) =>
      e.type === 'sessions-lost' &&
      e.named.some((n) => n.userIdx === 0 && n.items.join() === items.join()),
  );
}

describe.each(LESSONS.map((l) => [l.id, l] as const))(
  'lesson %s plays to the end',
  (id, lesson) => {
    it('reaches every step', () => {
      const { report } = playedLesson(id);
      expect(report.steps.map((s) => s.stepId)).toEqual(lesson.steps.map((s) => s.id));
      const unreached = report.steps.filter((s) => !s.reached).map((s) => s.stepId);
      expect(unreached, `steps never reached: ${unreached.join(', ')}`).toEqual([]);
    });

    it('backs every claim with the simulation', () => {
      const { report } = playedLesson(id);
      const failures = report.steps.flatMap((s) =>
        s.claims
          .filter((c) => !c.ok)
          .map((c) => {
            const claim = lesson.steps
              .find((st) => st.id === s.stepId)
              ?.claims?.find((k) => k.says === c.says);
            return `${s.stepId}: "${c.says}" — ${c.metric} = ${c.value}, expected ${claim?.min} … ${claim?.max}`;
          }),
      );
      expect(failures, failures.join('\n')).toEqual([]);
    });
  },
);

/** How long each rolling deploy in a scenario took, in seconds, from its first drain to its end. */
function deployDurations(log: Exchange[], scenario: string): number[] {
  const durations: number[] = [];
  let startMs = -1;
  for (const e of eventsIn(log, scenario)) {
    if (e.type !== 'deploy') continue;
    if (e.phase === 'draining' && startMs < 0) startMs = e.tMs;
    if (e.server === 0 && e.phase === 'done' && startMs >= 0) {
      durations.push((e.tMs - startMs) / 1000);
      startMs = -1;
    }
  }
  return durations;
}

describe('what the narration tells about Alice', () => {
  it('pizza: her order (large pepperoni, extra mushrooms) leaves with the agent sent home', () => {
    const { log } = playedLesson('pizza');
    expect(aliceLost(eventsOfAct(log, 'kill-server'), [0, 1])).toBe(true);
  });

  it('atm: deposits at ATM 1 and ATM 3, and ATM 1 shows only the first', () => {
    const events = eventsIn(playedLesson('atm').log, 'atm-local-ledgers');
    const alice = events.filter((e) => 'userIdx' in e && e.userIdx === 0);
    const carts = alice.filter((e) => e.type === 'cart');
    expect(carts.slice(0, 2).map((e) => [e.items, e.server])).toEqual([
      [[0], 1],
      [[0, 1], 3],
    ]);
    const stale = alice.find((e) => e.type === 'stale-read');
    expect(stale).toMatchObject({ server: 1, seen: [0], expected: [0, 1] });
  });

  it('shopping cart: without stickiness she is logged out', () => {
    const events = eventsIn(playedLesson('shopping-cart').log, 'lesson-cart-no-sticky');
    expect(aliceLost(events, [])).toBe(true);
  });

  it('shopping cart: her iPhone and AirPods die with her server', () => {
    const { log } = playedLesson('shopping-cart');
    expect(aliceLost(eventsOfAct(log, 'kill-server'), [0, 1])).toBe(true);
  });

  it('deploying: hurried and stateless deploys take about 9 s, the drained one about 32 s', () => {
    const { log } = playedLesson('deploying');
    const [hurried, drained] = deployDurations(log, 'lesson-deploy-stateful');
    expect(hurried).toBeGreaterThan(8);
    expect(hurried).toBeLessThanOrEqual(12); // "over within 12 seconds", "about 9"
    expect(drained).toBeGreaterThan(30);
    expect(drained).toBeLessThan(34); // "about 32 seconds"
    // "Within 17 seconds of pressing play the deploy is done"
    const [stateless] = deployDurations(log, 'lesson-deploy-stateless');
    const end = eventsIn(log, 'lesson-deploy-stateless').find(
      (e) => e.type === 'deploy' && e.server === 0 && e.phase === 'done',
    );
    expect(stateless).toBeLessThan(12);
    expect(end?.tMs).toBeLessThanOrEqual(17_000);
  });

  it('black friday: the cookie tier turns away roughly a tenth more than the stateless one', async () => {
    const { log } = playedLesson('black-friday');
    const lesson = lessonById('black-friday')!;
    // Each tier's own scenario run to the same moment, 22 s in.
    const overloaded = async (scenario: string, atMs: number): Promise<number> => {
      const step = lesson.steps.find((s) => setupScenario(s.setup)?.name === scenario)!;
      await request(client, { type: 'load', scenario: setupScenario(step.setup)!, playing: false });
      const frame = await request(client, { type: 'advance', ms: atMs });
      return frame.snapshot?.outcome.failedByReason['overloaded'] ?? NaN;
    };
    const ratio =
      (await overloaded('lesson-black-friday-cookie', 22_000)) /
      (await overloaded('lesson-black-friday-stateless', 22_000));
    expect(ratio).toBeGreaterThan(1.05);
    expect(ratio).toBeLessThan(1.2);
    // "...it stops at 4 servers": the autoscaler never scales the cookie tier past 4.
    const scale = eventsIn(log, 'lesson-black-friday-cookie').filter((e) => e.type === 'scale');
    expect(scale.every((e) => e.type === 'scale' && e.to <= 4)).toBe(true);
  });

  it('shopping cart: the 1–2 ms Redis round trip is the model’s figure', () => {
    expect([STORE_PROFILES.redis.rttMinMs, STORE_PROFILES.redis.rttMaxMs]).toEqual([1, 2]);
  });
});

function choicesWellFormed(choices: Choice[], where: string): void {
  expect(choices.length, `${where}: 3–4 choices`).toBeGreaterThanOrEqual(3);
  expect(choices.length, `${where}: 3–4 choices`).toBeLessThanOrEqual(4);
  expect(choices.filter((c) => c.correct).length, `${where}: exactly one correct`).toBe(1);
  expect(new Set(choices.map((c) => c.id)).size, `${where}: unique choice ids`).toBe(
    choices.length,
  );
  for (const c of choices) {
    expect(c.text.trim(), `${where}/${c.id}: text`).not.toBe('');
    expect(c.feedback.trim(), `${where}/${c.id}: feedback`).not.toBe('');
  }
}

/**
 * Figures narration may state because they are settings of the model, not outcomes of a run.
 * Each phrase is checked against the model once (below); anywhere else a number needs a claim.
 */
const MODEL_FIGURES: { phrase: string; holds: () => boolean }[] = [
  { phrase: '1–2 ms', holds: () => rtt('redis') === '1–2' },
  { phrase: '0.3–0.8 ms', holds: () => rtt('memcached') === '0.3–0.8' },
  { phrase: '5–10 ms', holds: () => rtt('dynamodb') === '5–10' },
  { phrase: '5–20 ms', holds: () => rtt('cassandra') === '5–20' },
  { phrase: 'replication lag of 100 ms', holds: () => DEFAULTS.store.replicationLagMs === 100 },
  { phrase: '2-second failover', holds: () => DEFAULTS.store.failoverS === 2 },
  { phrase: '12-byte cookie', holds: () => SESSION_COOKIE_BYTES === 12 },
  { phrase: '232-byte token', holds: () => DEFAULTS.jwt.tokenBytes === 232 },
  { phrase: '0.1 ms of computing', holds: () => DEFAULTS.jwt.verifyMs === 0.1 },
  // The black-friday lesson's autoscaler, checked against the scenario the lesson loads.
  {
    phrase: 'every 5 seconds it adds servers',
    holds: () => blackFriday().autoscale?.intervalS === 5,
  },
  {
    phrase: 'a target of 60 % busy',
    holds: () => blackFriday().autoscale?.targetUtilization === 0.6,
  },
  { phrase: 'a maximum of 20 servers', holds: () => blackFriday().autoscale?.max === 20 },
  { phrase: 'boots in 5 seconds', holds: () => blackFriday().bootS === 5 },
  // The real-time chat lesson's heartbeat, acknowledgement and back-off settings.
  {
    phrase: 'every 10 seconds on average',
    holds: () => chatLesson().messageIntervalS === 10,
  },
  { phrase: 'within 5 seconds', holds: () => chatSetting('ackTimeoutS') === 5 },
  { phrase: 'every 25 seconds', holds: () => chatSetting('heartbeatS') === 25 },
  { phrase: 'for 20 seconds past', holds: () => chatSetting('heartbeatTimeoutS') === 20 },
  {
    phrase: 'up to 45 seconds',
    holds: () => chatSetting('heartbeatS') + chatSetting('heartbeatTimeoutS') === 45,
  },
  { phrase: 'up to 1 second', holds: () => chatSetting('backoffBaseS') === 1 },
  { phrase: 'at most 5 seconds', holds: () => chatSetting('backoffMaxS') === 5 },
];

function chatLesson(): NonNullable<Scenario['chat']> {
  const scenario = lessonById('realtime-chat')?.steps[0]?.setup?.scenario;
  return (typeof scenario === 'object' ? scenario.chat : undefined) ?? {};
}

function chatSetting(key: keyof typeof CHAT_DEFAULTS): number {
  return chatLesson()[key] ?? CHAT_DEFAULTS[key];
}

function blackFriday(): NonNullable<Scenario['servers']> {
  const scenario = lessonById('black-friday')?.steps[0]?.setup?.scenario;
  return (typeof scenario === 'object' ? scenario.servers : undefined) ?? {};
}

function rtt(kind: keyof typeof STORE_PROFILES): string {
  return `${STORE_PROFILES[kind].rttMinMs}–${STORE_PROFILES[kind].rttMaxMs}`;
}

/**
 * Numbers a step states must come from its claims (or its own waiting time). Dollar amounts
 * (ATM transaction names) and the numbers of servers, agents and ATMs are names, not figures.
 */
function unbackedNumbers(step: LessonStep): string[] {
  const text = [...step.narration, step.predict?.explanation ?? ''].join(' ');
  let stripped = text
    .replace(/\$\d+/g, '')
    .replace(/\b(?:ATM|server|agent)s? \d+/gi, '')
    .replace(/\bS3\b/g, ''); // a product name (Amazon S3), not a figure
  // The model's own settings (store round trips and the like), checked against the model below.
  for (const f of MODEL_FIGURES) stripped = stripped.split(f.phrase).join('');
  const backing = [
    ...(step.claims ?? []).map((c) => c.says),
    step.until.kind === 'time' ? String(step.until.ms / 1000) : '',
  ].join(' ');
  return (stripped.match(/\d+(?:\.\d+)?/g) ?? []).filter(
    (n) => !new RegExp(`(^|\\D)${n.replace('.', '\\.')}(\\D|$)`).test(backing),
  );
}

describe('lesson structure', () => {
  it.each(MODEL_FIGURES.map((f) => [f.phrase, f] as const))(
    'the model figure “%s” holds in the model',
    (_phrase, f) => {
      expect(f.holds()).toBe(true);
    },
  );

  it('has the lessons in order, with unique ids, found by id', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'pizza',
      'atm',
      'shopping-cart',
      'sticky-price',
      'scaling-out',
      'hybrid',
      'tokens',
      'black-friday',
      'deploying',
      'realtime-chat',
      'choosing',
    ]);
    for (const l of LESSONS) expect(lessonById(l.id)).toBe(l);
    expect(lessonById('nope')).toBeUndefined();
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s is well formed', (_id, lesson: Lesson) => {
    expect(lesson.title.trim()).not.toBe('');
    expect(lesson.summary.trim()).not.toBe('');
    expect(lesson.goals.length).toBeGreaterThan(0);
    expect(lesson.minutes).toBeGreaterThan(0);
    expect(SKINS[lesson.skin]).toBeDefined();
    expect(lesson.steps.length).toBeGreaterThanOrEqual(5);
    expect(lesson.steps.length).toBeLessThanOrEqual(9);
    expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
    expect(lesson.steps[0]!.setup?.scenario, 'the first step loads a scenario').toBeDefined();

    const predicts = lesson.steps.filter((s) => s.predict);
    expect(predicts.length).toBeGreaterThanOrEqual(1);
    for (const s of predicts) {
      choicesWellFormed(s.predict!.choices, `${s.id} predict`);
      expect(s.predict!.explanation.trim()).not.toBe('');
      expect(s.until.kind, `${s.id}: a prediction waits for something to happen`).not.toBe(
        'continue',
      );
    }
    const checks = lesson.steps.filter((s) => s.check);
    expect(checks.length).toBeGreaterThanOrEqual(1);
    expect(lesson.steps.at(-1)!.check, 'a check question at the end').toBeDefined();
    for (const s of checks) choicesWellFormed(s.check!.choices, `${s.id} check`);

    for (const s of lesson.steps) {
      expect(s.narration.length, `${s.id}: 1–3 paragraphs`).toBeGreaterThanOrEqual(1);
      expect(s.narration.length, `${s.id}: 1–3 paragraphs`).toBeLessThanOrEqual(3);
      if (s.until.kind === 'action') {
        expect(s.autoAction?.action, `${s.id}: autoAction matches the awaited action`).toBe(
          s.until.action,
        );
      }
      if (s.until.kind !== 'continue') expect(s.until.hint.trim()).not.toBe('');
      if (s.setup?.scenario) expect(() => setupScenario(s.setup)).not.toThrow();
      for (const c of s.claims ?? [])
        expect(c.min, `${s.id}: ${c.says}`).toBeLessThanOrEqual(c.max);
      expect(unbackedNumbers(s), `${s.id}: numbers without a claim`).toEqual([]);
    }
  });
});

describe('skins', () => {
  it('cover every skin with every word filled in and 10 items', () => {
    expect(Object.keys(SKINS).sort()).toEqual(['atm', 'chat', 'pizza', 'shop']);
    expect(SKINS.shop).toBe(SHOP_VOCABULARY);
    for (const [id, v] of Object.entries(SKINS)) {
      expect(v.id).toBe(id);
      for (const [key, value] of Object.entries(v)) {
        if (key === 'items') continue;
        if (key === 'techNames') {
          expect(typeof value, `${id}.${key}`).toBe('boolean');
          continue;
        }
        expect(typeof value === 'string' && value.trim() !== '', `${id}.${key}`).toBe(true);
      }
      expect(v.items).toHaveLength(10);
      expect(new Set(v.items).size).toBe(10);
    }
  });

  it('tell Alice’s story in each skin', () => {
    expect(SKINS.pizza.items.slice(0, 2)).toEqual(['large pepperoni', 'extra mushrooms']);
    expect(SKINS.atm.items.slice(0, 2)).toEqual(['deposit $20', 'deposit $50']);
    expect(SKINS.shop.items.slice(0, 2)).toEqual(['iPhone', 'AirPods']);
  });
});
