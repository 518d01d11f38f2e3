/**
 * Deterministic budgets on the production build (dist/), run by `npm test`:
 *   - the JavaScript the first page load needs is under 200 KB gzipped;
 *   - the end-to-end test hook is not in it.
 * Initial JavaScript = the entry script named in index.html plus the chunks it imports
 * statically (modulepreload links); lazily loaded chunks and the worker are not counted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const BUDGET_BYTES = 200 * 1024;

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g),
].map((m) => m[1]!);

let total = 0;
for (const file of initial) {
  const gz = gzipSync(readFileSync(join(DIST, file))).length;
  total += gz;
  console.log(`${file.padEnd(48)} ${(gz / 1024).toFixed(1)} KB gzipped`);
}
console.log(
  `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`,
);

let failed = false;
if (initial.length === 0) {
  console.error('error: no entry script found in dist/index.html');
  failed = true;
}
if (total > BUDGET_BYTES) {
  console.error('error: initial JavaScript is over budget');
  failed = true;
}
for (const file of readdirSync(join(DIST, 'assets'))) {
  if (
    file.endsWith('.js') &&
    readFileSync(join(DIST, 'assets', file), 'utf8').includes('__statecraftTest')
  ) {
    console.error(`error: the test hook leaked into the production build (${file})`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
