/**
 * Sim against real: the figures that carry the lessons, each as a share (so a real run with
 * a slightly different number of requests still compares), with a tolerance and a verdict.
 *
 * Tolerances: a share p measured over n users (or requests) has a standard error of
 * √(p(1−p)/n); sim and real are two independent estimates, so their difference has
 * √(p(1−p)/n_sim + p(1−p)/n_real). A figure agrees when the difference is within three such
 * standard errors plus a fixed allowance for what the lab does not reproduce exactly (named
 * per figure in docs/reality-check.md). The allowances were set from repeated runs there.
 */
import type { Outcome } from '../../src/sim/outcome.ts';
import type { ResolvedScenario } from '../../src/sim/scenario.ts';

export interface Verdict {
  figure: string;
  sim: number;
  real: number;
  /** Largest difference that still agrees (same unit as the figures). */
  tolerance: number;
  agree: boolean;
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000;

function share(
  figure: string,
  simNum: number,
  simDen: number,
  realNum: number,
  realDen: number,
  allowance: number,
): Verdict {
  const ps = simDen > 0 ? simNum / simDen : 0;
  const pr = realDen > 0 ? realNum / realDen : 0;
  const p = (ps + pr) / 2;
  const se = Math.sqrt((p * (1 - p)) / Math.max(1, simDen) + (p * (1 - p)) / Math.max(1, realDen));
  const tolerance = 3 * se + allowance;
  return {
    figure,
    sim: r4(ps),
    real: r4(pr),
    tolerance: r4(tolerance),
    agree: Math.abs(ps - pr) <= tolerance,
  };
}

function ratio(
  figure: string,
  sim: number,
  real: number,
  relative: number,
  absolute: number,
): Verdict {
  const tolerance = relative * Math.abs(sim) + absolute;
  return {
    figure,
    sim: r4(sim),
    real: r4(real),
    tolerance: r4(tolerance),
    agree: Math.abs(sim - real) <= tolerance,
  };
}

export function compareOutcomes(
  s: ResolvedScenario,
  sim: Outcome,
  real: Outcome,
  timeScale: number,
  activeAtStoreCrash: { sim: number | null; real: number | null } = { sim: null, real: null },
): Verdict[] {
  const users = Math.max(1, s.users.count);
  const out: Verdict[] = [];
  // Requests per user: the closed loop runs one cycle per think time plus response time.
  // Think times are divided by the time scale, the response time is not, so the real run
  // completes (T + R_sim) / (T + K·R_real) as many cycles per scenario second.
  const thinkS = s.users.thinkTimeS;
  const expected =
    (sim.requests.total * (thinkS + sim.latencyMs.mean / 1000)) /
    (thinkS + (timeScale * real.latencyMs.mean) / 1000);
  out.push(
    ratio('requests (sim corrected for the time scale)', expected, real.requests.total, 0.1, 5),
  );
  out.push(
    share(
      'failed requests, share',
      sim.requests.failed,
      sim.requests.total,
      real.requests.failed,
      real.requests.total,
      0.01,
    ),
  );
  for (const reason of Object.keys(sim.failedByReason)) {
    out.push(
      share(
        `failed: ${reason}, share of requests`,
        sim.failedByReason[reason] ?? 0,
        sim.requests.total,
        real.failedByReason[reason] ?? 0,
        real.requests.total,
        0.01,
      ),
    );
  }
  if (activeAtStoreCrash.sim && activeAtStoreCrash.real) {
    // Of the users with a working session when the store died, how many lost it: the
    // store-crash lesson ("every active session is lost"), whatever step the users had
    // reached by then.
    out.push(
      share(
        'sessions lost per session active at the store crash',
        Math.min(sim.sessions.lost, activeAtStoreCrash.sim),
        activeAtStoreCrash.sim,
        Math.min(real.sessions.lost, activeAtStoreCrash.real),
        activeAtStoreCrash.real,
        0.05,
      ),
    );
  }
  out.push(
    share('sessions lost per user', sim.sessions.lost, users, real.sessions.lost, users, 0.04),
  );
  out.push(
    share(
      'cart items lost, share of added',
      sim.cart.itemsLost,
      Math.max(1, sim.cart.itemsAdded),
      real.cart.itemsLost,
      Math.max(1, real.cart.itemsAdded),
      0.03,
    ),
  );
  out.push(
    share(
      'stale reads, share of requests',
      sim.staleReads,
      sim.requests.total,
      real.staleReads,
      real.requests.total,
      0.005,
    ),
  );
  out.push(ratio('latency p50 (ms)', sim.latencyMs.p50, real.latencyMs.p50, 0.25, 5));
  out.push(
    ratio(
      'credential bytes per request',
      sim.bytesPerRequest.credential,
      real.bytesPerRequest.credential,
      0.6,
      12,
    ),
  );
  const n = Math.min(sim.rehomed.length, real.rehomed.length);
  for (let i = 0; i < n; i++) {
    const a = sim.rehomed[i]!;
    const b = real.rehomed[i]!;
    out.push(
      share(
        `re-homed at ${a.atS} s (${a.from} → ${a.to} servers)`,
        a.fraction * a.users,
        a.users,
        b.fraction * b.users,
        b.users,
        0.05,
      ),
    );
  }
  const simTotal = sim.servers.reduce((x, v) => x + v.requests, 0);
  const realTotal = real.servers.reduce((x, v) => x + v.requests, 0);
  for (const srv of sim.servers) {
    const other = real.servers.find((x) => x.id === srv.id);
    // Requests of one user mostly go to one server, so the spread is that of users.
    const v = share(
      `server ${srv.id}, share of requests`,
      srv.requests,
      simTotal,
      other?.requests ?? 0,
      realTotal,
      0.04,
    );
    const p = (v.sim + v.real) / 2;
    v.tolerance = r4(3 * Math.sqrt((2 * p * (1 - p)) / users) + 0.04);
    v.agree = Math.abs(v.sim - v.real) <= v.tolerance;
    out.push(v);
  }
  return out;
}

export function formatVerdicts(v: Verdict[]): string {
  const w = Math.max(...v.map((x) => x.figure.length), 10);
  const lines = [
    `${'figure'.padEnd(w)}  ${'sim'.padStart(9)}  ${'real'.padStart(9)}  ${'± tol'.padStart(8)}  verdict`,
  ];
  for (const x of v) {
    lines.push(
      `${x.figure.padEnd(w)}  ${String(x.sim).padStart(9)}  ${String(x.real).padStart(9)}  ${String(x.tolerance).padStart(8)}  ${x.agree ? 'agree' : 'DIFFER'}`,
    );
  }
  return lines.join('\n');
}
