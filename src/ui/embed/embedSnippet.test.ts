import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, type EmbedChoice } from './embedSnippet.ts';
import { readUrlOptions } from '../urlOptions.ts';

const base = 'https://example.org/courses/statecraft/?mode=lessons#x';
const choice: EmbedChoice = {
  lesson: 'pizza',
  lessonTitle: 'Pizza: what is state?',
  preset: 'playground',
  seed: null,
  lock: ['seed', 'share'],
  theme: 'dark',
  parentOrigin: 'https://lms.example.edu',
  width: 800,
  height: 600,
};

describe('embed snippet', () => {
  it('writes an iframe whose URL the app reads back to the same options', () => {
    const url = embedUrl(base, choice);
    expect(url.startsWith('https://example.org/courses/statecraft/?')).toBe(true);
    const o = readUrlOptions(new URL(url).search);
    expect(o).toMatchObject({
      lesson: 'pizza',
      embed: true,
      lock: ['seed', 'share'],
      theme: 'dark',
      parentOrigin: { kind: 'origin', origin: 'https://lms.example.edu', notice: null },
      problems: [],
    });
    const html = embedSnippet(base, choice);
    expect(html).toContain('title="Statecraft lesson: Pizza: what is state?"');
    expect(html).toContain('width="800" height="600"');
    expect(html).toContain('&amp;embed=1');
  });

  it('escapes attribute text and clamps sizes', () => {
    const html = embedSnippet(base, {
      ...choice,
      lesson: null,
      preset: 'jwt',
      seed: 3,
      lessonTitle: '"><script>',
      width: 10,
      height: 99999,
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('width="320" height="1440"');
    expect(html).toContain('preset=jwt&amp;seed=3');
  });
});
