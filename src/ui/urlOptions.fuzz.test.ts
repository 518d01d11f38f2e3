/**
 * Hostile query strings: readUrlOptions never throws and always returns options inside their
 * ranges, with at most a short message per ignored part, however the link was crafted.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIMITS, PRESET_NAMES } from '../sim/index.ts';
import { LOCKABLE, readUrlOptions, type UrlOptions } from './urlOptions.ts';

const KEYS = [
  'mode',
  'preset',
  'archs',
  'seed',
  'speed',
  'lesson',
  'step',
  'embed',
  'lock',
  'theme',
  'text',
  'parentOrigin',
  'engine',
];

const value = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e309',
    'NaN',
    'Infinity',
    '9'.repeat(400),
    '0x10',
    '1.5',
    ' 7 ',
    'all',
    'run,speed,all,nonsense',
    'compare',
    'lessons',
    'dark',
    'in-thread',
    '<script>alert(1)</script>',
    '%00',
    '%E0%A4%A',
    '..%2F..%2Fetc',
    'javascript:alert(1)',
    'in-memory,jwt',
    'in-memory,in-memory',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** key=value pairs, each value URL-encoded or left raw (stray %, &, =, unicode). */
const query = fc
  .array(
    fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })), value, fc.boolean()),
    { maxLength: 14 },
  )
  .map(
    (pairs) =>
      `?${pairs.map(([k, v, raw]) => `${encodeURIComponent(k)}=${raw ? v : encodeURIComponent(v)}`).join('&')}`,
  );

function expectSafe(o: UrlOptions): void {
  expect(['playground', 'lessons', 'compare']).toContain(o.mode);
  expect(PRESET_NAMES).toContain(o.preset);
  expect(o.archs.length === 2 || o.archs.length === 3).toBe(true);
  if (o.seed !== null) {
    expect(Number.isInteger(o.seed) && o.seed >= 0 && o.seed <= LIMITS.seed).toBe(true);
  }
  if (o.speed !== null) expect(o.speed >= 0.0005 && o.speed <= 20).toBe(true);
  if (o.step !== null) expect(Number.isInteger(o.step) && o.step >= 1 && o.step <= 100).toBe(true);
  if (o.lesson !== null) expect(o.lesson).toMatch(/^[a-z0-9-]{1,40}$/);
  for (const l of o.lock) expect(LOCKABLE).toContain(l);
  expect(new Set(o.lock).size).toBe(o.lock.length);
  expect(['light', 'dark', 'system']).toContain(o.theme);
  expect([null, 'large', 'normal']).toContain(o.text);
  expect([undefined, 'worker', 'in-thread']).toContain(o.engine);
  expect(typeof o.embed).toBe('boolean');
  // Messages are shown on the page: each short, and not one per character of a long link.
  expect(o.problems.length).toBeLessThanOrEqual(40);
  for (const p of o.problems) expect(p.length).toBeLessThan(200);
}

/** Property tests run thousands of cases on a shared machine: give them room. */
const FUZZ_TIMEOUT_MS = 60_000;

describe('URL options: hostile input', () => {
  it(
    'never throws on arbitrary strings',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
          (s) => {
            expectSafe(readUrlOptions(s));
            expectSafe(readUrlOptions(`?${s}`));
          },
        ),
        { numRuns: 3000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'keeps every option in range for crafted query strings',
    () => {
      fc.assert(
        fc.property(query, (q) => {
          const t0 = performance.now();
          expectSafe(readUrlOptions(q));
          // A hang would take seconds; one parse takes well under a millisecond.
          expect(performance.now() - t0).toBeLessThan(1000);
        }),
        { numRuns: 3000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'ignores an oversized query string with one message',
    () => {
      const o = readUrlOptions(`?${'lock=nonsense&'.repeat(5000)}`);
      expectSafe(o);
      expect(o.problems).toEqual(['The link was too long; its settings were ignored.']);
    },
    FUZZ_TIMEOUT_MS,
  );
});
