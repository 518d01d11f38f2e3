/**
 * Where each box of the topology sits, in React Flow's coordinates (flow pixels). One pure
 * function serves both the graph (node positions and sizes) and the dot canvas (the anchor
 * points requests travel between), so a dot leaves and reaches exactly the edge it rides on.
 *
 * Left to right: users → load balancer → a column (or grid) of servers → session store and
 * database. Hop node numbers come from src/protocol/hops.ts.
 */
import { HopNode, serverNode } from '../../protocol/hops.ts';

export type BoxKind = 'users' | 'lb' | 'server' | 'store' | 'db';

/**
 * How a server box is drawn; the layout picks the one that fits the container best.
 * tall: two chip rows; wide: one long chip row; strip: one line of status and load plus one
 * chip row (short containers); compact: no chips, for many servers in a grid.
 */
export type ServerShape = 'tall' | 'wide' | 'strip' | 'compact' | 'phone';

export interface LayoutBox {
  /** React Flow node id. */
  id: string;
  kind: BoxKind;
  /** Node number used on hops. */
  hop: number;
  /** Server id for server boxes, 0 otherwise. */
  serverId: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * row: left to right (landscape containers). column: top to bottom (portrait phones): users
 * and the load balancer side by side on top, servers in a grid under them, store and
 * database at the bottom; edges between rows attach to the boxes' top and bottom.
 */
export type Orientation = 'row' | 'column';

export interface TopologyLayout {
  orientation: Orientation;
  boxes: LayoutBox[];
  byHop: Map<number, LayoutBox>;
  shape: ServerShape;
  /** Session chips a server box has room for (0 when servers hold no sessions). */
  chipSlots: number;
  width: number;
  height: number;
}

export interface LayoutInput {
  /** Server ids in display order (down servers included). */
  serverIds: readonly number[];
  /** A session store box is shown (architecture 'session-store'). */
  storePresent: boolean;
  /** Servers keep sessions in memory (architecture 'in-memory'): boxes need room for chips. */
  serverChips: boolean;
  /** Named users shown as avatars in the users box. */
  namedShown: number;
  /**
   * An upload run: server boxes hold one more line (videos on disk) and the database box two
   * (videos in object storage).
   */
  uploads?: boolean;
  /** The container's size in screen pixels, to pick the server shape that reads best. */
  viewport?: { w: number; h: number };
}

/** Session chips are CHIP_PX squares on a CHIP_PITCH_PX grid (24 px targets, WCAG 2.5.8). */
export const CHIP_PX = 20;
export const CHIP_PITCH_PX = 24;
const NODE_PAD_X = 12;

const USERS_W = 164;
const LB_W = 160;
const LB_H = 136;
const STORE_W = 184;
const DB_W = 184;
const DB_H = 92;
const GAP_USERS_LB = 36;
const GAP_LB_SERVERS = 52;
const GAP_SERVERS_RIGHT = 52;
const ROW_GAP = 16;
/** Between the users box and the load balancer under it (stacked layouts). */
const STACK_GAP = 36;
/** The users box and the load balancer in a stacked left column. */
const STACKED_W = 184;
const COL_GAP = 28;
/** Above this many servers the boxes go compact (no chips) and into a grid. */
export const COMPACT_ABOVE = 6;
const MAX_ROWS = 6;

interface ServerDims {
  w: number;
  h: number;
  chipRows: number;
}

/** Height of one more line of text in a box. */
const LINE_H = 22;

function withUploadLines(d: ServerDims, input: LayoutInput): ServerDims {
  return input.uploads ? { ...d, h: d.h + LINE_H } : d;
}

function dbBoxHeight(input: LayoutInput): number {
  return DB_H + (input.uploads ? 2 * LINE_H : 0);
}

/** Width of a box that holds `slots` chips per row. */
function chipsWidth(slots: number): number {
  return slots * CHIP_PITCH_PX + 2 * NODE_PAD_X;
}

function serverDims(shape: ServerShape, chips: boolean): ServerDims {
  switch (shape) {
    case 'tall':
      return { w: chipsWidth(9), h: chips ? 146 : 96, chipRows: chips ? 2 : 0 };
    case 'wide':
      return { w: chipsWidth(14), h: chips ? 102 : 70, chipRows: chips ? 1 : 0 };
    case 'strip':
      return { w: chipsWidth(14), h: chips ? 74 : 44, chipRows: chips ? 1 : 0 };
    case 'compact':
      return { w: 216, h: 72, chipRows: 0 };
    case 'phone':
      return { w: chipsWidth(6), h: chips ? 104 : 76, chipRows: chips ? 1 : 0 };
  }
}

/** Chips per row for a server box of this shape. */
export function chipsPerRow(shape: ServerShape): number {
  return shape === 'tall' ? 9 : shape === 'compact' ? 0 : shape === 'phone' ? 6 : 14;
}

export function usersBoxHeight(namedShown: number): number {
  const rows = Math.ceil(namedShown / 4);
  // Title 34, rows of avatar + name (50 each), crowd counter 26, padding.
  return 34 + rows * 50 + 26 + 12;
}

/** Room for a two-line title and a two-line stats line (long analogy names wrap). */
function storeBoxHeight(): number {
  return 92 + 2 * CHIP_PITCH_PX + 6 + 36;
}

/**
 * The row layout with one server shape. `stacked` puts the users box above the load balancer
 * in one left-hand column (the first hop runs top to bottom): narrower, for containers where
 * the width, not the height, limits how large the picture can be drawn.
 */
function layoutWith(
  input: LayoutInput,
  shape: ServerShape,
  cols = shape === 'compact' ? Math.ceil(input.serverIds.length / MAX_ROWS) : 1,
  stacked = false,
): TopologyLayout {
  const n = input.serverIds.length;
  const dims = withUploadLines(serverDims(shape, input.serverChips), input);
  const dbH = dbBoxHeight(input);
  const rows = Math.max(1, Math.ceil(n / cols));
  const colH = rows * dims.h + (rows - 1) * ROW_GAP;
  const midY = colH / 2;

  const boxes: LayoutBox[] = [];
  const usersH = usersBoxHeight(input.namedShown);
  // Stacked, the column is as wide as the servers' height leaves room for: wider boxes there
  // cost no zoom and keep names apart in large text.
  const usersW = stacked ? STACKED_W : USERS_W;
  const lbW = stacked ? STACKED_W : LB_W;
  const leftW = stacked ? STACKED_W : USERS_W + GAP_USERS_LB + LB_W;
  const stackH = usersH + STACK_GAP + LB_H;
  // Stacked: the load balancer as near the middle of the servers as the column's height allows.
  const ideal = midY - LB_H / 2 - STACK_GAP - usersH;
  const usersY = stackH >= colH ? midY - stackH / 2 : Math.min(Math.max(ideal, 0), colH - stackH);
  boxes.push({
    id: 'users',
    kind: 'users',
    hop: HopNode.Users,
    serverId: 0,
    x: 0,
    y: stacked ? usersY : midY - usersH / 2,
    w: usersW,
    h: usersH,
  });
  const lbX = stacked ? 0 : USERS_W + GAP_USERS_LB;
  boxes.push({
    id: 'lb',
    kind: 'lb',
    hop: HopNode.Lb,
    serverId: 0,
    x: lbX,
    y: stacked ? usersY + usersH + STACK_GAP : midY - LB_H / 2,
    w: lbW,
    h: LB_H,
  });
  const serversX = leftW + GAP_LB_SERVERS;
  input.serverIds.forEach((id, i) => {
    const col = Math.floor(i / rows);
    const row = i % rows;
    boxes.push({
      id: `server-${id}`,
      kind: 'server',
      hop: serverNode(id),
      serverId: id,
      x: serversX + col * (dims.w + COL_GAP),
      y: row * (dims.h + ROW_GAP),
      w: dims.w,
      h: dims.h,
    });
  });
  const rightX = serversX + cols * dims.w + (cols - 1) * COL_GAP + GAP_SERVERS_RIGHT;
  if (input.storePresent) {
    const storeH = storeBoxHeight();
    const both = storeH + ROW_GAP * 2 + dbH;
    const top = midY - both / 2;
    boxes.push({
      id: 'store',
      kind: 'store',
      hop: HopNode.Store,
      serverId: 0,
      x: rightX,
      y: top,
      w: STORE_W,
      h: storeH,
    });
    boxes.push({
      id: 'db',
      kind: 'db',
      hop: HopNode.Db,
      serverId: 0,
      x: rightX + (STORE_W - DB_W) / 2,
      y: top + storeH + ROW_GAP * 2,
      w: DB_W,
      h: dbH,
    });
  } else {
    boxes.push({
      id: 'db',
      kind: 'db',
      hop: HopNode.Db,
      serverId: 0,
      x: rightX,
      y: midY - dbH / 2,
      w: DB_W,
      h: dbH,
    });
  }

  let minY = Infinity;
  let maxY = -Infinity;
  let maxX = 0;
  const byHop = new Map<number, LayoutBox>();
  for (const b of boxes) {
    minY = Math.min(minY, b.y);
    maxY = Math.max(maxY, b.y + b.h);
    maxX = Math.max(maxX, b.x + b.w);
    byHop.set(b.hop, b);
  }
  // Shift so the top edge is y = 0: easier to reason about in tests.
  for (const b of boxes) b.y -= minY;
  const slots = dims.chipRows * chipsPerRow(shape);
  return {
    orientation: 'row',
    boxes,
    byHop,
    shape,
    chipSlots: slots,
    width: maxX,
    height: maxY - minY,
  };
}

const COLUMN_GAP_Y = 32;
const COLUMN_COLS = 2;
const PHONE_STORE_W = 184;
const PHONE_DB_W = 172;

/** Portrait containers: rows from top to bottom (see Orientation). */
function layoutColumn(input: LayoutInput): TopologyLayout {
  const n = input.serverIds.length;
  const many = n > 2 * COMPACT_ABOVE;
  const shape: ServerShape = 'phone';
  const dims = withUploadLines(serverDims(shape, input.serverChips && !many), input);
  const dbH = dbBoxHeight(input);
  const cols = n > 8 ? 3 : COLUMN_COLS;
  const gridW = cols * dims.w + (cols - 1) * ROW_GAP;
  const usersH = usersBoxHeight(input.namedShown);
  const topW = USERS_W + ROW_GAP * 2 + LB_W;
  const width = Math.max(gridW, topW, PHONE_STORE_W + ROW_GAP * 2 + PHONE_DB_W);
  const boxes: LayoutBox[] = [];
  const topH = Math.max(usersH, LB_H);
  const topX = (width - topW) / 2;
  boxes.push({
    id: 'users',
    kind: 'users',
    hop: 0,
    serverId: 0,
    x: topX,
    y: 0,
    w: USERS_W,
    h: usersH,
  });
  boxes.push({
    id: 'lb',
    kind: 'lb',
    hop: 1,
    serverId: 0,
    x: topX + USERS_W + ROW_GAP * 2,
    y: (topH - LB_H) / 2,
    w: LB_W,
    h: LB_H,
  });
  const gridY = topH + COLUMN_GAP_Y;
  const gridX = (width - gridW) / 2;
  input.serverIds.forEach((id, i) => {
    const row = Math.floor(i / cols);
    const col = i % cols;
    boxes.push({
      id: `server-${id}`,
      kind: 'server',
      hop: 3 + id,
      serverId: id,
      x: gridX + col * (dims.w + ROW_GAP),
      y: gridY + row * (dims.h + ROW_GAP),
      w: dims.w,
      h: dims.h,
    });
  });
  const rows = Math.max(1, Math.ceil(n / cols));
  const bottomY = gridY + rows * dims.h + (rows - 1) * ROW_GAP + COLUMN_GAP_Y;
  if (input.storePresent) {
    const storeH = storeBoxHeight();
    const x0 = (width - (PHONE_STORE_W + ROW_GAP * 2 + PHONE_DB_W)) / 2;
    boxes.push({
      id: 'store',
      kind: 'store',
      hop: 2,
      serverId: 0,
      x: x0,
      y: bottomY,
      w: PHONE_STORE_W,
      h: storeH,
    });
    boxes.push({
      id: 'db',
      kind: 'db',
      hop: 3,
      serverId: 0,
      x: x0 + PHONE_STORE_W + ROW_GAP * 2,
      y: bottomY + (storeH - dbH) / 2,
      w: PHONE_DB_W,
      h: dbH,
    });
  } else {
    boxes.push({
      id: 'db',
      kind: 'db',
      hop: 3,
      serverId: 0,
      x: (width - PHONE_DB_W) / 2,
      y: bottomY,
      w: PHONE_DB_W,
      h: dbH,
    });
  }
  let maxY = 0;
  const byHop = new Map<number, LayoutBox>();
  for (const b of boxes) {
    maxY = Math.max(maxY, b.y + b.h);
    byHop.set(b.hop, b);
  }
  return {
    orientation: 'column',
    boxes,
    byHop,
    shape,
    chipSlots: dims.chipRows * chipsPerRow(shape),
    width,
    height: maxY,
  };
}

/** A container is portrait (a phone held upright) when it is narrow and clearly taller. */
export function isPortrait(vp: { w: number; h: number }): boolean {
  return vp.w > 0 && vp.w < 640 && vp.h > vp.w * 1.05;
}

/** Room the view keeps free around the graph (zoom buttons and legend on top), in px. */
export const FIT_PAD_PX = { top: 40, bottom: 10, left: 6, right: 6 } as const;

/** The zoom at which `layout` fits a `viewport` (screen px) inside FIT_PAD_PX. */
export function fitZoom(layout: TopologyLayout, viewport: { w: number; h: number }): number {
  const w = viewport.w - FIT_PAD_PX.left - FIT_PAD_PX.right;
  const h = viewport.h - FIT_PAD_PX.top - FIT_PAD_PX.bottom;
  return Math.max(0, Math.min(w / layout.width, h / layout.height));
}

/** Richest first: a shape is kept unless a plainer one is clearly (5 %) larger on screen. */
const SHAPES: readonly ServerShape[] = ['tall', 'wide', 'strip'];

/**
 * Lays the topology out. With up to COMPACT_ABOVE servers it tries each server shape and
 * keeps the richest one that fits the viewport at (nearly) the largest zoom: a short, wide
 * container (an 800×600 page) gets flat server boxes rather than tiny tall ones.
 */
export function computeLayout(input: LayoutInput): TopologyLayout {
  const n = input.serverIds.length;
  const vp = input.viewport;
  const sized = !!vp && vp.w > 0 && vp.h > 0;
  if (sized && isPortrait(vp)) return layoutColumn(input);
  const row = layoutRow(input);
  if (!sized || n > 2 * COMPACT_ABOVE || vp.h < vp.w * 0.9) return row;
  // A tall box (a compare pane, a tablet held upright) may show the graph larger top to bottom.
  const column = layoutColumn(input);
  return fitZoom(column, vp) > fitZoom(row, vp) * 1.1 ? column : row;
}

/** The users box goes above the load balancer only when that draws the picture clearly larger. */
const STACK_GAIN = 1.08;

/** The left-to-right layout (see Orientation) that reads best in the viewport. */
function layoutRow(input: LayoutInput): TopologyLayout {
  const vp = input.viewport;
  if (!vp || vp.w <= 0 || vp.h <= 0) {
    return layoutWith(input, input.serverIds.length > COMPACT_ABOVE ? 'compact' : 'tall');
  }
  const side = layoutRowWith(input, vp, false);
  const stacked = layoutRowWith(input, vp, true);
  return fitZoom(stacked, vp) > fitZoom(side, vp) * STACK_GAIN ? stacked : side;
}

function layoutRowWith(
  input: LayoutInput,
  vp: { w: number; h: number },
  stacked: boolean,
): TopologyLayout {
  const n = input.serverIds.length;
  if (n > COMPACT_ABOVE) {
    // Many servers: a grid with as many columns as fit the container's shape best.
    let best = layoutWith(input, 'compact', 1, stacked);
    let bestZoom = fitZoom(best, vp);
    for (let cols = 2; cols <= Math.ceil(n / 2); cols++) {
      const l = layoutWith(input, 'compact', cols, stacked);
      const z = fitZoom(l, vp);
      if (z > bestZoom) {
        best = l;
        bestZoom = z;
      }
    }
    return best;
  }
  const options = SHAPES.map((shape) => layoutWith(input, shape, 1, stacked));
  const zooms = options.map((l) => fitZoom(l, vp));
  const best = Math.max(...zooms);
  const i = zooms.findIndex((z) => z >= best / 1.05);
  return options[i]!;
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

/** Middle of one side of a box: where edges attach (the node's handles). */
export function anchor(box: LayoutBox, side: Side): { x: number; y: number } {
  if (side === 'top') return { x: box.x + box.w / 2, y: box.y };
  if (side === 'bottom') return { x: box.x + box.w / 2, y: box.y + box.h };
  return { x: side === 'left' ? box.x : box.x + box.w, y: box.y + box.h / 2 };
}

/**
 * The sides a hop from `a` to `b` leaves and enters by. In a row layout left/right, except
 * top/bottom between two boxes one above the other (users over the LB when stacked); in a
 * column layout top/bottom between rows, left/right within one (users ↔ LB).
 */
export function sidesBetween(layout: TopologyLayout, a: LayoutBox, b: LayoutBox): [Side, Side] {
  const sameRow = a.y < b.y + b.h && b.y < a.y + a.h;
  const sameColumn = a.x < b.x + b.w && b.x < a.x + a.w;
  if ((layout.orientation === 'column' || sameColumn) && !sameRow) {
    return b.y > a.y ? ['bottom', 'top'] : ['top', 'bottom'];
  }
  const rightward = b.x + b.w / 2 >= a.x + a.w / 2;
  return rightward ? ['right', 'left'] : ['left', 'right'];
}

/**
 * The straight segment a hop from node `from` to node `to` travels, from the side of `from`
 * that faces `to` to the side of `to` that faces `from`. Null if either node is not shown.
 */
export function segment(
  layout: TopologyLayout,
  from: number,
  to: number,
): [x1: number, y1: number, x2: number, y2: number] | null {
  const a = layout.byHop.get(from);
  const b = layout.byHop.get(to);
  if (!a || !b || a === b) return null;
  const [out, into] = sidesBetween(layout, a, b);
  const p = anchor(a, out);
  const q = anchor(b, into);
  return [p.x, p.y, q.x, q.y];
}

/**
 * Every segment in one flat array for the per-frame loop: entry (from * size + to) * 4 holds
 * x1, y1, x2, y2, or NaN when that pair is not drawn.
 */
export interface SegmentTable {
  size: number;
  data: Float64Array;
}

export function segmentTable(layout: TopologyLayout): SegmentTable {
  let maxHop = 3;
  for (const b of layout.boxes) maxHop = Math.max(maxHop, b.hop);
  const size = maxHop + 1;
  const data = new Float64Array(size * size * 4).fill(NaN);
  for (const a of layout.boxes) {
    for (const b of layout.boxes) {
      const s = segment(layout, a.hop, b.hop);
      if (!s) continue;
      data.set(s, (a.hop * size + b.hop) * 4);
    }
  }
  return { size, data };
}
