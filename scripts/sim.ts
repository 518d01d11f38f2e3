/**
 * Headless runner: runs a scenario file or a preset with the same core the browser uses and
 * prints the outcome.
 *
 *   npm run sim -- <scenario.json | preset> [--seed N] [--duration S] [--json]
 *   npm run sim -- --list
 *
 * Exit codes: 0 ok, 2 bad arguments or an invalid scenario (with a message, never a stack).
 */
import { existsSync, readFileSync } from 'node:fs';
import { runHeadless, formatSummary, parseArgs, UsageError } from './simCli.ts';
import { PRESETS } from '../src/sim/presets.ts';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.list) {
    for (const [name, p] of Object.entries(PRESETS)) {
      process.stdout.write(`${name.padEnd(26)} ${p.title}\n`);
    }
    return 0;
  }
  const source = args.target!;
  const text = existsSync(source) ? readFileSync(source, 'utf8') : null;
  const result = runHeadless({
    source,
    fileText: text,
    seed: args.seed,
    durationS: args.durationS,
  });
  if (!result.ok) {
    process.stderr.write(`${result.errors.map((e) => `error: ${e}`).join('\n')}\n`);
    return 2;
  }
  process.stdout.write(
    args.json
      ? `${JSON.stringify(result.outcome)}\n`
      : formatSummary(result.outcome, result.wallMs),
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
