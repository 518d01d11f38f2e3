import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readUrlOptions } from './urlOptions.ts';

describe('URL options', () => {
  it('reads every supported parameter', () => {
    const o = readUrlOptions(
      '?mode=lessons&lesson=pizza&step=3&seed=9&speed=0.5&embed=1&lock=sticky,seed&theme=dark&parentOrigin=https://a.example&engine=in-thread',
    );
    expect(o).toMatchObject({
      mode: 'lessons',
      lesson: 'pizza',
      step: 3,
      seed: 9,
      speed: 0.5,
      embed: true,
      lock: ['sticky', 'seed'],
      theme: 'dark',
      parentOrigin: 'https://a.example',
      engine: 'in-thread',
      problems: [],
    });
  });

  it('a lesson link opens lessons mode', () => {
    expect(readUrlOptions('?lesson=atm').mode).toBe('lessons');
  });

  it('falls back to defaults and says what it ignored', () => {
    const o = readUrlOptions(
      '?preset=%3Cscript%3E&seed=-4&speed=1e99&step=0&mode=hack&lock=everything&theme=neon',
    );
    expect(o.preset).toBe('playground');
    expect(o.seed).toBe(null);
    expect(o.speed).toBe(null);
    expect(o.step).toBe(null);
    expect(o.mode).toBe('playground');
    expect(o.lock).toEqual([]);
    expect(o.theme).toBe('system');
    expect(o.problems.length).toBe(7);
  });

  it('never throws and always returns a usable mode for any query string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), (s) => {
        const o = readUrlOptions(s);
        expect(['playground', 'lessons']).toContain(o.mode);
        expect(o.problems.every((p) => p.length < 200)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
