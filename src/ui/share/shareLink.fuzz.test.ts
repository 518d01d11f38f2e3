/**
 * Hostile share links: generated, mutated, truncated and compressed-bomb `#run=` fragments.
 * decodeRun resolves (never rejects) with either a run that passes the same checks as a
 * scenario file, with time and speed in range, or a short message; and it does so quickly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeRun,
  encodeRun,
  MAX_FRAGMENT_CHARS,
  MAX_REPLAY_WORK,
  type DecodeResult,
} from './shareLink.ts';
import {
  LIMITS,
  PRESET_NAMES,
  presetScenario,
  validateAction,
  validateScenario,
  type TimedCommand,
} from '../../sim/index.ts';
import { replayRates, replayWork } from '../../worker/replayCost.ts';

/**
 * Wall time one decode may take, in ms: a hang or a bomb takes far longer; the rest is room
 * for a machine busy with other work.
 */
const DECODE_BUDGET_MS = 2_000;

async function decodeTimed(fragment: string): Promise<DecodeResult> {
  const t0 = performance.now();
  const r = await decodeRun(fragment);
  expect(performance.now() - t0).toBeLessThan(DECODE_BUDGET_MS);
  return r;
}

function expectWellFormed(r: DecodeResult): void {
  if (!r.ok) {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(10);
    expect(r.error.length).toBeLessThan(300);
    return;
  }
  const { run } = r;
  expect(validateScenario(run.scenario).ok).toBe(true);
  const endMs = (run.scenario.durationS ?? 120) * 1000;
  expect(run.atMs).toBeGreaterThanOrEqual(0);
  expect(run.atMs).toBeLessThanOrEqual(endMs);
  expect(run.speed).toBeGreaterThanOrEqual(0.0005);
  expect(run.speed).toBeLessThanOrEqual(20);
  expect(run.commands.length).toBeLessThanOrEqual(2000);
  for (const c of run.commands) {
    const { atMs, live: _live, ...action } = c;
    expect(Number.isFinite(atMs) && atMs >= 0 && atMs <= LIMITS.durationS * 1000).toBe(true);
    expect(validateAction(action)).not.toBeNull();
  }
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A fragment whose body is `body` as JSON, packed exactly as encodeRun packs it. */
async function packed(body: unknown): Promise<string> {
  return `#run=${toBase64Url(await deflate(JSON.stringify(body) ?? 'null'))}`;
}

const commandArb: fc.Arbitrary<TimedCommand> = fc
  .oneof(
    fc.record({
      action: fc.constant('kill-server' as const),
      server: fc.integer({ min: 1, max: 5 }),
    }),
    fc.record({
      action: fc.constant('add-server' as const),
      count: fc.integer({ min: 1, max: 3 }),
    }),
    fc.constant({ action: 'kill-store' as const }),
    fc.record({
      action: fc.constant('set-users' as const),
      count: fc.integer({ min: 0, max: 2000 }),
    }),
  )
  .map((a) => ({ ...a, atMs: 1000, live: true }) as TimedCommand);

const validRun = fc.record({
  preset: fc.constantFrom(...PRESET_NAMES),
  commands: fc.array(commandArb, { maxLength: 8 }),
  atMs: fc.integer({ min: 0, max: 60_000 }),
  speed: fc.constantFrom(0.001, 0.1, 1, 20),
  changed: fc.boolean(),
});

const nasty = fc.oneof(
  fc.constantFrom(1e308, -1e308, -1, 0, 2 ** 53, 'x', '', null, true, [], {}, [
    [1, 'kill-server', 1e9],
  ]),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Property tests run thousands of cases on a shared machine: give them room. */
const FUZZ_TIMEOUT_MS = 60_000;

describe('share links: hostile input', () => {
  it(
    'never rejects on arbitrary fragments',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.string({ maxLength: 200 }).map((s) => `#run=${s}`),
            fc.base64String({ maxLength: 400 }).map((s) => `#run=${s}`),
            fc.uint8Array({ maxLength: 300 }).map((b) => `#run=${toBase64Url(b)}`),
          ),
          async (fragment) => expectWellFormed(await decodeTimed(fragment)),
        ),
        { numRuns: 1500 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never rejects on arbitrary JSON bodies that decompress fine',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            fc.record(
              {
                v: fc.oneof(fc.constant(1), nasty),
                p: fc.oneof(fc.constantFrom(...PRESET_NAMES), nasty),
                s: nasty,
                seed: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), nasty),
                c: fc.oneof(
                  fc.array(
                    fc.tuple(
                      fc.oneof(fc.integer({ min: 0, max: 10_000 }), nasty),
                      fc.oneof(
                        fc.constantFrom('kill-server', 'add-server', 'set-users', 'deploy', 'eval'),
                        nasty,
                      ),
                      fc.oneof(fc.integer({ min: -5, max: 100_000 }), nasty),
                    ),
                    { maxLength: 5 },
                  ),
                  nasty,
                ),
                t: fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), nasty),
                x: fc.oneof(fc.double(), nasty),
              },
              { requiredKeys: ['v'] },
            ),
          ),
          async (body) => expectWellFormed(await decodeTimed(await packed(body))),
        ),
        { numRuns: 1500 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'accepts genuine links and survives every mutation of them',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          validRun,
          fc.array(
            fc.tuple(
              fc.nat(),
              fc.constantFrom('flip', 'cut', 'insert', 'delete'),
              fc.string({ minLength: 1, maxLength: 1 }),
            ),
            { maxLength: 3 },
          ),
          async (r, edits) => {
            const base = presetScenario(r.preset)!;
            const scenario = r.changed ? { ...base, architecture: 'jwt' as const } : base;
            const frag = `#${await encodeRun({ scenario, preset: r.preset, commands: r.commands, atMs: r.atMs, speed: r.speed })}`;
            const clean = await decodeTimed(frag);
            expect(clean.ok).toBe(true);
            expectWellFormed(clean);
            let s = frag;
            for (const [at, op, ch] of edits) {
              const i = 5 + (at % Math.max(1, s.length - 5));
              if (op === 'flip') s = s.slice(0, i) + ch + s.slice(i + 1);
              else if (op === 'cut') s = s.slice(0, i);
              else if (op === 'insert') s = s.slice(0, i) + ch + s.slice(i);
              else s = s.slice(0, i) + s.slice(i + 1);
            }
            expectWellFormed(await decodeTimed(s));
          },
        ),
        { numRuns: 400 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'bounds what a link asks for: time, speed, size, command count',
    async () => {
      const long = await decodeRun(`#run=${'A'.repeat(MAX_FRAGMENT_CHARS + 1)}`);
      expect(long).toEqual({ ok: false, error: expect.stringContaining('too long') });
      // A decompression bomb: 10 MB of spaces packs into a few KB.
      const bomb = await packed(`${' '.repeat(10 * 1024 * 1024)}`);
      expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
      expect((await decodeTimed(bomb)).ok).toBe(false);
      const extreme = await decodeRun(
        await packed({ v: 1, p: 'playground', seed: 1, c: [], t: 1e300, x: 1e300 }),
      );
      expect(extreme.ok).toBe(true);
      if (extreme.ok) {
        expect(extreme.run.atMs).toBe((presetScenario('playground')!.durationS ?? 120) * 1000);
        expect(extreme.run.speed).toBe(20);
      }
      const negative = await decodeRun(
        await packed({ v: 1, p: 'playground', seed: 1, c: [], t: -5, x: -5 }),
      );
      expect(negative.ok && negative.run.atMs === 0 && negative.run.speed === 0.0005).toBe(true);
      const late = await decodeRun(
        await packed({ v: 1, p: 'playground', seed: 1, c: [[1e12, 'kill-store']] }),
      );
      expect(late.ok).toBe(false);
      const many = await decodeRun(
        await packed({
          v: 1,
          p: 'playground',
          seed: 1,
          c: Array.from({ length: 5000 }, () => [1, 'kill-store']),
        }),
      );
      // A link without a seed opens with the preset's own seed, not the default of 1.
      const unseeded = await decodeRun(await packed({ v: 1, p: 'sticky-crash', c: [], t: 0 }));
      expect(unseeded.ok && unseeded.run.scenario.seed).toBe(presetScenario('sticky-crash')!.seed);
      expect(presetScenario('sticky-crash')!.seed).not.toBe(1);
      // Refused, not cut short: the first 2,000 commands alone would be another run.
      expect(many.ok).toBe(false);
      expect(!many.ok && many.error).toMatch(/more than 2,000 commands/);
      // The heaviest traffic the schema allows, shared at the end of an hour-long run: it
      // opens early enough that replaying stays within MAX_REPLAY_WORK, and says so.
      const heavy = await decodeRun(
        await packed({
          v: 1,
          s: { version: 1, durationS: 3600, users: { count: 50_000, thinkTimeS: 0.5 } },
          seed: 1,
          c: [],
          t: 3_600_000,
        }),
      );
      expect(heavy.ok).toBe(true);
      if (heavy.ok) {
        const rates = replayRates(heavy.run.scenario, heavy.run.commands);
        expect(replayWork(rates, heavy.run.atMs)).toBeLessThanOrEqual(MAX_REPLAY_WORK);
        expect(heavy.run.atMs).toBeGreaterThan(0);
        expect(heavy.notice).toContain('too heavy to replay');
      }
      // … while every preset, shared at its very end, opens exactly there.
      for (const name of PRESET_NAMES) {
        const scenario = presetScenario(name)!;
        const endMs = (scenario.durationS ?? 120) * 1000;
        const r = await decodeRun(await packed({ v: 1, p: name, seed: 1, c: [], t: endMs }));
        expect(r.ok && r.run.atMs === endMs && r.notice === undefined, name).toBe(true);
      }
      const huge = await decodeRun(
        await packed({ v: 1, s: { version: 1, users: { count: 1e9 } }, seed: 1, c: [] }),
      );
      expect(huge).toEqual({ ok: false, error: expect.stringContaining('users.count') });
    },
    FUZZ_TIMEOUT_MS,
  );
});
