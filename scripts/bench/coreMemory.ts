/**
 * One memory sample for the core benchmark, run in a fresh Node process (see core.ts): the
 * heap growth of building a 10,000-user state and running it for 60 simulated seconds, per
 * 1,000 users, in KB. A fresh process matters: after a first run the simulation's pools and
 * caches are warm, and a second run in the same process shows almost no growth.
 */
import { Simulation } from '../../src/sim/simulation.ts';
import { presetScenario } from '../../src/sim/presets.ts';
import { resolveScenario } from '../../src/sim/scenario.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
gc();
const before = process.memoryUsage();
const sc = resolveScenario(presetScenario('large-crowd')!);
sc.durationS = 60;
const sim = new Simulation(sc);
sim.runToEnd();
gc();
const after = process.memoryUsage();
const users = sim.state.users.length;
const perThousand = (x: number): number => x / (users / 1000) / 1024;
console.log(
  JSON.stringify({
    heapKb: perThousand(after.heapUsed - before.heapUsed),
    externalKb: perThousand(after.external - before.external),
    users,
  }),
);
