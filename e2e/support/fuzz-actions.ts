// Random valid UI actions for the fuzzer (e2e/fuzz.spec.ts) and the soak run (scripts/soak.ts):
// clicks, keys, sliders, lists, lesson navigation, kills, restarts, adds, time passing. A
// seeded generator picks them, so a failing run can be replayed from its seed (the page's own
// timing still varies a little). After each action the invariants below are checked against
// the simulation's snapshots, and the page's counters against the simulation's numbers.
import type { Locator, Page } from '@playwright/test';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { LESSONS } from '../../src/lessons/catalog.ts';
import { PRESET_NAMES } from '../../src/sim/index.ts';

/** A small seeded generator (mulberry32): the same seed gives the same choices. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

type HookWindow = Window & {
  __statecraftTest?: { snapshot(): Snapshot | null; advance(ms: number): Promise<Snapshot> };
  __statecraftCompare?: { snapshots(): (Snapshot | null)[]; ready(): boolean };
};

export interface FuzzState {
  page: Page;
  rng: Rng;
  /** Where the app is: '/', a lesson, compare mode… */
  url: string;
  /** Recent actions, newest last, for the failure message. */
  log: string[];
  /** The last snapshot seen per pane, to check that counters only grow within one run. */
  last: (Snapshot | null)[];
  /** Broken invariants found so far. */
  broken: string[];
  actions: number;
  /** False for the soak run: it stays in one page so its heap can be compared over time. */
  navigate: boolean;
}

/** Buttons the fuzzer leaves alone: downloads, file choosers, the clipboard, new tabs. */
const SKIP_BUTTON = /Export|Import|Save |PNG|SVG|Copy|Open in/i;

const PLACES = [
  ...PRESET_NAMES.map((p) => `/?preset=${p}`),
  ...LESSONS.map((l) => `/?lesson=${l.id}&step=${1 + (l.id.length % l.steps.length)}`),
  ...LESSONS.map((l) => `/?lesson=${l.id}`),
  '/?mode=lessons',
  '/?mode=compare',
  '/?preset=playground&embed=1',
];

async function randomVisible(
  st: FuzzState,
  locator: Locator,
  skip?: RegExp,
): Promise<Locator | null> {
  const visible = locator.filter({ visible: true });
  const n = await visible.count();
  for (let tries = 0; tries < 4 && n > 0; tries++) {
    const el = visible.nth(st.rng.int(n));
    if (!skip) return el;
    const name = await el
      .evaluate(
        (e) =>
          `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''} ${e.textContent ?? ''}`,
      )
      .catch(() => '');
    if (!skip.test(name)) return el;
  }
  return null;
}

async function describe(el: Locator): Promise<string> {
  return el
    .evaluate((e) =>
      (e.getAttribute('aria-label') ?? e.textContent ?? e.tagName).trim().slice(0, 40),
    )
    .catch(() => '?');
}

/** Something the page may have re-rendered away between choosing and acting: not a bug. */
const gone = (): void => {};

interface Action {
  name: string;
  weight: number;
  run(st: FuzzState): Promise<string>;
}

const ACTIONS: Action[] = [
  {
    name: 'click a button',
    weight: 30,
    async run(st) {
      const dialog = st.page.locator('dialog[open]');
      const scope = (await dialog.count()) > 0 ? dialog : st.page.locator('body');
      const el = await randomVisible(st, scope.locator('button:enabled'), SKIP_BUTTON);
      if (!el) return 'no button';
      const what = await describe(el);
      await el.click({ timeout: 1500 }).catch(gone);
      return `click "${what}"`;
    },
  },
  {
    name: 'choose in a list',
    weight: 10,
    async run(st) {
      const el = await randomVisible(st, st.page.locator('select:enabled'));
      if (!el) return 'no list';
      const values = await el
        .evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value))
        .catch(() => [] as string[]);
      if (values.length === 0) return 'empty list';
      const v = st.rng.pick(values);
      await el.selectOption(v, { timeout: 1500 }).catch(gone);
      return `select "${await describe(el)}" = ${v}`;
    },
  },
  {
    name: 'move a slider',
    weight: 10,
    async run(st) {
      const el = await randomVisible(
        st,
        st.page.locator('[role="slider"], input[type="range"]:enabled'),
      );
      if (!el) return 'no slider';
      const key = st.rng.pick([
        'ArrowLeft',
        'ArrowRight',
        'ArrowUp',
        'ArrowDown',
        'Home',
        'End',
        'PageUp',
        'PageDown',
      ]);
      await el.focus({ timeout: 1500 }).catch(gone);
      await el.press(key, { timeout: 1500 }).catch(gone);
      return `slider "${await describe(el)}" ${key}`;
    },
  },
  {
    name: 'type a number',
    weight: 4,
    async run(st) {
      const el = await randomVisible(st, st.page.locator('input[type="number"]:enabled'));
      if (!el) return 'no number field';
      const v = String(st.rng.pick([0, 1, 10, 50, 200, 1000, 3000, 99999, -5]));
      await el.fill(v, { timeout: 1500 }).catch(gone);
      await el.press('Enter', { timeout: 1500 }).catch(gone);
      return `type ${v} into "${await describe(el)}"`;
    },
  },
  {
    name: 'choose an answer',
    weight: 4,
    async run(st) {
      const el = await randomVisible(
        st,
        st.page.locator('input[type="radio"]:enabled, input[type="checkbox"]:enabled'),
      );
      if (!el) return 'no radio';
      await el.check({ timeout: 1500, force: true }).catch(gone);
      return `check "${await describe(el)}"`;
    },
  },
  {
    name: 'press a key',
    weight: 12,
    async run(st) {
      const key = st.rng.pick([
        'p',
        's',
        'm',
        '?',
        'Escape',
        'Escape',
        'ArrowRight',
        'ArrowLeft',
        'Tab',
        'Shift+Tab',
        'Enter',
        'Space',
      ]);
      await st.page.keyboard.press(key);
      return `key ${key}`;
    },
  },
  {
    name: 'let time pass',
    weight: 12,
    async run(st) {
      if (st.rng.chance(0.5)) {
        const ms = st.rng.pick([1, 50, 500, 2000, 5000]);
        const ok = await st.page
          .evaluate(async (n) => {
            const hook = (window as HookWindow).__statecraftTest;
            if (!hook?.snapshot()) return false;
            await hook.advance(n);
            return true;
          }, ms)
          .catch(() => false);
        return ok ? `advance ${ms} ms` : 'advance: no run';
      }
      const ms = st.rng.pick([50, 200, 600]);
      await st.page.waitForTimeout(ms);
      return `wait ${ms} ms`;
    },
  },
  {
    name: 'go somewhere',
    weight: 2,
    async run(st) {
      const url = st.rng.pick(PLACES);
      st.url = url;
      st.last = [];
      await st.page.goto(url);
      return `goto ${url}`;
    },
  },
];

const TOTAL_WEIGHT = ACTIONS.reduce((a, x) => a + x.weight, 0);

export async function randomAction(st: FuzzState): Promise<void> {
  let r = st.rng.int(TOTAL_WEIGHT);
  const action = ACTIONS.find((a) => (r -= a.weight) < 0)!;
  if (action.name === 'go somewhere' && !st.navigate) return;
  const what = await action.run(st);
  st.actions++;
  st.log.push(what);
  if (st.log.length > 40) st.log.shift();
}

// ---------------------------------------------------------------------------------------
// Invariants

function negatives(x: unknown, path: string, out: string[]): void {
  if (typeof x === 'number') {
    if (!(x >= 0)) out.push(`${path} = ${x}`);
  } else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) negatives(v, `${path}.${k}`, out);
  }
}

/** What must hold in any snapshot, whatever the learner did. */
export function snapshotProblems(s: Snapshot): string[] {
  const out: string[] = [];
  const o = s.outcome;
  negatives(o, 'outcome', out);
  negatives(
    s.servers.map(({ id, busy, workers, queue, requests, failed, sessionCount }) => ({
      id,
      busy,
      workers,
      queue,
      requests,
      failed,
      sessionCount,
    })),
    'servers',
    out,
  );
  // (users.named[].home is a server id or a word, so only the counts.)
  negatives(
    { target: s.users.target, active: s.users.active, loggedIn: s.users.loggedIn },
    'users',
    out,
  );
  negatives(s.tMs, 'tMs', out);
  // Every request that started has ended exactly once (ok or failed) or is still in flight.
  if (o.requests.ok + o.requests.failed !== o.requests.total) {
    out.push(`ok ${o.requests.ok} + failed ${o.requests.failed} ≠ total ${o.requests.total}`);
  }
  const byReason = Object.values(o.failedByReason).reduce((a, b) => a + b, 0);
  if (byReason !== o.requests.failed) {
    out.push(`failures by reason add up to ${byReason}, not ${o.requests.failed}`);
  }
  for (const srv of s.servers) {
    if (srv.busy > srv.workers)
      out.push(`server ${srv.id}: ${srv.busy} busy > ${srv.workers} workers`);
  }
  if (s.tMs > s.endMs) out.push(`tMs ${s.tMs} past the end ${s.endMs}`);
  if (o.sessions.lost > o.sessions.created) out.push('more sessions lost than created');
  return out;
}

/** Same run, later: counters of completed things only grow. */
function sameRunLater(a: Snapshot, b: Snapshot): boolean {
  if (a.name !== b.name || a.seed !== b.seed || a.architecture !== b.architecture) return false;
  if (a.store.kind !== b.store.kind || b.tMs < a.tMs) return false;
  if (b.outcome.eventsProcessed < a.outcome.eventsProcessed) return false;
  if (a.liveCommands.length > b.liveCommands.length) return false;
  return a.liveCommands.every((c, i) => JSON.stringify(c) === JSON.stringify(b.liveCommands[i]));
}

function shrunk(a: Snapshot, b: Snapshot): string[] {
  const pairs: [string, number, number][] = [
    ['requests.total', a.outcome.requests.total, b.outcome.requests.total],
    ['requests.ok', a.outcome.requests.ok, b.outcome.requests.ok],
    ['requests.failed', a.outcome.requests.failed, b.outcome.requests.failed],
    ['sessions.created', a.outcome.sessions.created, b.outcome.sessions.created],
    ['sessions.lost', a.outcome.sessions.lost, b.outcome.sessions.lost],
    ['cart.itemsLost', a.outcome.cart.itemsLost, b.outcome.cart.itemsLost],
    ['checkouts.completed', a.outcome.checkouts.completed, b.outcome.checkouts.completed],
  ];
  return pairs.filter(([, x, y]) => y < x).map(([k, x, y]) => `${k} went down ${x} → ${y}`);
}

/** Checks every simulation on the page (one, or one per compare pane). */
export async function checkInvariants(st: FuzzState): Promise<void> {
  const snaps = await st.page
    .evaluate(() => {
      const w = window as HookWindow;
      if (w.__statecraftCompare) return w.__statecraftCompare.snapshots();
      return [w.__statecraftTest?.snapshot() ?? null];
    })
    .catch(() => [] as (Snapshot | null)[]); // navigating: nothing to check this time
  snaps.forEach((s, i) => {
    if (!s) return;
    for (const p of snapshotProblems(s)) st.broken.push(`pane ${i} at ${s.tMs} ms: ${p}`);
    const prev = st.last[i];
    if (prev && sameRunLater(prev, s)) {
      for (const p of shrunk(prev, s)) st.broken.push(`pane ${i} at ${s.tMs} ms: ${p}`);
    }
    st.last[i] = s;
  });
}

/**
 * Pauses the run and compares what the page shows with the simulation's numbers (the
 * playground's counters, or a lesson's). Returns mismatches; empty when they agree.
 */
export async function checkUiMatchesSim(page: Page): Promise<string[]> {
  const snap = await page
    .evaluate(async () => {
      const hook = (window as HookWindow).__statecraftTest;
      if (!hook?.snapshot() || (window as HookWindow).__statecraftCompare) return null;
      return hook.advance(0);
    })
    .catch(() => null);
  if (!snap) return [];
  const want: Record<string, number> = {
    'counter-requests-ok': snap.outcome.requests.ok,
    'counter-requests-failed': snap.outcome.requests.failed,
    'counter-sessions-created': snap.outcome.sessions.created,
    'counter-sessions-lost': snap.outcome.sessions.lost,
    'counter-items-lost': snap.outcome.cart.itemsLost,
    'counter-stale-reads': snap.outcome.staleReads,
  };
  const deadline = Date.now() + 5000;
  for (;;) {
    const problems: string[] = [];
    const shown = await page
      .evaluate((ids) => {
        const out: Record<string, string | null> = {};
        for (const id of ids) {
          out[id] = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
        }
        const lesson: Record<string, string> = {};
        for (const div of document.querySelectorAll('.lesson-counters > div')) {
          lesson[div.querySelector('dt')?.textContent ?? ''] =
            div.querySelector('dd')?.textContent ?? '';
        }
        return { out, lesson };
      }, Object.keys(want))
      .catch(() => null);
    if (!shown) return [];
    for (const [id, n] of Object.entries(want)) {
      const text = shown.out[id];
      if (text === null || text === undefined) continue; // not on this screen
      const value = Number(text.replace(/[^\d]/g, ''));
      if (value !== n) problems.push(`${id} shows ${text.trim()}, the simulation says ${n}`);
    }
    const lessonWant: Record<string, number> = {
      'Requests ok': snap.outcome.requests.ok,
      Failed: snap.outcome.requests.failed,
      'Stale reads': snap.outcome.staleReads,
    };
    for (const [k, n] of Object.entries(lessonWant)) {
      const text = shown.lesson[k];
      if (text !== undefined && Number(text.replace(/[^\d]/g, '')) !== n) {
        problems.push(`lesson counter "${k}" shows ${text}, the simulation says ${n}`);
      }
    }
    // The page may not have re-rendered the last frame yet: give it a moment.
    if (problems.length === 0 || Date.now() > deadline) return problems;
    await page.waitForTimeout(100);
  }
}
