import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { formatSummary, parseArgs, runHeadless, UsageError } from './simCli.ts';

/**
 * These run whole simulations (many, for the property tests): seconds of work on an idle
 * machine, several times that on a busy one. Vitest's 5 s default is for small tests.
 */
const HEAVY_TEST_TIMEOUT_MS = 120_000;

describe('headless runner', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it('parses flags and rejects bad ones with a usage message', () => {
    expect(parseArgs(['sticky-crash', '--seed', '3', '--duration', '10', '--json'])).toEqual({
      target: 'sticky-crash',
      seed: 3,
      durationS: 10,
      json: true,
      list: false,
    });
    expect(() => parseArgs(['x', '--seed', 'abc'])).toThrow(UsageError);
    expect(() => parseArgs(['x', '--seed', '-1'])).toThrow(UsageError);
    expect(() => parseArgs(['x', '--bogus'])).toThrow(/unknown option/);
    expect(() => parseArgs([])).toThrow(/usage/);
  });

  it('runs a preset and reports every outcome field the format promises', () => {
    const r = runHeadless({ source: 'sticky-crash', fileText: null, seed: 5, durationS: 40 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const o = r.outcome;
    expect(o.seed).toBe(5);
    expect(o.simulatedS).toBe(40);
    for (const key of [
      'requests',
      'failedByReason',
      'sessions',
      'cart',
      'staleReads',
      'checkouts',
      'latencyMs',
      'bytesPerRequest',
      'servers',
      'rehomed',
      'eventLogHash',
    ]) {
      expect(o).toHaveProperty(key);
    }
    expect(o.sessions.lost).toBeGreaterThan(0);
    expect(formatSummary(o, 1)).toMatch(/sessions\s+\d+ created, \d+ lost/);
  });

  it('names the bad field of an invalid scenario file', () => {
    const r = runHeadless({
      source: 'bad.json',
      fileText: '{"version":1,"loadBalancer":{"sticky":"glue"}}',
      seed: undefined,
      durationS: undefined,
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        'loadBalancer.sticky: must be one of: none, cookie, ip-hash, hash-mod-n, consistent-hash',
      ],
    });
    const unknown = runHeadless({
      source: 'nope',
      fileText: null,
      seed: undefined,
      durationS: undefined,
    });
    expect(unknown.ok).toBe(false);
  });

  it('exits 2 with a message (no stack trace) for an invalid scenario, 0 with --json output', () => {
    const bad = spawnSync('npx', ['tsx', 'scripts/sim.ts', 'no-such-preset'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/neither a file nor a preset/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    const out = execFileSync(
      'npx',
      ['tsx', 'scripts/sim.ts', 'jwt', '--duration', '60', '--json'],
      {
        encoding: 'utf8',
      },
    );
    const parsed = JSON.parse(out) as { architecture: string; bytesPerRequest: { mean: number } };
    expect(parsed.architecture).toBe('jwt');
    expect(parsed.bytesPerRequest.mean).toBeGreaterThan(150);
  }, 30_000);
});
