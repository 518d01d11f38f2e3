import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readUrlOptions } from './urlOptions.ts';
import { compareQuery } from '../app/compareSetup.ts';

describe('URL options', () => {
  it('reads every supported parameter', () => {
    const o = readUrlOptions(
      '?mode=lessons&lesson=pizza&step=3&seed=9&speed=0.5&embed=1&lock=load-balancer,seed&theme=dark&text=large&parentOrigin=https://a.example&engine=in-thread',
    );
    expect(o).toMatchObject({
      mode: 'lessons',
      lesson: 'pizza',
      step: 3,
      seed: 9,
      speed: 0.5,
      embed: true,
      lock: ['load-balancer', 'seed'],
      theme: 'dark',
      text: 'large',
      parentOrigin: { kind: 'origin', origin: 'https://a.example', notice: null },
      engine: 'in-thread',
      problems: [],
    });
  });

  it('a lesson link opens lessons mode', () => {
    expect(readUrlOptions('?lesson=atm').mode).toBe('lessons');
  });

  it('reads a comparison link', () => {
    const o = readUrlOptions('?mode=compare&archs=jwt,in-memory&preset=store-crash&seed=3&embed=1');
    expect(o).toMatchObject({
      mode: 'compare',
      archs: ['in-memory', 'jwt'],
      preset: 'store-crash',
      seed: 3,
      embed: true,
      problems: [],
    });
    // Without archs or preset: all three architectures, and a run where a server dies.
    expect(readUrlOptions('?mode=compare')).toMatchObject({
      archs: ['in-memory', 'session-store', 'jwt'],
      preset: 'first-crash',
      problems: [],
    });
    expect(readUrlOptions('').preset).toBe('first-crash');
  });

  it('rejects bad archs with a message and compares all three', () => {
    for (const bad of [
      'jwt',
      'jwt,jwt',
      'in-memory,redis',
      'a,b,c,d',
      '',
      'jwt,session-store,jwt',
    ]) {
      const o = readUrlOptions(`?mode=compare&archs=${encodeURIComponent(bad)}`);
      expect(o.archs).toEqual(['in-memory', 'session-store', 'jwt']);
      expect(o.problems).toEqual([expect.stringMatching(/^The archs must be two or three of/)]);
    }
  });

  it('falls back to defaults and says what it ignored', () => {
    const o = readUrlOptions(
      '?preset=%3Cscript%3E&seed=-4&speed=1e99&step=0&mode=hack&lock=everything&theme=neon&text=huge',
    );
    expect(o.preset).toBe('first-crash');
    expect(o.seed).toBe(null);
    expect(o.speed).toBe(null);
    expect(o.step).toBe(null);
    expect(o.mode).toBe('playground');
    expect(o.lock).toEqual([]);
    expect(o.theme).toBe('system');
    expect(o.text).toBe(null);
    expect(o.problems.length).toBe(8);
    expect(o.problems).toContain(
      'The text size must be large or normal; using the remembered size.',
    );
  });

  it('never throws and always returns a usable mode for any query string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), (s) => {
        const o = readUrlOptions(s);
        expect(['playground', 'lessons', 'compare']).toContain(o.mode);
        expect(o.archs.length).toBeGreaterThanOrEqual(2);
        expect(new Set(o.archs).size).toBe(o.archs.length);
        expect(o.problems.every((p) => p.length < 200)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a comparison link reads back as the same comparison', () => {
    const q = compareQuery(
      { archs: ['in-memory', 'jwt'], preset: 'store-crash', seed: 12 },
      { embed: '1' },
    );
    expect(readUrlOptions(`?${q}`)).toMatchObject({
      mode: 'compare',
      archs: ['in-memory', 'jwt'],
      preset: 'store-crash',
      seed: 12,
      embed: true,
      problems: [],
    });
  });
});

describe('parentOrigin in the link', () => {
  it('a value that is not an origin fails closed and is reported', () => {
    const o = readUrlOptions('?embed=1&parentOrigin=*');
    expect(o.parentOrigin.kind).toBe('invalid');
    expect(o.problems.join(' ')).toMatch(/parentOrigin "\*" is not an origin/);
  });

  it('a normalised origin is used and reported', () => {
    const o = readUrlOptions('?embed=1&parentOrigin=https://LMS.example.edu/c/1');
    expect(o.parentOrigin).toMatchObject({ kind: 'origin', origin: 'https://lms.example.edu' });
    expect(o.problems.join(' ')).toMatch(/read as https:\/\/lms\.example\.edu/);
  });

  it('a link too long to read never drops its restriction', () => {
    const o = readUrlOptions(`?embed=1&parentOrigin=https://a.example&x=${'y'.repeat(5000)}`);
    expect(o.parentOrigin.kind).toBe('invalid');
  });
});
