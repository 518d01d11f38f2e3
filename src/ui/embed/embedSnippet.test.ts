import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, locksFor, type EmbedChoice } from './embedSnippet.ts';
import { readUrlOptions } from '../urlOptions.ts';

const base = 'https://example.org/courses/statecraft/?mode=lessons#x';
const lessonChoice: EmbedChoice = {
  target: { kind: 'lesson', lesson: 'pizza', title: 'Pizza: what is state?', step: 3 },
  lock: ['seed', 'share'],
  theme: 'dark',
  parentOrigin: 'https://lms.example.edu',
  width: 800,
  height: 600,
  fullWidth: false,
};

describe('embed snippet', () => {
  it('writes a lesson at its step, which the app reads back, with no lock', () => {
    const url = embedUrl(base, lessonChoice);
    expect(url.startsWith('https://example.org/courses/statecraft/?')).toBe(true);
    const o = readUrlOptions(new URL(url).search);
    expect(o).toMatchObject({
      lesson: 'pizza',
      step: 3,
      embed: true,
      lock: [],
      theme: 'dark',
      parentOrigin: { kind: 'origin', origin: 'https://lms.example.edu', notice: null },
      problems: [],
    });
    const html = embedSnippet(base, lessonChoice);
    expect(html).toContain('title="Statecraft lesson: Pizza: what is state?"');
    expect(html).toContain('width="800" height="600"');
    expect(html).toContain('&amp;embed=1');
  });

  it('writes the run on screen as its share-link fragment, with the locks chosen', () => {
    const url = new URL(
      embedUrl(base, {
        ...lessonChoice,
        target: { kind: 'run', fragment: '#run=abc', name: 'jwt' },
      }),
    );
    expect(url.hash).toBe('#run=abc');
    expect(readUrlOptions(url.search)).toMatchObject({ embed: true, lock: ['seed', 'share'] });
    expect(url.searchParams.get('preset')).toBeNull();
  });

  it('writes a comparison with its setup and only the locks compare mode has', () => {
    const url = new URL(
      embedUrl(base, {
        ...lessonChoice,
        lock: ['seed', 'share', 'traffic'],
        target: {
          kind: 'compare',
          query: 'mode=compare&archs=in-memory,jwt&preset=sticky-crash&seed=4',
          title: 'x',
        },
      }),
    );
    expect(readUrlOptions(url.search)).toMatchObject({
      mode: 'compare',
      archs: ['in-memory', 'jwt'],
      preset: 'sticky-crash',
      seed: 4,
      lock: ['seed'],
      embed: true,
    });
    expect(locksFor('lesson')).toEqual([]);
  });

  it('escapes attribute text, clamps sizes and writes full width', () => {
    const html = embedSnippet(base, {
      ...lessonChoice,
      target: { kind: 'preset', preset: 'jwt', seed: 3 },
      width: 10,
      height: 99999,
    });
    expect(html).toContain('width="320" height="1440"');
    expect(html).toContain('preset=jwt&amp;seed=3');
    const hostile = embedSnippet(base, {
      ...lessonChoice,
      target: { kind: 'lesson', lesson: 'pizza', title: '"><script>', step: null },
      fullWidth: true,
    });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('width="100%"');
  });
});
