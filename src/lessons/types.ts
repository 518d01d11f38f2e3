/**
 * Lessons are data. A lesson is a list of steps; a step sets up the simulation, tells the
 * learner what to look at, and waits for something — a Continue press, an action the learner
 * takes, or a moment in the simulation — before the next step opens.
 */
import type { Action, ActionName, Scenario } from '../sim/index.ts';

/** Which picture and words the lesson uses; the simulation is the same underneath. */
export type SkinId = 'shop' | 'pizza' | 'atm' | 'chat';

/** A part of the topology to draw attention to. */
export type NodeRef = 'users' | 'lb' | 'servers' | `server:${number}` | 'store' | 'db';

/** A number in the outcome, by path (e.g. "sessions.lost", "rehomed.0.fraction"). */
export type MetricPath = string;

export type Until =
  /** The learner presses Continue. */
  | { kind: 'continue' }
  /** The learner does something (e.g. kills a server). */
  | { kind: 'action'; action: ActionName; hint: string }
  /** Something happens in the simulation since the step began. */
  | {
      kind: 'event';
      event: 'sessions-lost' | 'stale-read' | 'server-down' | 'store-down' | 'checkout' | 'rehomed';
      hint: string;
    }
  /** This much simulated time has passed since the step began. */
  | { kind: 'time'; ms: number; hint: string }
  /** A metric reaches a value. */
  | { kind: 'metric'; metric: MetricPath; atLeast: number; hint: string };

/** Sets the simulation up when the step opens. */
export interface StepSetup {
  /** A whole new scenario (by preset name or inline); omitted = keep the current run. */
  scenario?: string | Scenario;
  /** Commands applied right after the setup. */
  actions?: Action[];
  /** Run paused or playing once set up. */
  playing?: boolean;
  /** Simulated ms per wall ms. */
  speed?: number;
}

export interface Choice {
  id: string;
  text: string;
  correct: boolean;
  /** Shown after the learner picks this choice. */
  feedback: string;
  /** The design this answer stands for, which the learner can run in the simulation. */
  tryIt?: DesignRun;
}

/**
 * One answer to a design question, as a run: the design set against the situation in the
 * question (the scenario's timeline holds its events), run for `runMs`, then read.
 */
export interface DesignRun {
  /** A short name for the design ("Memory + cookie stickiness"). */
  label: string;
  scenario: Scenario;
  /** Simulated ms the design runs before its figures are read. */
  runMs: number;
  /** Figures the answers' feedback states about this run; the design-run test checks them. */
  claims?: Claim[];
}

/** Ask before running; the answer is recorded, then compared with what happened. */
export interface Prediction {
  question: string;
  choices: Choice[];
  /** Shown next to the learner's answer once the step's `until` is reached. */
  explanation: string;
}

/**
 * A number the narration states, with the outcome metric that backs it. The lesson test
 * plays the lesson and checks each claim against the simulation.
 */
export interface Claim {
  metric: MetricPath;
  /** Inclusive range the metric must fall in when the step's `until` is reached. */
  min: number;
  max: number;
  /** What the narration says, for the test's failure message. */
  says: string;
}

export interface LessonStep {
  id: string;
  title: string;
  /** Paragraphs of narration, in the lesson's vocabulary. */
  narration: string[];
  setup?: StepSetup;
  highlight?: NodeRef[];
  until: Until;
  predict?: Prediction;
  /**
   * A check question (typically at the end): feedback on each choice. When the choices carry
   * design runs, `compare` names the figures shown side by side, lower being better, the
   * first deciding; the lesson test checks that the right answer's run does best.
   */
  check?: { question: string; choices: Choice[]; compare?: MetricPath[] };
  claims?: Claim[];
  /** What the automated player does to satisfy an `action` until (a learner would click). */
  autoAction?: Action;
}

export interface Lesson {
  id: string;
  title: string;
  minutes: number;
  skin: SkinId;
  summary: string;
  goals: string[];
  steps: LessonStep[];
}
