/**
 * Changes a live command cannot make (architecture, store kind, seed) are scenario edits: the
 * run starts again from 0 s with the edited scenario. Load-balancer settings and the number
 * of users the learner set live are carried into the new run, so switching architecture
 * compares like with like; everything else comes from the current scenario.
 */
import { LIMITS, type Architecture, type Scenario, type StoreKind } from '../sim/index.ts';
import type { Snapshot } from '../protocol/snapshot.ts';

export interface ScenarioEdit {
  architecture?: Architecture;
  storeKind?: StoreKind;
  /** A new seed: the same setup from 0 s, the learner's live settings dropped. */
  seed?: number;
}

export function reconfigure(
  scenario: Scenario,
  snapshot: Pick<Snapshot, 'algorithm' | 'sticky' | 'users'> | null,
  change: ScenarioEdit,
): Scenario {
  if (change.seed !== undefined) return withSeed(scenario, change.seed);
  const next: Scenario = structuredClone(scenario);
  if (snapshot) {
    next.loadBalancer = {
      ...next.loadBalancer,
      algorithm: snapshot.algorithm,
      sticky: snapshot.sticky,
    };
    next.users = { ...next.users, count: snapshot.users.target };
  }
  if (change.architecture) next.architecture = change.architecture;
  if (change.storeKind) next.store = { ...next.store, kind: change.storeKind };
  return next;
}

/** A seed typed by the learner, or null if it is not a whole number in range. */
export function parseSeed(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 && n <= LIMITS.seed ? n : null;
}

/** The same scenario from t = 0 with another seed (the learner's live commands are dropped). */
export function withSeed(scenario: Scenario, seed: number): Scenario {
  return { ...structuredClone(scenario), seed };
}
