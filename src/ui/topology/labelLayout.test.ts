import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelWish, type Rect } from './labelLayout.ts';

const wish = (x: number, y: number): LabelWish => ({ x, y, r: 6, w: 80, h: 16 });

describe('placeLabels', () => {
  it('never lets two labels or a label and a box overlap', () => {
    // Eight named users bunched on the users → LB link, right next to the LB box.
    const lb: Rect = { x: 300, y: 150, w: 120, h: 100 };
    const wishes = Array.from({ length: 8 }, (_, i) => wish(200 + i * 12, 200 + (i % 3) * 4));
    const spots = placeLabels(wishes, [lb]);
    const placed = spots.filter((s): s is Rect => s !== null);
    expect(placed.length).toBeGreaterThan(1);
    for (const [i, a] of placed.entries()) {
      expect(overlaps(a, lb, 0)).toBe(false);
      for (const b of placed.slice(i + 1)) expect(overlaps(a, b, 0)).toBe(false);
    }
  });

  it('gives the first wish (the followed user) the spot above its dot', () => {
    const [first, second] = placeLabels([wish(100, 100), wish(104, 100)], []);
    expect(first).toEqual({ x: 60, y: 74, w: 80, h: 16 });
    // The second cannot go above the first: it moves below its own dot.
    expect(second!.y).toBeGreaterThan(100);
  });

  it('leaves a label out when every spot is taken', () => {
    const wall: Rect = { x: 0, y: 0, w: 1000, h: 1000 };
    expect(placeLabels([wish(500, 500)], [wall])).toEqual([null]);
  });
});
