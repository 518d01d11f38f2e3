import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkShareable, decodeRun, encodeRun, MAX_SHARED_COMMANDS } from './shareLink.ts';
import { presetScenario, type Scenario, type TimedCommand } from '../../sim/index.ts';

const commands: TimedCommand[] = [
  { action: 'kill-server', server: 2, atMs: 12_345, live: true },
  { action: 'set-sticky', sticky: 'consistent-hash', atMs: 20_000, live: true },
  { action: 'add-server', count: 2, atMs: 30_000, live: true },
  { action: 'kill-store', atMs: 40_000, live: true },
  { action: 'remove-server', atMs: 41_000, live: true },
];

describe('share links', () => {
  it('round-trips a preset run compactly', async () => {
    const scenario = { ...presetScenario('sticky-crash')!, seed: 42 };
    const frag = await encodeRun({
      scenario,
      preset: 'sticky-crash',
      commands,
      atMs: 45_000,
      speed: 0.2,
    });
    expect(frag.length).toBeLessThan(400);
    const decoded = await decodeRun(`#${frag}`);
    expect(decoded).toEqual({
      ok: true,
      run: { scenario, preset: 'sticky-crash', commands, atMs: 45_000, speed: 0.2 },
    });
  });

  it('keeps a changed scenario in full and stays under 2,000 characters', async () => {
    const scenario = { ...presetScenario('playground')!, architecture: 'jwt' as const };
    const many = Array.from({ length: 60 }, (_, i) => ({
      action: 'kill-server' as const,
      server: 1 + (i % 3),
      atMs: i * 1000,
      live: true,
    }));
    const frag = await encodeRun({
      scenario,
      preset: 'playground',
      commands: many,
      atMs: 1,
      speed: 1,
    });
    expect(frag.length).toBeLessThan(2000);
    const decoded = await decodeRun(frag);
    expect(decoded.ok && decoded.run.scenario.architecture).toBe('jwt');
    expect(decoded.ok && decoded.run.preset).toBe(null);
  });

  it('rejects hostile, truncated and foreign fragments with a message, never throwing', async () => {
    const good = await encodeRun({
      scenario: presetScenario('playground')!,
      preset: 'playground',
      commands,
      atMs: 5,
      speed: 1,
    });
    for (const bad of [
      '',
      '#',
      '#run=',
      '#run=!!!',
      `#${good.slice(0, good.length - 7)}`,
      '#foo=bar',
      `#run=${'A'.repeat(20_000)}`,
    ]) {
      const r = await decodeRun(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
    }
  });

  it('never throws on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        const r = await decodeRun(`#run=${s}`);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a share link reproduces the run or is not written', () => {
  const scenario = presetScenario('playground')!;
  const base = { scenario, preset: 'playground', atMs: 5000, speed: 1 };
  it('refuses a run with more commands than a link carries', () => {
    const commands = Array.from({ length: MAX_SHARED_COMMANDS + 1 }, (_, i) => ({
      action: 'kill-store',
      atMs: i,
    })) as TimedCommand[];
    const r = checkShareable({ ...base, commands });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/2,001 of your commands/);
    expect(checkShareable({ ...base, commands: commands.slice(1) }).ok).toBe(true);
  });

  it('refuses a time past the replay bound instead of opening earlier', () => {
    const heavy = {
      ...scenario,
      durationS: 3600,
      users: { count: 50_000, thinkTimeS: 1 },
    } as Scenario;
    const r = checkShareable({ ...base, scenario: heavy, commands: [], atMs: 3_600_000 });
    expect(r.ok).toBe(false);
  });
});
