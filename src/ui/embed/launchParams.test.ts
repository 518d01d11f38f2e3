import { describe, expect, it } from 'vitest';
import { launchSearch } from './launchParams.ts';

const doc = (content: string | null): Document =>
  ({
    querySelector: () => (content === null ? null : { getAttribute: () => content }),
  }) as unknown as Document;

describe('launch options baked into a page', () => {
  it('uses the address alone when the page has none', () => {
    expect(launchSearch(doc(null), '?lesson=atm')).toBe('?lesson=atm');
  });

  it('merges them with the address, which wins', () => {
    const q = new URLSearchParams(
      launchSearch(doc('lesson=pizza&embed=1&scorm=1'), '?theme=dark&lesson=atm'),
    );
    expect(Object.fromEntries(q)).toEqual({ lesson: 'atm', embed: '1', scorm: '1', theme: 'dark' });
  });
});
