/**
 * The scenario the real-configuration view generates files for: the loaded scenario with the
 * live settings the learner may have changed since (architecture, algorithm, stickiness),
 * and the `npm run lab` command that runs exactly that.
 */
import { PRESET_NAMES, presetScenario } from '../../sim/index.ts';
import {
  resolveScenario,
  type Algorithm,
  type Architecture,
  type ResolvedScenario,
  type Scenario,
  type StickyMethod,
} from '../../sim/scenario.ts';

export interface LiveSettings {
  architecture: Architecture;
  algorithm: Algorithm;
  sticky: StickyMethod;
}

export function currentScenario(
  loaded: Scenario | null,
  live: LiveSettings | null,
): { scenario: ResolvedScenario; labCommand: string } {
  const base = resolveScenario(loaded ?? { version: 1, name: 'playground' });
  const changed =
    live !== null &&
    (live.architecture !== base.architecture ||
      live.algorithm !== base.loadBalancer.algorithm ||
      live.sticky !== base.loadBalancer.sticky);
  const scenario: ResolvedScenario = live
    ? {
        ...base,
        architecture: live.architecture,
        loadBalancer: { ...base.loadBalancer, algorithm: live.algorithm, sticky: live.sticky },
      }
    : base;
  const isPreset =
    PRESET_NAMES.includes(base.name) &&
    JSON.stringify(resolveScenario(presetScenario(base.name)!)) === JSON.stringify(base);
  const labCommand =
    isPreset && !changed
      ? `npm run lab -- ${base.name}`
      : 'npm run lab -- my-scenario.json   # after "Export scenario" in the playground';
  return { scenario, labCommand };
}
