import { describe, expect, it } from 'vitest';
import { createSeekCoalescer } from './seekCoalescer.ts';

/** A stand-in engine that answers each seek only when told to. */
function slowEngine() {
  const sent: number[] = [];
  const replies: (() => void)[] = [];
  const send = (t: number) =>
    new Promise<void>((resolve) => {
      sent.push(t);
      replies.push(resolve);
    });
  const answer = async () => {
    replies.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { sent, send, answer, pending: () => replies.length };
}

describe('seek coalescing', () => {
  it('a drag of 500 moves costs two seeks, and the last one is where the drag ended', async () => {
    const engine = slowEngine();
    const seeks = createSeekCoalescer(engine.send);
    for (let t = 0; t < 500; t++) seeks.seek(t * 100);
    expect(engine.sent).toEqual([0]);
    await engine.answer();
    expect(engine.sent).toEqual([0, 49_900]);
    await engine.answer();
    expect(engine.pending()).toBe(0);
  });

  it('another command sends the waiting seek first, keeping the order', async () => {
    const engine = slowEngine();
    const seeks = createSeekCoalescer(engine.send);
    seeks.seek(1000);
    seeks.seek(2000);
    seeks.seek(3000);
    seeks.flush();
    expect(engine.sent).toEqual([1000, 3000]);
    await engine.answer();
    await engine.answer();
    expect(engine.sent).toEqual([1000, 3000]);
  });
});
