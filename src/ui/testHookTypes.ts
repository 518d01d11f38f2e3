/** The shape of the end-to-end test hook (see testHook.ts), shared with the e2e specs. */
import type { Action, Scenario } from '../sim/index.ts';
import type { Snapshot } from '../protocol/snapshot.ts';

export interface TestHook {
  /** Loads a scenario paused at t = 0 and resolves with its first snapshot. */
  load(scenario: Scenario): Promise<Snapshot>;
  /** Pauses, advances simulated time by `ms`, and resolves with the new snapshot. */
  advance(ms: number): Promise<Snapshot>;
  act(action: Action): Promise<Snapshot>;
  /** Plays at `speed` (simulated ms per wall ms, if given) and resolves with the snapshot. */
  play(speed?: number): Promise<Snapshot>;
  pause(): Promise<Snapshot>;
  /**
   * Performs a registry command by id (src/app/commands.ts), as a button or key would, on the
   * page's run with the page's view operations (e.g. `go-to-step` with `{ step }`).
   */
  perform(id: string, args?: unknown): Promise<void>;
  /**
   * Kills the simulation worker the way a crash would (terminated, then an error event on
   * the Worker object). The app should say so and carry on in-thread from the same place.
   */
  crashWorker(): void;
  /** Makes the worker spin for ever (as a bug would): only its missing pulse gives it away. */
  hangWorker(): void;
  /** Makes the worker call `self.close()`: no error event, it just goes quiet. */
  closeWorker(): void;
  snapshot(): Snapshot | null;
  clientKind(): string | null;
  /**
   * Read-only, for the benchmark: hops in the dot layer's buffer that are travelling at the
   * view's current time (depart ≤ t < arrive), i.e. the requests in flight on screen.
   */
  visibleHops(): number;
  /**
   * Dots the dot layer drew in its latest frame, per edge, as "left-right" node numbers
   * (0 users, 1 load balancer, 2 store, 3 database, 3 + k server k) → dots on that edge.
   */
  drawnDots(): Record<string, number>;
}

declare global {
  interface Window {
    __statecraftTest?: TestHook;
  }
}
