/** The shape of Compare mode's end-to-end test hook (compareTestHook.ts), shared with e2e specs. */
import type { Action, Architecture, Scenario } from '../../sim/index.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';

export interface CompareTestHook {
  /** True once every pane has loaded the first scenario. */
  ready(): boolean;
  archs(): Architecture[];
  /** Each pane's latest snapshot, in pane order. */
  snapshots(): (Snapshot | null)[];
  /** The shared clock's time and state. */
  clock(): { tMs: number; playing: boolean; speed: number };
  /** Loads `scenario` as the base of every pane, paused at 0 s. */
  load(scenario: Scenario): Promise<Snapshot[]>;
  /** Pauses, advances every pane by `ms` of simulated time, resolves with fresh snapshots. */
  advance(ms: number): Promise<Snapshot[]>;
  /** Pauses and moves every pane to simulated time `tMs`, resolves with fresh snapshots. */
  seek(tMs: number): Promise<Snapshot[]>;
  act(action: Action): Promise<Snapshot[]>;
  play(speed?: number): void;
  pause(): Promise<Snapshot[]>;
  /** Per pane: hops travelling at the view's current time (the dots on screen). */
  visibleHops(): number[];
}

declare global {
  interface Window {
    __statecraftCompare?: CompareTestHook;
  }
}
