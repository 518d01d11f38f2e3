/**
 * Places small labels (the "cookie 12 B" / "token 232 B" pills that ride with named users'
 * requests) so that none overlaps another or any box of the picture: each label tries a few
 * spots around its dot, in priority order, and is left out when none is free. Pure, so the
 * no-overlap rule is unit-tested; the dot painter calls it once per frame for a handful.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelWish {
  /** Centre of the dot the label belongs to (screen px). */
  x: number;
  y: number;
  /** Radius of that dot: the label keeps clear of it. */
  r: number;
  w: number;
  h: number;
}

/** Room kept between a label and anything else, in px. */
const GAP = 2;

export function overlaps(a: Rect, b: Rect, gap = GAP): boolean {
  return (
    a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
  );
}

/** Spots tried around a dot: above, below, right, left (nearest first). */
function candidates(l: LabelWish): Rect[] {
  const { x, y, r, w, h } = l;
  return [
    { x: x - w / 2, y: y - r - 4 - h, w, h },
    { x: x - w / 2, y: y + r + 4, w, h },
    { x: x + r + 4, y: y - h / 2, w, h },
    { x: x - r - 4 - w, y: y - h / 2, w, h },
  ];
}

/**
 * Where each wished-for label goes (same order as `wishes`, earlier ones win), or null when
 * every spot would overlap a label already placed or one of `obstacles` (node boxes).
 */
export function placeLabels(
  wishes: readonly LabelWish[],
  obstacles: readonly Rect[],
): (Rect | null)[] {
  const placed: Rect[] = [];
  return wishes.map((l) => {
    for (const c of candidates(l)) {
      if (placed.some((p) => overlaps(c, p))) continue;
      if (obstacles.some((o) => overlaps(c, o))) continue;
      placed.push(c);
      return c;
    }
    return null;
  });
}
