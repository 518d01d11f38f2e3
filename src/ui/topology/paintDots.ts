/**
 * Paints requests in flight onto one canvas, every animation frame, straight from the hop
 * buffer: position = lerp(from anchor, to anchor, (view − depart) / (arrive − depart)).
 * Dots are grouped by colour so each colour is one path and one fill. Failed requests burst
 * red where they failed, with a short reason label for the few most recent.
 *
 * No React here: the DotLayer component owns the canvas and the requestAnimationFrame loop.
 */
import { HOP_STRIDE } from '../../protocol/messages.ts';
import type { SegmentTable } from './layout.ts';
import { isFailureOrigin, edgeEnds, formatRate, type EdgeRate } from './hopRules.ts';
import { CROWD_COLOUR, USER_COLOURS } from './palette.ts';
import { failLabel } from './words.ts';

export interface Theme {
  text: string;
  panel: string;
  bad: string;
  accent: string;
  muted: string;
  border: string;
}

export interface ViewTransform {
  tx: number;
  ty: number;
  zoom: number;
}

export interface DotFrame {
  data: Float64Array;
  count: number;
  viewMs: number;
  view: ViewTransform;
  table: SegmentTable;
  /** Followed user, whose dots are drawn large while others dim. */
  follow: number | null;
  /** A burst's ring lasts this long, and its label `labelMs`, in simulated ms. */
  burstMs: number;
  labelMs: number;
  theme: Theme;
}

/** Above this many visible dots, draw a stable sample (by request number) of the crowd. */
export const MAX_DOTS = 3000;
/**
 * Dots per path. Skia's software rasteriser slows down faster than linearly on one path of
 * thousands of circles that share the same lanes (scanlines); short paths keep it linear.
 */
export const DOTS_PER_PATH = 32;
const MAX_LABELS = 3;
const NAMED = USER_COLOURS.length;
/** Buckets: one per named user, then crowd, then failed responses. */
const CROWD = NAMED;
const FAILED = NAMED + 1;
const BUCKETS = NAMED + 2;

interface Burst {
  x: number;
  y: number;
  p: number;
  fail: number;
  depart: number;
  node: number;
}

export class DotPainter {
  private xy: Float32Array[] = Array.from({ length: BUCKETS }, () => new Float32Array(512));
  private len = new Int32Array(BUCKETS);
  private bursts: Burst[] = [];
  /** Visible hops in the last frame, to choose the sampling step of the next. */
  lastVisible = 0;

  private push(bucket: number, x: number, y: number): void {
    let arr = this.xy[bucket]!;
    const n = this.len[bucket]!;
    if (n * 2 + 2 > arr.length) {
      const bigger = new Float32Array(arr.length * 2);
      bigger.set(arr);
      this.xy[bucket] = arr = bigger;
    }
    arr[n * 2] = x;
    arr[n * 2 + 1] = y;
    this.len[bucket] = n + 1;
  }

  /** Draws one frame; `width` and `height` are CSS pixels (the context is already scaled). */
  paint(ctx: CanvasRenderingContext2D, width: number, height: number, f: DotFrame): void {
    ctx.clearRect(0, 0, width, height);
    this.len.fill(0);
    this.bursts.length = 0;
    const { data, count, viewMs, table, follow } = f;
    const { tx, ty, zoom } = f.view;
    const size = table.size;
    const seg = table.data;
    const step = this.lastVisible > MAX_DOTS ? Math.ceil(this.lastVisible / MAX_DOTS) : 1;
    const lane = Math.max(2, 3.5 * Math.min(1, zoom));
    let visible = 0;
    for (let i = 0; i < count; i++) {
      const o = i * HOP_STRIDE;
      const depart = data[o + 4]!;
      if (depart > viewMs) continue;
      const from = data[o + 2]!;
      const to = data[o + 3]!;
      if (from >= size || to >= size) continue;
      const s = (from * size + to) * 4;
      const x1 = seg[s]!;
      if (x1 !== x1) continue; // NaN: this pair is not drawn
      const fail = data[o + 6]!;
      if (fail !== 0 && depart + f.labelMs > viewMs && isFailureOrigin(from, to, fail)) {
        this.bursts.push({
          x: x1 * zoom + tx,
          y: seg[s + 1]! * zoom + ty,
          p: f.burstMs > 0 ? (viewMs - depart) / f.burstMs : 1,
          fail,
          depart,
          node: from,
        });
      }
      const arrive = data[o + 5]!;
      if (viewMs >= arrive || arrive <= depart) continue;
      visible++;
      const user = data[o + 1]!;
      const named = user < NAMED;
      if (!named && fail === 0 && step > 1 && data[o]! % step !== 0) continue;
      const t = (viewMs - depart) / (arrive - depart);
      const ax = x1 * zoom + tx;
      const ay = seg[s + 1]! * zoom + ty;
      const bx = seg[s + 2]! * zoom + tx;
      const by = seg[s + 3]! * zoom + ty;
      // Requests and responses ride on either side of the edge: offset along its normal.
      const dx = bx - ax;
      const dy = by - ay;
      const d = Math.hypot(dx, dy) || 1;
      const x = ax + dx * t + (dy / d) * lane;
      const y = ay + dy * t - (dx / d) * lane;
      if (x < -10 || y < -10 || x > width + 10 || y > height + 10) continue;
      this.push(fail !== 0 ? FAILED : named ? user : CROWD, x, y);
    }
    this.lastVisible = visible;

    const r = Math.max(2, Math.min(4, 3.2 * zoom));
    const dim = follow !== null;
    // Crowd first (underneath), then named users, failed responses, the followed user on top.
    this.fillBucket(ctx, CROWD, CROWD_COLOUR, r, dim ? 0.25 : 0.85, null);
    for (let u = 0; u < NAMED; u++) {
      if (u === follow) continue;
      this.fillBucket(ctx, u, USER_COLOURS[u]!, r + 1, dim ? 0.3 : 1, f.theme.text);
    }
    this.ringBucket(ctx, FAILED, f.theme.bad, r + 0.5, dim ? 0.4 : 1);
    if (follow !== null && follow < NAMED) {
      this.fillBucket(ctx, follow, USER_COLOURS[follow]!, r * 2 + 1, 1, f.theme.text, 2);
    }
    this.paintBursts(ctx, f, zoom);
  }

  private fillBucket(
    ctx: CanvasRenderingContext2D,
    bucket: number,
    colour: string,
    r: number,
    alpha: number,
    outline: string | null,
    outlineW = 1,
  ): void {
    const n = this.len[bucket]!;
    if (n === 0) return;
    const xy = this.xy[bucket]!;
    ctx.globalAlpha = alpha;
    ctx.fillStyle = colour;
    if (outline) {
      ctx.lineWidth = outlineW;
      ctx.strokeStyle = outline;
    }
    for (let start = 0; start < n; start += DOTS_PER_PATH) {
      ctx.beginPath();
      const end = Math.min(n, start + DOTS_PER_PATH);
      for (let i = start; i < end; i++) {
        const x = xy[i * 2]!;
        const y = xy[i * 2 + 1]!;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, Math.PI * 2);
      }
      ctx.fill();
      if (outline) ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** Failed responses travel back as hollow red rings: a different shape, not just colour. */
  private ringBucket(
    ctx: CanvasRenderingContext2D,
    bucket: number,
    colour: string,
    r: number,
    alpha: number,
  ): void {
    const n = this.len[bucket]!;
    if (n === 0) return;
    const xy = this.xy[bucket]!;
    ctx.globalAlpha = alpha;
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    for (let start = 0; start < n; start += DOTS_PER_PATH) {
      ctx.beginPath();
      const end = Math.min(n, start + DOTS_PER_PATH);
      for (let i = start; i < end; i++) {
        const x = xy[i * 2]!;
        const y = xy[i * 2 + 1]!;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, Math.PI * 2);
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  private paintBursts(ctx: CanvasRenderingContext2D, f: DotFrame, zoom: number): void {
    if (this.bursts.length === 0) return;
    const k = Math.max(0.6, Math.min(1.2, zoom));
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = f.theme.bad;
    ctx.fillStyle = f.theme.bad;
    for (const b of this.bursts) {
      if (b.p >= 1) continue;
      ctx.globalAlpha = 1 - b.p;
      ctx.beginPath();
      ctx.arc(b.x, b.y, (5 + 20 * b.p) * k, 0, Math.PI * 2);
      ctx.stroke();
      if (b.p < 0.5) {
        ctx.beginPath();
        ctx.arc(b.x, b.y, 4 * k, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    // Labels: one per reason, at its most recent burst, at most MAX_LABELS.
    const latest = new Map<number, Burst>();
    for (const b of this.bursts) {
      const cur = latest.get(b.fail);
      if (!cur || b.depart > cur.depart) latest.set(b.fail, b);
    }
    const labels = [...latest.values()].sort((a, b) => b.depart - a.depart).slice(0, MAX_LABELS);
    const perNode = new Map<number, number>();
    const fontPx = Math.round(12 * Math.max(0.85, Math.min(1, zoom)));
    ctx.font = `600 ${fontPx}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.textBaseline = 'middle';
    for (const b of labels) {
      const text = failLabel(b.fail);
      const nth = perNode.get(b.node) ?? 0;
      perNode.set(b.node, nth + 1);
      // Failed responses travel leftwards, so the label sits on the edge just left of the
      // burst, clear of the box the request failed in.
      const w = ctx.measureText(text).width + 12;
      const x = b.x - w - 10 * k;
      const y = b.y - 16 * k - nth * 22;
      const age = (f.viewMs - b.depart) / Math.max(1e-9, f.labelMs);
      ctx.globalAlpha = age > 0.75 ? Math.max(0, (1 - age) / 0.25) : 1;
      pill(ctx, x, y - 9, w, 18, f.theme.bad);
      ctx.fillStyle = f.theme.panel;
      ctx.fillText(text, x + 6, y + 0.5);
    }
    ctx.globalAlpha = 1;
  }
}

function pill(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 2);
  ctx.fillStyle = fill;
  ctx.fill();
}

/**
 * The reduced-motion view: no moving dots. Each edge gets a flow bar whose width grows with
 * its request rate, a "12/s" label, and a red "✕ 3/s" when requests fail there.
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
): void {
  ctx.clearRect(0, 0, width, height);
  const { tx, ty, zoom } = view;
  const k = Math.max(0.7, Math.min(1.2, zoom));
  ctx.font = `600 ${Math.round(11 * k)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.lineCap = 'round';
  for (const key of edges) {
    const [l, r] = edgeEnds(key);
    const s = (l * table.size + r) * 4;
    const x1 = table.data[s]! * zoom + tx;
    if (x1 !== x1) continue;
    const y1 = table.data[s + 1]! * zoom + ty;
    const x2 = table.data[s + 2]! * zoom + tx;
    const y2 = table.data[s + 3]! * zoom + ty;
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
    pill(ctx, mx - w / 2, my - h / 2, w, h, theme.panel);
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.fillStyle = theme.text;
    ctx.fillText(text, mx - w / 2 + 5, my + 0.5);
    if (failed > 0) {
      const ft = `✕ ${formatRate(failed)} failed`;
      const fw = ctx.measureText(ft).width + 10;
      pill(ctx, mx - fw / 2, my + h / 2 + 2, fw, h, theme.bad);
      ctx.fillStyle = theme.panel;
      ctx.fillText(ft, mx - fw / 2 + 5, my + h + 2.5);
    }
  }
}
