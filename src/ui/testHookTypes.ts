/** The shape of the end-to-end test hook (see testHook.ts), shared with the e2e specs. */
import type { Action, Scenario } from '../sim/index.ts';
import type { Snapshot } from '../protocol/snapshot.ts';

export interface TestHook {
  /** Loads a scenario paused at t = 0 and resolves with its first snapshot. */
  load(scenario: Scenario): Promise<Snapshot>;
  /** Pauses, advances simulated time by `ms`, and resolves with the new snapshot. */
  advance(ms: number): Promise<Snapshot>;
  act(action: Action): Promise<Snapshot>;
  snapshot(): Snapshot | null;
  clientKind(): string | null;
}

declare global {
  interface Window {
    __statecraftTest?: TestHook;
  }
}
