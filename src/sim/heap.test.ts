/** The event queue: earliest time first, ties in insertion order, whatever the push order. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createQueue, peekTime, pop, push, type Popped } from './heap.ts';

function drain(q: ReturnType<typeof createQueue>): Popped[] {
  const out: Popped[] = [];
  const e: Popped = { timeMs: 0, kind: 0, arg: 0 };
  while (pop(q, e)) out.push({ ...e });
  return out;
}

describe('event queue', () => {
  it('pops by time, then by insertion order', () => {
    const q = createQueue(2);
    push(q, 5, 1, 0);
    push(q, 1, 2, 1);
    push(q, 5, 3, 2);
    push(q, 1, 4, 3);
    push(q, 3, 5, 4);
    expect(peekTime(q)).toBe(1);
    expect(drain(q).map((e) => e.arg)).toEqual([1, 3, 4, 0, 2]);
    expect(peekTime(q)).toBe(Infinity);
    expect(pop(q, { timeMs: 0, kind: 0, arg: 0 })).toBe(false);
  });

  it('matches a stable sort for any sequence of pushes and pops (and grows as needed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }),
        (script) => {
          const q = createQueue(1);
          // The reference: a list kept in (time, insertion) order.
          const ref: { timeMs: number; arg: number }[] = [];
          let n = 0;
          for (const step of script) {
            if (step >= 0) {
              push(q, step / 2, 1, n);
              let i = ref.length;
              while (i > 0 && ref[i - 1]!.timeMs > step / 2) i--;
              ref.splice(i, 0, { timeMs: step / 2, arg: n });
              n++;
            } else {
              const e: Popped = { timeMs: 0, kind: 0, arg: 0 };
              const got = pop(q, e);
              const want = ref.shift();
              expect(got).toBe(want !== undefined);
              if (want) expect({ timeMs: e.timeMs, arg: e.arg }).toEqual(want);
            }
            expect(q.size).toBe(ref.length);
          }
          expect(drain(q).map((e) => e.arg)).toEqual(ref.map((e) => e.arg));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('survives structuredClone with its order intact', () => {
    const q = createQueue(4);
    for (let i = 0; i < 50; i++) push(q, (i * 7) % 10, 1, i);
    const copy = structuredClone(q);
    expect(drain(copy).map((e) => e.arg)).toEqual(drain(q).map((e) => e.arg));
  });
});
