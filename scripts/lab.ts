/**
 * `npm run lab -- <scenario.json | preset> [--json] [--seed N] [--time-scale K]`: runs a
 * scenario on real HAProxy, Node app servers and Redis on 127.0.0.1 and prints the real
 * outcome beside the simulation's. Exit 0 on a completed run, 2 for bad arguments, an
 * invalid scenario or missing programs, 1 for a failure while running.
 */
import { formatSummary } from './simCli.ts';
import { INSTALL_COMMAND, findBinaries } from './lab/binaries.ts';
import { formatVerdicts } from './lab/compare.ts';
import { runLab } from './lab/runLab.ts';
import { UsageError, loadLabScenario, parseLabArgs } from './labCli.ts';

async function main(): Promise<number> {
  let args;
  try {
    args = parseLabArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
  const loaded = loadLabScenario(args.target, args.seed);
  if (!loaded.ok) {
    process.stderr.write(loaded.errors.join('\n') + '\n');
    return 2;
  }
  const bin = findBinaries();
  if ('missing' in bin) {
    process.stderr.write(
      `error: the lab needs ${bin.missing.join(' and ')}, not found on PATH.\n` +
        `Install them with:\n  sudo ${INSTALL_COMMAND}\n`,
    );
    return 2;
  }
  const log = (line: string): void => void process.stderr.write(line + '\n');
  const result = await runLab(loaded.scenario, bin, args.timeScale, log);
  if (args.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    process.stdout.write('== real\n' + formatSummary(result.real, result.wallS * 1000) + '\n');
    process.stdout.write('== simulation\n' + formatSummary(result.sim, 0) + '\n');
    process.stdout.write(
      `session lookups by the servers: ${JSON.stringify(result.sessionLookups)}\n`,
    );
    process.stdout.write('== sim against real\n' + formatVerdicts(result.verdicts) + '\n');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`lab: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
