/**
 * Hostile messages from a parent page: parseHostMessage turns anything into null (not ours),
 * one exactly shaped command, or a refusal with a reason, and resolveParentOrigin into a plain origin or a refusal (never
 * "unrestricted" for a value that was given); neither throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHostMessage } from './hostCommands.ts';
import { resolveParentOrigin } from './parentOrigin.ts';

/** Property tests run thousands of cases on a shared machine: give them room. */
const FUZZ_TIMEOUT_MS = 60_000;

describe('embed bridge: hostile input', () => {
  it(
    'parseHostMessage: anything in, null, an exact command or a refusal out',
    () => {
      const near = fc.record(
        {
          type: fc.oneof(
            fc.constantFrom(
              'statecraft:go-to-step',
              'statecraft:play',
              'statecraft:pause',
              'statecraft:get-state',
              'statecraft:set-state',
              'statecraft:get-score',
              'statecraft:eval',
            ),
            fc.anything(),
          ),
          v: fc.oneof(fc.constant(1), fc.anything()),
          id: fc.oneof(fc.string(), fc.integer(), fc.anything()),
          step: fc.oneof(fc.integer(), fc.double(), fc.anything()),
          state: fc.oneof(fc.string(), fc.anything()),
          extra: fc.anything(),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(
          fc.oneof(fc.anything({ withNullPrototype: true, withMap: true, withSet: true }), near),
          (data) => {
            const r = parseHostMessage(data);
            if (r === null) return;
            const d = data as Record<string, unknown>;
            if (!r.ok) {
              expect(typeof r.message).toBe('string');
              return;
            }
            // Accepted: version 1, and no key beyond the command's own fields.
            expect(d.v).toBe(1);
            const own = Object.keys(d).filter((k) => k !== 'type' && k !== 'v' && k !== 'id');
            expect(own.sort()).toEqual(
              Object.keys(r.command)
                .filter((k) => k !== 'type')
                .sort(),
            );
            if (r.command.type === 'go-to-step') {
              const { step } = r.command;
              expect(Number.isInteger(step) && step >= 1 && step <= 1000).toBe(true);
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
