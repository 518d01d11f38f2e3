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

  it('prints the chat outcome of a chat preset, as JSON fields and in the summary', () => {
    const r = runHeadless({
      source: 'chat-server-memory',
      fileText: null,
      seed: undefined,
      durationS: undefined,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const chat = r.outcome.chat!;
    expect(chat.state).toBe('server-memory');
    expect(chat.reconnects.total).toBe(40);
    expect(chat.messages.lost).toBeGreaterThan(0);
    expect(formatSummary(r.outcome, 1)).toMatch(/reconnects\s+40 \(/);
    expect(formatSummary(r.outcome, 1)).toMatch(/\d+ lost, \d+ at sender/);
  });

  it('prints the upload outcome of a scenario with uploads, as JSON fields and in the summary', () => {
    const r = runHeadless({
      source: 'uploads.json',
      fileText: JSON.stringify({
        version: 1,
        durationS: 90,
        architecture: 'session-store',
        loadBalancer: { sticky: 'none' },
        uploads: { uploaders: 20, uploadIntervalS: 30, placement: 'server-disk' },
        timeline: [{ atS: 40, action: 'kill-server', server: 1 }],
      }),
      seed: undefined,
      durationS: undefined,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const u = r.outcome.uploads!;
    expect(u.placement).toBe('server-disk');
    expect(u.videos.lost).toBeGreaterThan(0);
    const summary = formatSummary(r.outcome, 1);
    expect(summary).toMatch(
      /uploads\s+20 uploaders, files on server-disk, converted on app-server/,
    );
    expect(summary).toContain(`${u.videos.lost} lost`);
    expect(summary).toMatch(/reads\s+\d+ checks answered, \d+ not found \(\d+\.\d %\)/);
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
