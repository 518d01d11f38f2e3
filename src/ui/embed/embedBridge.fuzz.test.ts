/**
 * Hostile messages from a parent page: parseParentMessage turns anything into one of three
 * exact commands or null, and resolveParentOrigin into a plain origin or a refusal (never
 * "unrestricted" for a value that was given); neither throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseParentMessage } from './embedBridge.ts';
import { resolveParentOrigin } from './parentOrigin.ts';

/** Property tests run thousands of cases on a shared machine: give them room. */
const FUZZ_TIMEOUT_MS = 60_000;

describe('embed bridge: hostile input', () => {
  it(
    'parseParentMessage: anything in, a known command or null out',
    () => {
      const near = fc.record(
        {
          type: fc.oneof(
            fc.constantFrom(
              'statecraft:go-to-step',
              'statecraft:play',
              'statecraft:pause',
              'statecraft:eval',
            ),
            fc.anything(),
          ),
          step: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(
          fc.oneof(fc.anything({ withNullPrototype: true, withMap: true, withSet: true }), near),
          (data) => {
            const cmd = parseParentMessage(data);
            if (cmd === null) return;
            if (cmd.type === 'go-to-step') {
              expect(Object.keys(cmd).sort()).toEqual(['step', 'type']);
              expect(Number.isInteger(cmd.step) && cmd.step >= 1 && cmd.step <= 1000).toBe(true);
            } else {
              expect(cmd).toEqual({ type: cmd.type });
              expect(['play', 'pause']).toContain(cmd.type);
            }
          },
        ),
        { numRuns: 5000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'resolveParentOrigin: any given value ends as a plain http(s) origin or a refusal',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ maxLength: 100 }),
            fc.webUrl(),
            fc.webUrl().map((u) => new URL(u).origin),
            fc.webUrl().map((u) => `${new URL(u).origin}/`),
            fc.constantFrom(
              'javascript:alert(1)',
              'null',
              'file:///etc/passwd',
              'https://a.b/',
              'data:,x',
            ),
          ),
          (s) => {
            const rule = resolveParentOrigin(s);
            expect(rule.kind).not.toBe('any');
            if (rule.kind !== 'origin') return;
            const o = rule.origin;
            const u = new URL(o);
            expect(['http:', 'https:']).toContain(u.protocol);
            expect(u.origin).toBe(o);
          },
        ),
        { numRuns: 1000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
