/**
 * Places small labels (the "cookie 12 B" / "token 232 B" pills that ride with named users'
 * requests) so that none overlaps another or any box of the picture: each label tries a few
 * spots around its dot, in priority order, and is left out when none is free. Every spot is
 * first moved inside the picture's bounds, so a label near an edge (a phone's narrow picture)
 * is shown whole rather than cut. Pure, so both rules are unit-tested; the dot painter calls
 * it once per frame for a handful.
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

/** Room kept between a label and the edge of the picture, in px. */
export const EDGE_MARGIN_PX = 4;

/**
 * `r` moved (not resized) so that it lies inside `bounds` with `margin` to spare on each side;
 * a rect too large for the bounds keeps its top-left corner at the margin.
 */
export function clampInto(r: Rect, bounds: Rect, margin = EDGE_MARGIN_PX): Rect {
  const maxX = bounds.x + bounds.w - margin - r.w;
  const maxY = bounds.y + bounds.h - margin - r.h;
  const x = Math.max(bounds.x + margin, Math.min(r.x, maxX));
  const y = Math.max(bounds.y + margin, Math.min(r.y, maxY));
  return x === r.x && y === r.y ? r : { x, y, w: r.w, h: r.h };
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
 * every spot would overlap a label already placed or one of `obstacles` (node boxes). With
 * `bounds` (the picture, in the same px), every spot is kept inside it.
 */
export function placeLabels(
  wishes: readonly LabelWish[],
  obstacles: readonly Rect[],
  bounds?: Rect,
): (Rect | null)[] {
  const placed: Rect[] = [];
  return wishes.map((l) => {
    for (const spot of candidates(l)) {
      const c = bounds ? clampInto(spot, bounds) : spot;
      if (placed.some((p) => overlaps(c, p))) continue;
      if (obstacles.some((o) => overlaps(c, o))) continue;
      placed.push(c);
      return c;
    }
    return null;
  });
}

export type TipSide = 'right' | 'left' | 'below';

/**
 * Where a cart tip goes (its top-left corner, in the layer's px): beside the node on `side`
 * at the height of the chip (flipped to the other side if it would not fit), or below the
 * node (above if it would not fit), and always kept inside the layer.
 */
export function tipPosition(
  side: TipSide,
  node: Rect,
  chip: Rect,
  tip: { w: number; h: number },
  layer: { w: number; h: number },
): { left: number; top: number } {
  const gap = 8;
  let left: number;
  let top: number;
  if (side === 'below') {
    left = chip.x;
    top = node.y + node.h + gap;
    if (top + tip.h > layer.h - 4) top = node.y - gap - tip.h;
  } else {
    const right = node.x + node.w + gap;
    const leftSide = node.x - gap - tip.w;
    const fitsRight = right + tip.w <= layer.w - 4;
    const fitsLeft = leftSide >= 4;
    left =
      side === 'right'
        ? fitsRight || !fitsLeft
          ? right
          : leftSide
        : fitsLeft || !fitsRight
          ? leftSide
          : right;
    top = chip.y + chip.h / 2 - tip.h / 2;
  }
  left = Math.max(4, Math.min(left, layer.w - tip.w - 4));
  top = Math.max(4, Math.min(top, layer.h - tip.h - 4));
  return { left: Math.round(left), top: Math.round(top) };
}
