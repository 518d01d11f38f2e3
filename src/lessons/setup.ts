/** Turns a step's setup into the messages that put the simulation in place. */
import { presetScenario, validateScenario, type Scenario } from '../sim/index.ts';
import type { ToSim } from '../protocol/messages.ts';
import type { StepSetup } from './types.ts';

export function setupScenario(setup: StepSetup | undefined): Scenario | null {
  if (!setup?.scenario) return null;
  const scenario =
    typeof setup.scenario === 'string'
      ? presetScenario(setup.scenario)
      : structuredClone(setup.scenario);
  if (!scenario) throw new Error(`Unknown preset "${String(setup.scenario)}" in a lesson step.`);
  const checked = validateScenario(scenario);
  if (!checked.ok) throw new Error(`Invalid lesson scenario: ${checked.errors.join('; ')}`);
  return checked.scenario;
}

/** The messages that apply a step's setup, in order. */
export function setupMessages(setup: StepSetup | undefined): ToSim[] {
  const msgs: ToSim[] = [];
  const scenario = setupScenario(setup);
  if (scenario) msgs.push({ type: 'load', scenario, playing: false });
  for (const action of setup?.actions ?? []) msgs.push({ type: 'act', action });
  if (setup?.speed !== undefined) msgs.push({ type: 'speed', speed: setup.speed });
  return msgs;
}
