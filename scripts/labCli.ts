/** The lab command's arguments and scenario loading, separate from process I/O for tests. */
import { existsSync, readFileSync } from 'node:fs';
import { PRESET_NAMES, presetScenario } from '../src/sim/presets.ts';
import { parseScenarioJson, validateScenario } from '../src/sim/scenarioSchema.ts';
import { LIMITS, resolveScenario, type ResolvedScenario } from '../src/sim/scenario.ts';
import { labLimitations } from '../src/realStack/index.ts';
import { UsageError } from './simCli.ts';

export { UsageError };

export interface LabArgs {
  target: string;
  seed: number | undefined;
  timeScale: number;
  json: boolean;
}

export const LAB_USAGE =
  'usage: npm run lab -- <scenario.json | preset> [--json] [--seed N] [--time-scale K]\n' +
  '  runs the scenario on real HAProxy, Node app servers and Redis on 127.0.0.1,\n' +
  '  then prints the real outcome beside the simulation’s. K (1–20, default 1) divides\n' +
  '  think times, health-check intervals and the timeline: a 60 s scenario at K=4 takes 15 s.';

export function parseLabArgs(argv: string[]): LabArgs {
  let target: string | null = null;
  const args = { seed: undefined as number | undefined, timeScale: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--seed') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0 || n > LIMITS.seed)
        throw new UsageError(
          `error: --seed needs a whole number from 0 to ${LIMITS.seed}\n${LAB_USAGE}`,
        );
      args.seed = n;
    } else if (a === '--time-scale') {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 1 || n > 20)
        throw new UsageError(`error: --time-scale needs a number from 1 to 20\n${LAB_USAGE}`);
      args.timeScale = n;
    } else if (a === '--help' || a === '-h') throw new UsageError(LAB_USAGE);
    else if (a.startsWith('-')) throw new UsageError(`error: unknown option ${a}\n${LAB_USAGE}`);
    else if (target === null) target = a;
    else throw new UsageError(`error: more than one scenario given\n${LAB_USAGE}`);
  }
  if (target === null) throw new UsageError(LAB_USAGE);
  return { target, ...args };
}

/** The scenario to run, or the messages saying why not. */
export function loadLabScenario(
  target: string,
  seed: number | undefined,
): { ok: true; scenario: ResolvedScenario } | { ok: false; errors: string[] } {
  let validated;
  if (existsSync(target)) validated = parseScenarioJson(readFileSync(target, 'utf8'));
  else {
    const preset = presetScenario(target);
    if (!preset)
      return {
        ok: false,
        errors: [`"${target}" is neither a file nor a preset; presets: ${PRESET_NAMES.join(', ')}`],
      };
    validated = validateScenario(preset);
  }
  if (!validated.ok) return validated;
  const scenario = resolveScenario(validated.scenario);
  if (seed !== undefined) scenario.seed = seed;
  const limits = labLimitations(scenario);
  if (limits.length) return { ok: false, errors: ['the lab cannot run this scenario:', ...limits] };
  return { ok: true, scenario };
}
