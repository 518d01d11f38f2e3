import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, Simulation, presetScenario, resolveScenario } from './index.ts';
import { copyState } from './simulation.ts';
import type { SimState } from './model.ts';

/** Objects reached more than once walking the state (the scenario's settings excepted). */
function sharedObjects(state: SimState): string[] {
  const seen = new Map<object, string>();
  const shared: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null) return;
    if (seen.has(v)) {
      shared.push(`${path} = ${seen.get(v)}`);
      return;
    }
    seen.set(v, path);
    if (ArrayBuffer.isView(v)) return;
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${path}.get(${String(k)})`);
      return;
    }
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  const { scenario: _scenario, ...rest } = state;
  walk(rest, 'state');
  return shared;
}

describe('checkpoint copies', () => {
  it.each(PRESET_NAMES)(
    'of %s hold no shared objects and equal a structured clone',
    (name) => {
      const sim = new Simulation(resolveScenario(presetScenario(name)!));
      sim.runUntil(Math.min(sim.endMs, 15_000));
      expect(sharedObjects(sim.state)).toEqual([]);
      const copy = copyState(sim.state);
      expect(copy).toEqual(structuredClone(sim.state));
      expect(copy.servers[0]).not.toBe(sim.state.servers[0]);
    },
    60_000,
  );
});
