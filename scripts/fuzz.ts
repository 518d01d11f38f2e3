/**
 * Long UI fuzzing runs: builds the e2e app and runs e2e/fuzz.spec.ts for as long as asked.
 *
 *   npm run fuzz -- [--seconds 600] [--seed N] [--no-build]
 *
 * Without --seed a fresh one is chosen and printed, so a failure can be replayed with it.
 * Exit code: Playwright's (0 when the run stayed healthy).
 */
import { spawnSync } from 'node:child_process';

function parse(argv: string[]): { seconds: number; seed: number; build: boolean } {
  let seconds = 600;
  let seed = Math.floor(Math.random() * 2 ** 31);
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) {
        process.stderr.write(`${a} needs a whole number\n`);
        process.exit(2);
      }
      return n;
    };
    if (a === '--seconds') seconds = Math.max(1, next());
    else if (a === '--seed') seed = next();
    else if (a === '--no-build') build = false;
    else {
      process.stderr.write(
        `Unknown option ${a}. Usage: npm run fuzz -- [--seconds N] [--seed N] [--no-build]\n`,
      );
      process.exit(2);
    }
  }
  return { seconds, seed, build };
}

const { seconds, seed, build } = parse(process.argv.slice(2));
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number =>
  spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' }).status ?? 1;

if (build && run('npm', ['run', 'build:e2e']) !== 0) process.exit(1);
process.stdout.write(`Fuzzing the UI for ${seconds} s with seed ${seed}\n`);
const status = run('npx', ['playwright', 'test', 'e2e/fuzz.spec.ts', '--reporter=list'], {
  ...process.env,
  FUZZ_SECONDS: String(seconds),
  FUZZ_SEED: String(seed),
});
if (status !== 0)
  process.stdout.write(`Replay with: npm run fuzz -- --seconds ${seconds} --seed ${seed}\n`);
process.exit(status);
