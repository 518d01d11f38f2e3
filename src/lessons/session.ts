/**
 * One lesson session: the step state machine behind the lesson player, its deep links, Back,
 * Restart, a course page's go-to-step, and the headless player of the lesson tests.
 *
 * Every step has one *standard start*: the run a learner reaches by walking the lesson the
 * standard way — each step's setup applied, the step's expected action taken the moment the
 * step opens, and simulated time run until the step is complete (see `completionMs`).
 * Opening a step from a link, Back, Restart and go-to-step all put the run exactly there, by
 * walking the standard way from the nearest earlier step that loads a scenario. Continue
 * keeps the learner's own run when it already is at the next step's standard start, and
 * otherwise moves it there (and says so), so a step always opens the same way: the same
 * event log, the same counters, the numbers its text states.
 *
 * Only the latest open counts: an open overtaken by a newer one stops before its next
 * message, and a burst of opens costs one walk, not one each.
 */
import type { Frame, ToSim } from '../protocol/messages.ts';
import type { Scenario, TimedCommand } from '../sim/index.ts';
import {
  effectStartMs,
  eventMatches,
  newProgress,
  settleMs,
  stepComplete,
  type StepProgress,
} from './runner.ts';
import { setupMessages } from './setup.ts';
import type { Lesson, LessonStep } from './types.ts';

export type SimRequest = (msg: ToSim) => Promise<Frame>;

/** Simulated ms between the looks a standard walk takes at a step that waits for an event. */
export const TICK_MS = 250;

/** A walk gives up on a step that has not completed after this much simulated time. */
export const STEP_BUDGET_MS = 180_000;

/** Where a step began: the frame after its setup, before the learner does anything. */
export interface StepEntry {
  index: number;
  frame: Frame;
  startMs: number;
  /** Commands in the run's log once the step's own setup was applied. */
  commandsAtStart: number;
  /** The event-log hash at the start: the same however the step was reached. */
  hash: string;
  /** Continue found the learner's run elsewhere and moved it to the step's standard start. */
  rebased: boolean;
}

/** How a step is opened: by walking on from the step before (Continue), or from scratch. */
export type OpenHow = 'walk' | 'jump';

/**
 * The simulated moment a step completes, given what happened since it began: its condition
 * met and its effect played out. A walk that waits for an event looks every TICK_MS from the
 * step's start, so an event is seen at the first look after it; the player holds the run at
 * this same moment, so a step completed by a learner ends where a standard walk ends.
 * Null while the step is not complete.
 */
export function completionMs(step: LessonStep, p: StepProgress): number | null {
  if (!stepComplete(step, p)) return null;
  const from = effectStartMs(step, p) ?? p.startMs;
  const settled = from + settleMs(step);
  switch (step.until.kind) {
    case 'continue':
      return p.startMs;
    case 'time':
      return Math.max(settled, p.startMs + step.until.ms);
    case 'action':
      return settled;
    case 'event': {
      const event = step.until.event;
      const seen = p.events.find((e) => eventMatches(e, event))?.tMs;
      return Math.max(settled, onTick(p.startMs, seen ?? p.nowMs));
    }
    case 'metric':
      return Math.max(settled, onTick(p.startMs, p.nowMs));
  }
}

function onTick(startMs: number, tMs: number): number {
  return startMs + Math.ceil((tMs - startMs) / TICK_MS) * TICK_MS;
}

/** The index of the step whose scenario step `index` runs in (the nearest one at or before). */
export function baseStepOf(lesson: Lesson, index: number): number {
  let base = index;
  while (base > 0 && !lesson.steps[base]!.setup?.scenario) base--;
  return base;
}

function sameCommands(a: readonly TimedCommand[], b: readonly TimedCommand[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const { live: _l1, ...x } = a[i]!;
    const { live: _l2, ...y } = b[i]!;
    if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

/** Thrown inside a walk that a newer open overtook; never reaches the caller. */
class Overtaken extends Error {}

export interface StandardPlay {
  progress: StepProgress;
  /** The frame at the step's completion moment (or where the walk stopped). */
  frame: Frame;
  reached: boolean;
}

export interface LessonSession {
  readonly lesson: Lesson;
  /**
   * Opens step `index` (clamped to the lesson). Resolves with where it began, or null when a
   * newer open overtook it. `play` says whether the run should play once the step is set up.
   */
  open(index: number, how: OpenHow, play: boolean): Promise<StepEntry | null>;
  /** Plays the open step the standard way (expected action, run to completion). Headless. */
  playStandard(entry: StepEntry, budgetMs?: number): Promise<StandardPlay>;
  /**
   * Holds the run at `tMs` (pause, then seek there): where the open step completed. Resolves
   * with the frame there, or null when a newer open overtook it.
   */
  hold(tMs: number): Promise<Frame | null>;
  /** Plays the run on (after the learner locked in a prediction). */
  play(): Promise<void>;
  /**
   * Runs a design a question's answer stands for, on the picture: loads it paused, sets the
   * speed, then plays. It replaces the step's run (an open still in progress stops), so
   * Continue afterwards starts the next step from the lesson's own run.
   */
  runDesign(scenario: Scenario, speed: number): Promise<void>;
  /** True from a design run's start until the next step opens: the run on screen is not the step's. */
  readonly inDesignRun: boolean;
}

export function createLessonSession(lesson: Lesson, request: SimRequest): LessonSession {
  let generation = 0;
  /** The generation a design run started in; the run on screen is a design while it is current. */
  let designGeneration = -1;
  /** The newest open waiting for the one in progress to stop. */
  let pending: { run: () => Promise<void>; drop: () => void } | null = null;
  let running: Promise<void> | null = null;
  /** Standard ends of steps, as found by walks (index → time and commands). */
  const ends = new Map<number, { tMs: number; commands: readonly TimedCommand[] }>();
  /** The last entry handed out, and the standard start it was at. */
  let current: StepEntry | null = null;

  const send = async (gen: number, msg: ToSim): Promise<Frame> => {
    if (gen !== generation) throw new Overtaken();
    const frame = await request(msg);
    if (gen !== generation) throw new Overtaken();
    return frame;
  };

  const withSnapshot = async (gen: number, frame: Frame | null): Promise<Frame> => {
    if (frame?.snapshot) return frame;
    return send(gen, { type: 'advance', ms: 0 });
  };

  /** Applies step `index`'s setup and reads where it begins. */
  const enter = async (gen: number, index: number, rebased: boolean): Promise<StepEntry> => {
    let frame: Frame | null = null;
    for (const msg of setupMessages(lesson.steps[index]!.setup)) frame = await send(gen, msg);
    frame = await withSnapshot(gen, frame);
    return {
      index,
      frame,
      startMs: frame.tMs,
      commandsAtStart: frame.snapshot!.liveCommands.length,
      hash: frame.snapshot!.outcome.eventLogHash,
      rebased,
    };
  };

  const playStandardIn = async (
    gen: number,
    entry: StepEntry,
    budgetMs: number,
  ): Promise<StandardPlay> => {
    const step = lesson.steps[entry.index]!;
    let last = entry.frame;
    const p = newProgress(entry.startMs);
    p.outcome = last.snapshot?.outcome ?? null;
    if (step.until.kind === 'continue') p.continued = true;
    if (step.until.kind === 'action') {
      if (!step.autoAction)
        throw new Error(`Step ${step.id} waits for an action but has no autoAction.`);
      last = await send(gen, { type: 'act', action: step.autoAction });
      p.actions.push(step.autoAction.action);
      p.actionsAtMs.push(last.tMs);
      p.events.push(...last.events);
      p.outcome = last.snapshot?.outcome ?? p.outcome;
    }
    const note = (f: Frame): void => {
      p.nowMs = f.tMs;
      p.events.push(...f.events);
      if (f.snapshot) p.outcome = f.snapshot.outcome;
    };
    const kind = step.until.kind;
    if (kind === 'time' || kind === 'action') {
      // The moment is known in advance: run straight to it.
      const target =
        kind === 'time'
          ? Math.max(entry.startMs + step.until.ms, entry.startMs + settleMs(step))
          : last.tMs + settleMs(step);
      const ms = Math.min(target, last.endMs) - last.tMs;
      if (ms > 0) note((last = await send(gen, { type: 'advance', ms })));
    } else if (kind !== 'continue') {
      while (!stepComplete(step, p) && p.nowMs - p.startMs < budgetMs && last.tMs < last.endMs) {
        note((last = await send(gen, { type: 'advance', ms: TICK_MS })));
      }
    }
    last = await withSnapshot(gen, last);
    const reached = stepComplete(step, p);
    if (reached || last.tMs >= last.endMs) {
      ends.set(entry.index, { tMs: last.tMs, commands: last.snapshot!.liveCommands });
    }
    return { progress: p, frame: last, reached };
  };

  /** Puts the run at step `index`'s standard start, walking from its base step. */
  const jump = async (gen: number, index: number, rebased: boolean): Promise<StepEntry> => {
    // Every jump starts with a load (paused), so whatever was playing stops there.
    const base = baseStepOf(lesson, index);
    if (!lesson.steps[base]!.setup?.scenario) {
      // The opening steps only talk: show the system of the first step that has one, paused.
      const first = lesson.steps.find((s) => s.setup?.scenario);
      if (first) {
        for (const msg of setupMessages({ scenario: first.setup!.scenario! })) await send(gen, msg);
      }
    }
    let entry = await enter(gen, base, rebased);
    // A speed set by a step before the base still holds where a walk would have got to.
    const speed = lesson.steps
      .slice(0, base)
      .reduce<number | undefined>((v, s) => s.setup?.speed ?? v, undefined);
    if (speed !== undefined && lesson.steps[base]!.setup?.speed === undefined) {
      entry = { ...entry, frame: await send(gen, { type: 'speed', speed }) };
    }
    for (let i = base; i < index; i++) {
      await playStandardIn(gen, entry, STEP_BUDGET_MS);
      entry = await enter(gen, i + 1, rebased);
    }
    return entry;
  };

  /** Continue: keep the learner's run if it is at the standard end of the step before. */
  const walk = async (gen: number, index: number): Promise<StepEntry> => {
    const prev = current;
    const own = lesson.steps[index]!.setup?.scenario !== undefined;
    const frame = await withSnapshot(gen, await send(gen, { type: 'pause' }));
    if (own) return enter(gen, index, false);
    const end = prev && prev.index === index - 1 ? ends.get(index - 1) : undefined;
    const standard =
      prev && prev.index === index - 1 ? (end ?? predictedEnd(prev, lesson)) : undefined;
    if (
      standard &&
      frame.tMs === standard.tMs &&
      sameCommands(frame.snapshot!.liveCommands, standard.commands)
    ) {
      return enter(gen, index, false);
    }
    return jump(gen, index, true);
  };

  const open = (index: number, how: OpenHow, play: boolean): Promise<StepEntry | null> => {
    const i = Math.min(Math.max(0, Math.trunc(index) || 0), lesson.steps.length - 1);
    const gen = ++generation;
    return new Promise((resolve, reject) => {
      const run = async (): Promise<void> => {
        if (gen !== generation) return resolve(null);
        try {
          let entry = how === 'walk' && current ? await walk(gen, i) : await jump(gen, i, false);
          if (play) {
            const f = await send(gen, { type: 'play' });
            entry = { ...entry, frame: f.snapshot ? f : entry.frame };
          }
          current = entry;
          resolve(entry);
        } catch (e) {
          if (e instanceof Overtaken) resolve(null);
          else reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      // An open still waiting to start is overtaken before it sends anything.
      pending?.drop();
      pending = { run, drop: () => resolve(null) };
      if (!running) void drain();
    });
  };

  /** Runs the newest pending open once the one in progress has stopped. */
  const drain = async (): Promise<void> => {
    while (pending) {
      const next = pending;
      pending = null;
      running = next.run();
      await running;
    }
    running = null;
  };

  return {
    lesson,
    open,
    playStandard: async (entry, budgetMs = STEP_BUDGET_MS) => {
      const gen = generation;
      return playStandardIn(gen, entry, budgetMs);
    },
    hold: async (tMs) => {
      const gen = generation;
      try {
        await send(gen, { type: 'pause' });
        return await send(gen, { type: 'seek', tMs });
      } catch (e) {
        if (e instanceof Overtaken) return null;
        throw e;
      }
    },
    play: async () => {
      const gen = generation;
      await send(gen, { type: 'play' }).catch((e: unknown) => {
        if (!(e instanceof Overtaken)) throw e;
      });
    },
    get inDesignRun() {
      return designGeneration === generation;
    },
    runDesign: async (scenario, speed) => {
      const gen = ++generation;
      designGeneration = gen;
      pending?.drop();
      pending = null;
      await send(gen, { type: 'load', scenario, playing: false });
      await send(gen, { type: 'speed', speed });
      await send(gen, { type: 'play' });
    },
  };
}

/**
 * The standard end of a step that began at its standard start, without running it, when it
 * can be told in advance: a Continue step ends where it began, a timed step after its time,
 * an action step once the expected action taken at the start has played out.
 */
function predictedEnd(
  entry: StepEntry,
  lesson: Lesson,
): { tMs: number; commands: readonly TimedCommand[] } | undefined {
  const step = lesson.steps[entry.index]!;
  const commands = entry.frame.snapshot?.liveCommands ?? [];
  const at = entry.startMs;
  const endMs = entry.frame.endMs;
  const capped = (tMs: number): number => Math.min(tMs, endMs);
  switch (step.until.kind) {
    case 'continue':
      return { tMs: at, commands };
    case 'time':
      return { tMs: capped(Math.max(at + step.until.ms, at + settleMs(step))), commands };
    case 'action':
      if (!step.autoAction) return undefined;
      return {
        tMs: capped(at + settleMs(step)),
        commands: [...commands, { ...step.autoAction, atMs: at } as TimedCommand],
      };
    default:
      return undefined;
  }
}
