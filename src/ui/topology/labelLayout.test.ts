import { describe, expect, it } from 'vitest';
import {
  clampInto,
  EDGE_MARGIN_PX,
  overlaps,
  placeLabels,
  type LabelWish,
  type Rect,
} from './labelLayout.ts';

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

describe('keeping labels inside the picture', () => {
  const picture: Rect = { x: 0, y: 0, w: 390, h: 600 };
  const within = (r: Rect, b: Rect) =>
    r.x >= b.x + EDGE_MARGIN_PX &&
    r.y >= b.y + EDGE_MARGIN_PX &&
    r.x + r.w <= b.x + b.w - EDGE_MARGIN_PX &&
    r.y + r.h <= b.y + b.h - EDGE_MARGIN_PX;

  it('moves a rect that sticks out over any edge back inside, keeping its size', () => {
    expect(clampInto({ x: -40, y: 10, w: 80, h: 16 }, picture)).toEqual({
      x: EDGE_MARGIN_PX,
      y: 10,
      w: 80,
      h: 16,
    });
    expect(clampInto({ x: 350, y: 590, w: 80, h: 16 }, picture)).toEqual({
      x: 390 - EDGE_MARGIN_PX - 80,
      y: 600 - EDGE_MARGIN_PX - 16,
      w: 80,
      h: 16,
    });
    const fine = { x: 100, y: 100, w: 80, h: 16 };
    expect(clampInto(fine, picture)).toBe(fine);
  });

  it('places labels of dots by the left, top and right edges inside the picture', () => {
    const wishes = [wish(2, 300), wish(200, 3), wish(388, 300), wish(2, 598)];
    const spots = placeLabels(wishes, [], picture);
    for (const s of spots) {
      expect(s).not.toBeNull();
      expect(within(s!, picture), JSON.stringify(s)).toBe(true);
    }
    // Without bounds the first would start left of the picture ("…n not found" on a phone).
    expect(placeLabels([wishes[0]!], [])[0]!.x).toBeLessThan(0);
  });

  it('still keeps a clamped label off the boxes', () => {
    const box: Rect = { x: 0, y: 250, w: 120, h: 40 };
    const [s] = placeLabels([wish(2, 300)], [box], picture);
    expect(s).not.toBeNull();
    expect(overlaps(s!, box, 0)).toBe(false);
    expect(within(s!, picture)).toBe(true);
  });
});
