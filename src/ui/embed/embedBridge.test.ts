import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseParentMessage } from './embedBridge.ts';

describe('embed bridge input checks', () => {
  it('accepts the three commands and nothing else', () => {
    expect(parseParentMessage({ type: 'statecraft:go-to-step', step: 3 })).toEqual({
      type: 'go-to-step',
      step: 3,
    });
    expect(parseParentMessage({ type: 'statecraft:play' })).toEqual({ type: 'play' });
    expect(parseParentMessage({ type: 'statecraft:pause', extra: 1 })).toEqual({ type: 'pause' });
    for (const bad of [
      null,
      'statecraft:play',
      [],
      { type: 'statecraft:go-to-step' },
      { type: 'statecraft:go-to-step', step: 1.5 },
      { type: 'statecraft:go-to-step', step: -1 },
      { type: 'statecraft:go-to-step', step: '2' },
      { type: 'eval', code: 'x' },
    ]) {
      expect(parseParentMessage(bad)).toBe(null);
    }
  });

  it('never throws on arbitrary data', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = parseParentMessage(x);
        expect(r === null || typeof r.type === 'string').toBe(true);
      }),
    );
  });
});
