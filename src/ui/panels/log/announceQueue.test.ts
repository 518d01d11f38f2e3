import { describe, expect, it } from 'vitest';
import { AnnounceQueue } from './announceQueue.ts';

describe('AnnounceQueue', () => {
  it('announces at once, then at most once per interval, coalescing the rest', () => {
    const q = new AnnounceQueue(2000);
    expect(q.take(0)).toBeNull();
    q.add('Server 1 crashed.');
    expect(q.take(100)).toBe('Server 1 crashed.');
    q.add('A.');
    q.add('B.');
    q.add('C.');
    q.add('D.');
    expect(q.dueAtMs()).toBe(2100);
    expect(q.take(1000)).toBeNull();
    expect(q.take(2100)).toBe('C. D. (2 more in the event log.)');
    expect(q.hasPending).toBe(false);
    expect(q.dueAtMs()).toBe(Infinity);
  });

  it('reads two messages without a tail and can be cleared', () => {
    const q = new AnnounceQueue(2000);
    q.add('A.');
    q.add('B.');
    expect(q.take(0)).toBe('A. B.');
    q.add('C.');
    q.clear();
    expect(q.take(5000)).toBeNull();
  });
});
