/** The simulation core's public surface. */
export * from './scenario.ts';
export * from './events.ts';
export * from './outcome.ts';
export { Simulation, createInitialState } from './simulation.ts';
export {
  FAIL_REASONS,
  OP_NAMES,
  Node,
  serverNode,
  type SimState,
  type ServerStatus,
} from './model.ts';
export { NAMED_USERS, ITEMS, STORE_PROFILES } from './catalog.ts';
export {
  validateScenario,
  validateAction,
  parseScenarioJson,
  MAX_SCENARIO_BYTES,
} from './scenarioSchema.ts';
export { PRESETS, PRESET_NAMES, presetScenario, type Preset } from './presets.ts';
export { chatStoreFigures, type ChatStoreFigures } from './chat/chatStore.ts';
