/**
 * The one interface every control talks to: play, pause, step, seek, speed, act and reload.
 * A single run (playground, lessons, embed) and a comparison (N panes in lock-step) both
 * implement it, so one Speed slider, one Timeline and one command registry serve every mode.
 *
 * State is a vanilla zustand store with one writer: the implementation. Controls read it
 * through selectors; operations return promises that settle when the run has taken them in.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Action, Scenario, TimedCommand } from '../sim/index.ts';
import type { SimSession } from '../store/simStore.ts';
import type { ScenarioEdit } from './scenarioEdits.ts';

export interface RunState {
  /** A scenario is loaded and answering. */
  loaded: boolean;
  playing: boolean;
  /** Simulated ms per wall ms. */
  speed: number;
  /** Simulated time (updated at snapshot rate while playing), in ms. */
  tMs: number;
  endMs: number;
  /** The scenario the run started from (for a comparison: before each pane's architecture). */
  scenario: Scenario | null;
  /** The learner's commands, stamped with their simulated time (the same in every pane). */
  liveCommands: readonly TimedCommand[];
  /** The scenario's own timeline, in simulated ms. */
  plannedCommands: readonly TimedCommand[];
  /** Where seeking is instant (simulated ms). */
  checkpointsMs: readonly number[];
  /** The last error, shown to the learner until dismissed. */
  error: string | null;
  /** The last thing done to the run, for a polite live region ('' when nothing to say). */
  announcement: string;
}

export interface RunController {
  readonly kind: 'single' | 'compare';
  readonly state: StoreApi<RunState>;
  /** The sessions the run drives: one for a single run, one per pane for a comparison. */
  readonly sessions: readonly SimSession[];
  /** What Step does, in words (for its button's title). */
  readonly stepHint: string;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  /** Moves exactly `ms` of simulated time forward (tests, lessons). */
  advance(ms: number): Promise<void>;
  seek(tMs: number): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  /** A fault or change, applied at the current simulated time (in every pane). */
  act(action: Action): Promise<void>;
  /** Starts again from 0 s with an edited scenario (architecture, store kind, seed). */
  reload(edit: ScenarioEdit): Promise<void>;
  /** Follows one user (null: nobody) in every pane. */
  follow(userIdx: number | null): void;
  dismissError(): void;
}

/** Timeline entries of a scenario as commands in simulated ms. */
export function plannedCommands(scenario: Scenario | null): TimedCommand[] {
  return (scenario?.timeline ?? []).map(
    ({ atS, ...action }) => ({ ...action, atMs: atS * 1000 }) as TimedCommand,
  );
}
