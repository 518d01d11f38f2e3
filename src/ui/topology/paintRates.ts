/**
 * The reduced-motion picture, loaded only when motion is reduced (it stays out of the first
 * download): rates on the links instead of moving dots, named users' initials on the links
 * their recent requests took, the followed user's route, and what each request carries.
 */
import type { SegmentTable } from './layout.ts';
import { edgeEnds, formatRate, type EdgeRate } from './hopRules.ts';
import { USER_COLOURS, readableOn } from './palette.ts';
import { clampInto, overlaps, placeLabels, type Rect } from './labelLayout.ts';
import type { LinkMark, RecentRoute } from './routeMemory.ts';
import { pill, type Credential, type Theme, type ViewTransform } from './paintDots.ts';

export { edgeRates } from './hopRules.ts';
export { linkMarks, RouteMemory } from './routeMemory.ts';

const NAMED = USER_COLOURS.length;

/** What the reduced-motion view shows besides rates: who went where, and what they carry. */
export interface RateExtras {
  /** Named users' initials per edge key (routeMemory.ts `linkMarks`). */
  marks: ReadonlyMap<number, readonly LinkMark[]>;
  initials: readonly string[];
  follow: number | null;
  /** The followed user's latest request, drawn as a band along the links it took. */
  followRoute?: RecentRoute | undefined;
  credential?: Credential | undefined;
  /** The load balancer's box and all boxes (flow coordinates), to place the credential note. */
  lbBox?: Rect | undefined;
  boxes?: readonly Rect[];
}

/**
 * The reduced-motion view: no moving dots. Each edge gets a flow bar whose width grows with
 * its request rate, a "12/s" label, and a red "✕ 3/s" when requests fail there. Named users'
 * initials sit on the links their recent requests took (the latest solid, earlier ones
 * faint, a red ring when it failed), so routing and stickiness read without motion; the
 * users → LB link says what every request carries (a cookie or the whole token).
 */
export function paintRates(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  table: SegmentTable,
  edges: readonly number[],
  rates: ReadonlyMap<number, EdgeRate>,
  view: ViewTransform,
  theme: Theme,
  extras?: RateExtras,
): void {
  ctx.clearRect(0, 0, width, height);
  // Every label stays inside the picture, whole (a phone's picture is narrow).
  const bounds: Rect = { x: 0, y: 0, w: width, h: height };
  const { tx, ty, zoom } = view;
  const k = Math.max(0.7, Math.min(1.2, zoom));
  const at = (l: number, r: number): [number, number, number, number] | null => {
    const s = (l * table.size + r) * 4;
    const x1 = table.data[s]!;
    if (x1 !== x1) return null;
    return [
      x1 * zoom + tx,
      table.data[s + 1]! * zoom + ty,
      table.data[s + 2]! * zoom + tx,
      table.data[s + 3]! * zoom + ty,
    ];
  };
  if (extras) paintFollowBand(ctx, extras, at, k);
  ctx.font = `600 ${Math.round(11 * k)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.lineCap = 'round';
  for (const key of edges) {
    const [l, r] = edgeEnds(key);
    const seg = at(l, r);
    if (!seg) continue;
    const [x1, y1, x2, y2] = seg;
    const rate = rates.get(key);
    const perS = rate?.perS ?? 0;
    const failed = rate?.failedPerS ?? 0;
    if (perS > 0) {
      ctx.globalAlpha = 0.35;
      ctx.strokeStyle = theme.accent;
      ctx.lineWidth = Math.min(14, 2 + 2.2 * Math.log2(1 + perS)) * k;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    // Labels sit on the edge, a little towards its right end, so fan-out edges stay apart.
    const mx = x1 + (x2 - x1) * 0.62;
    const my = y1 + (y2 - y1) * 0.62;
    const text = formatRate(perS);
    const w = ctx.measureText(text).width + 10;
    const h = 16 * k;
    const p = clampInto({ x: mx - w / 2, y: my - h / 2, w, h }, bounds);
    pill(ctx, p.x, p.y, w, h, theme.panel);
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.fillStyle = theme.text;
    ctx.fillText(text, p.x + 5, p.y + h / 2 + 0.5);
    if (failed > 0) {
      const ft = `✕ ${formatRate(failed)} failed`;
      const fw = ctx.measureText(ft).width + 10;
      const q = clampInto({ x: mx - fw / 2, y: p.y + h + 2, w: fw, h }, bounds);
      pill(ctx, q.x, q.y, fw, h, theme.bad);
      ctx.fillStyle = theme.panel;
      ctx.fillText(ft, q.x + 5, q.y + h / 2 + 0.5);
    }
  }
  if (!extras) return;
  // Marks first; the credential note then keeps clear of them and of the boxes.
  const taken: Rect[] = [];
  const boxes = (extras.boxes ?? []).map((b) => ({
    x: b.x * zoom + tx,
    y: b.y * zoom + ty,
    w: b.w * zoom,
    h: b.h * zoom,
  }));
  for (const [key, marks] of extras.marks) {
    const [l, r] = edgeEnds(key);
    const seg = at(l, r);
    // Near the server's end of the link, where fanned-out links are furthest apart.
    if (seg) paintMarks(ctx, seg, marks, extras, theme, k, r > 3, taken, boxes, bounds);
  }
  const cred = extras.credential;
  const lb = extras.lbBox;
  if (cred && lb) {
    // Under the load balancer (or wherever is free of boxes): what each request carries.
    const text = `${cred.kind}: ${cred.bytes} B per request`;
    ctx.font = `600 ${Math.round(11 * k)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.textBaseline = 'middle';
    const w = ctx.measureText(text).width + 10;
    const h = 16 * k;
    const x = (lb.x + lb.w / 2) * zoom + tx;
    const y = (lb.y + lb.h) * zoom + ty;
    const obstacles = [...boxes, ...taken];
    const spot =
      placeLabels([{ x, y, r: 2, w, h }], obstacles, bounds)[0] ??
      placeLabels([{ x, y, r: h + 8, w, h }], obstacles, bounds)[0];
    if (spot) {
      pill(ctx, spot.x, spot.y, w, h, cred.kind === 'token' ? theme.accent : theme.panel);
      ctx.strokeStyle = theme.border;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = cred.kind === 'token' ? theme.panel : theme.text;
      ctx.fillText(text, spot.x + 5, spot.y + h / 2 + 0.5);
    }
  }
}

type SegmentAt = (l: number, r: number) => [number, number, number, number] | null;

function paintFollowBand(
  ctx: CanvasRenderingContext2D,
  extras: RateExtras,
  at: SegmentAt,
  k: number,
): void {
  const route = extras.followRoute;
  const u = extras.follow;
  if (!route || u === null || u >= NAMED || route.server < 0) return;
  const legs: [number, number][] = [
    [0, 1],
    [1, route.server],
  ];
  if (route.store) legs.push([route.server, 2]);
  if (route.db) legs.push([route.server, 3]);
  ctx.lineCap = 'round';
  ctx.lineWidth = 12 * k;
  ctx.strokeStyle = USER_COLOURS[u]!;
  ctx.globalAlpha = 0.4;
  ctx.beginPath();
  for (const [a, b] of legs) {
    const seg = at(a, b);
    if (!seg) continue;
    ctx.moveTo(seg[0], seg[1]);
    ctx.lineTo(seg[2], seg[3]);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/**
 * Initials in a row along the link, next to one of its ends (the right one if `nearEnd`),
 * lifted off the line towards the left so the rate label and the boxes stay clear.
 */
function paintMarks(
  ctx: CanvasRenderingContext2D,
  [x1, y1, x2, y2]: [number, number, number, number],
  marks: readonly LinkMark[],
  extras: RateExtras,
  theme: Theme,
  k: number,
  nearEnd: boolean,
  taken: Rect[],
  obstacles: readonly Rect[],
  bounds: Rect,
): void {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const rr = 8 * k;
  const pitch = Math.min(2 * rr + 3, (len * 0.8) / Math.max(1, marks.length));
  const lift = rr + 10 * k;
  // The normal pointing left (or up on a level link): away from the box a link enters.
  const [nx, ny] = uy > 0 ? [-uy, ux] : [uy, -ux];
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const step = 2 * rr + 3;
  const free = (x: number, y: number): boolean => {
    const box = { x: x - rr - 2, y: y - rr - 2, w: 2 * rr + 4, h: 2 * rr + 4 };
    return !obstacles.some((o) => overlaps(box, o)) && !taken.some((o) => overlaps(box, o, 0));
  };
  marks.forEach((m, i) => {
    // The preferred spot, else further along the link, clear of boxes and earlier marks.
    let d0 = nearEnd
      ? len - (rr + 4 + lift) - (marks.length - 1 - i) * pitch
      : rr + 4 + lift + i * pitch;
    let x = 0;
    let y = 0;
    for (let t = 0; t < 16; t++) {
      x = x1 + ux * d0 + nx * lift;
      y = y1 + uy * d0 + ny * lift;
      if (free(x, y) || d0 < 0 || d0 > len) break;
      d0 += nearEnd ? -step / 2 : step / 2;
    }
    const followed = m.user === extras.follow;
    const r = followed ? rr + 2 : rr;
    // Whole inside the picture, even where a link runs along its edge.
    ({ x, y } = clampInto({ x: x - r, y: y - r, w: 2 * r, h: 2 * r }, bounds));
    x += r;
    y += r;
    taken.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
    ctx.globalAlpha = m.age === 0 ? 1 : 0.4;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = USER_COLOURS[m.user]!;
    ctx.fill();
    ctx.lineWidth = m.failed ? 2.5 : followed ? 2 : 1;
    ctx.strokeStyle = m.failed ? theme.bad : theme.text;
    ctx.stroke();
    const letter = extras.initials[m.user];
    if (letter) {
      ctx.font = `700 ${Math.round(r * 1.3)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
      ctx.fillStyle = readableOn(USER_COLOURS[m.user]!);
      ctx.fillText(letter, x, y + 0.5);
    }
  });
  ctx.globalAlpha = 1;
  ctx.textAlign = 'start';
}
