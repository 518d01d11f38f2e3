/**
 * Hostile scenario files: thousands of generated and mutated inputs thrown at the one gate
 * every scenario passes (parseScenarioJson / validateScenario). Each is accepted or rejected
 * with messages that name a field; nothing throws, nothing takes long, nothing accepted is
 * outside LIMITS, and the heaviest scenario the gate accepts still runs in bounded wall time.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenarioJson, validateScenario, type ValidationResult } from './scenarioSchema.ts';
import { LIMITS, resolveScenario, type Scenario } from './scenario.ts';
import { PRESETS } from './presets.ts';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';

/**
 * Wall time one parse may take, in ms: a hang or a bomb takes far longer; a parse takes well
 * under a millisecond, and the rest is room for a machine busy with other work.
 */
const PARSE_BUDGET_MS = 2_000;

function expectWellFormed(r: ValidationResult): void {
  if (r.ok) {
    expectWithinLimits(r.scenario);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(10);
  for (const e of r.errors) {
    expect(typeof e).toBe('string');
    // "<field path>: <what is wrong>": a plain dotted name, or a quoted and clipped key.
    expect(e).toMatch(/^([A-Za-z0-9_$.]+|\(top level\)|".*"): \S/s);
    expect(e.length).toBeLessThan(400);
  }
}

function expectWithinLimits(s: Scenario): void {
  const finite = (x: unknown): void => {
    if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
    else if (x && typeof x === 'object') for (const v of Object.values(x)) finite(v);
  };
  finite(s);
  const r = resolveScenario(s);
  expect(r.users.count).toBeLessThanOrEqual(LIMITS.users);
  expect(r.servers.count).toBeLessThanOrEqual(LIMITS.servers);
  expect(r.servers.workers).toBeLessThanOrEqual(LIMITS.workers);
  expect(r.durationS).toBeLessThanOrEqual(LIMITS.durationS);
  expect(r.timeline.length).toBeLessThanOrEqual(LIMITS.timelineEntries);
  expect(r.users.thinkTimeS).toBeGreaterThanOrEqual(0.5);
}

function timed<T>(f: () => T): T {
  const t0 = performance.now();
  const out = f();
  expect(performance.now() - t0).toBeLessThan(PARSE_BUDGET_MS);
  return out;
}

/** Values a hostile file might hold where a number, a word or an object is expected. */
const nasty = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 53 + 1,
    -0,
    0,
    1,
    -1,
    0.5,
    LIMITS.users + 1,
    LIMITS.servers + 1,
    LIMITS.durationS + 1,
    '1',
    '',
    'NaN',
    'Infinity',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    null,
    true,
    [],
    {},
    { __proto__: { polluted: true } },
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 120 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const presetArb = fc.constantFrom(...Object.values(PRESETS).map((p) => p.scenario));

/** A preset with one field (possibly nested, possibly new) set to a nasty value or removed. */
const mutatedScenario = fc
  .tuple(
    presetArb,
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'version',
          'name',
          'seed',
          'durationS',
          'architecture',
          'store',
          'store.kind',
          'store.replicas',
          'store.ttlS',
          'loadBalancer.algorithm',
          'loadBalancer.sticky',
          'loadBalancer.healthCheckS',
          'loadBalancer.virtualNodes',
          'servers',
          'servers.count',
          'servers.workers',
          'servers.serviceTimeMs',
          'servers.queueLimit',
          'servers.autoscale',
          'servers.autoscale.min',
          'users',
          'users.count',
          'users.thinkTimeS',
          'users.heavyShare',
          'users.heavyFactor',
          'network.clientLatencyMs',
          'jwt.tokenBytes',
          'timeline',
          'timeline.0',
          'timeline.0.atS',
          'timeline.0.action',
          'timeline.0.server',
          'unknownField',
          '__proto__',
          'constructor',
        ),
        fc.option(nasty, { nil: undefined }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([preset, edits]) => {
    const s = structuredClone(preset) as unknown as Record<string, unknown>;
    for (const [path, value] of edits) {
      const keys = path.split('.');
      let o: Record<string, unknown> = s;
      for (const k of keys.slice(0, -1)) {
        const next = o[k];
        if (!next || typeof next !== 'object') o[k] = {};
        o = o[k] as Record<string, unknown>;
      }
      const last = keys.at(-1)!;
      if (value === undefined) delete o[last];
      else
        Object.defineProperty(o, last, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return s;
  });

/** Property tests run thousands of cases on a shared machine: give them room. */
const FUZZ_TIMEOUT_MS = 60_000;

describe('scenario files: hostile input', () => {
  it(
    'accepts every preset',
    () => {
      for (const p of Object.values(PRESETS)) expect(validateScenario(p.scenario).ok).toBe(true);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on arbitrary text',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
          (text) => {
            expectWellFormed(timed(() => parseScenarioJson(text)));
          },
        ),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on arbitrary JSON values',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
          expectWellFormed(timed(() => parseScenarioJson(JSON.stringify(value) ?? 'null')));
          expectWellFormed(timed(() => validateScenario(value)));
        }),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'accepts or rejects mutated presets with a message naming the field',
    () => {
      fc.assert(
        fc.property(mutatedScenario, (s) => {
          const direct = timed(() => validateScenario(s));
          expectWellFormed(direct);
          const viaText = timed(() => parseScenarioJson(JSON.stringify(s)));
          expectWellFormed(viaText);
        }),
        { numRuns: 3000 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'names the field that is out of range',
    () => {
      const cases: [unknown, string][] = [
        [{ version: 1, users: { count: 1e9 } }, 'users.count'],
        [{ version: 1, servers: { count: 1e6 } }, 'servers.count'],
        [{ version: 1, servers: { workers: 1e6 } }, 'servers.workers'],
        [{ version: 1, durationS: 1e12 }, 'durationS'],
        [{ version: 1, seed: -1 }, 'seed'],
        [{ version: 1, users: { thinkTimeS: 0.001 } }, 'users.thinkTimeS'],
        [{ version: 1, users: { heavyShare: 1, heavyFactor: 1000 } }, 'users'],
        [{ version: 2 }, 'version'],
        [{ version: 1, name: 'x'.repeat(81) }, 'name'],
        [
          {
            version: 1,
            timeline: Array.from({ length: LIMITS.timelineEntries + 1 }, () => ({
              atS: 1,
              action: 'kill-store',
            })),
          },
          'timeline',
        ],
        [{ version: 1, timeline: [{ atS: 1, action: 'format-disk' }] }, 'timeline.0'],
        [{ version: 1, extra: 1 }, 'extra'],
      ];
      for (const [input, field] of cases) {
        const r = validateScenario(input);
        expect(r.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
        if (!r.ok) expect(r.errors.join(' ')).toContain(field);
      }
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'rejects oversized, deeply nested and prototype-polluting files without throwing',
    () => {
      const huge = `{"version":1,"name":"${'x'.repeat(300 * 1024)}"}`;
      expect(parseScenarioJson(huge)).toEqual({
        ok: false,
        errors: [expect.stringContaining('larger than')],
      });
      const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
      expectWellFormed(timed(() => parseScenarioJson(deep)));
      const deepObj = `{"version":1,"store":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
      expectWellFormed(timed(() => parseScenarioJson(deepObj)));
      for (const text of [
        '{"version":1,"__proto__":{"polluted":1}}',
        '{"version":1,"constructor":{"prototype":{"polluted":1}}}',
        '{"version":1,"store":{"__proto__":{"polluted":1}}}',
      ]) {
        expect(parseScenarioJson(text).ok).toBe(false);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('the heaviest accepted scenario', () => {
  it('runs a few simulated seconds in bounded wall time', () => {
    // Every size at its limit, users as fast as the gate allows, everything that adds events on.
    const heaviest = {
      version: 1,
      durationS: LIMITS.durationS,
      architecture: 'session-store',
      store: { replicas: LIMITS.replicas, ttlS: 1, replicationLagMs: 0 },
      loadBalancer: {
        algorithm: 'least-connections',
        sticky: 'consistent-hash',
        healthCheckS: 0.1,
        virtualNodes: 1000,
      },
      servers: {
        count: LIMITS.servers,
        workers: LIMITS.workers,
        serviceTimeMs: 0.01,
        queueLimit: LIMITS.queueLimit,
      },
      users: { count: LIMITS.users, thinkTimeS: 0.5, sharedIpGroups: 1000, sharedIpShare: 1 },
      network: { clientLatencyMs: 0, lbLatencyMs: 0 },
      timeline: Array.from({ length: LIMITS.timelineEntries }, (_, i) => ({
        atS: 1 + (i % 2) * 0.001,
        action: i % 2 ? 'restart-server' : 'kill-server',
        server: 1 + (i % LIMITS.servers),
      })),
    };
    const checked = validateScenario(heaviest);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const sim = new Simulation(resolveScenario(checked.scenario), { hop() {}, event() {} });
    const t0 = performance.now();
    sim.runUntil(3000);
    const wallMs = performance.now() - t0;
    const o = outcome(sim.state);
    expect(o.simulatedS).toBe(3);
    expect(o.requests.total).toBeGreaterThan(10_000);
    // About 1 s of wall time per simulated second on a laptop; 60 s leaves room for a busy CI box.
    expect(wallMs).toBeLessThan(60_000);
  }, 120_000);
});
