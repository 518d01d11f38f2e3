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
import { isFailureOrigin, edgeKey, rank } from './hopRules.ts';
import { CROWD_COLOUR, USER_COLOURS, readableOn } from './palette.ts';
import { failLabel } from './words.ts';
import { clampInto, placeLabels, type LabelWish, type Rect } from './labelLayout.ts';

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
  /**
   * What each request carries to identify its session: a cookie (12 bytes) or, with JWT, the
   * whole signed token. Drawn riding with requests towards the servers, sized by its bytes.
   */
  credential?: Credential | undefined;
  /** Initials drawn on the named users' dots (index = user number). */
  initials?: readonly string[];
  /** The picture's boxes in flow coordinates: credential labels keep off them. */
  boxes?: readonly Rect[];
}

export interface Credential {
  kind: 'cookie' | 'token';
  bytes: number;
}

/** Dots painted per edge (edge key, see hopRules.ts) in the last frame, for tests. */
export type DrawnPerEdge = Map<number, number>;

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
  /** Dots drawn per edge in the last frame (read by the e2e test hook). */
  drawn: DrawnPerEdge = new Map();
  /** Forward hops (towards the servers) drawn in the last frame: where credentials ride. */
  private fwd = new Float32Array(1024);
  private fwdLen = 0;
  /** The followed user's latest request: its hops' screen segments, to draw its route. */
  private route: number[] = [];
  private routeReq = -1;
  /** Named users' dots of the last frame: x, y, user, forward (1/0). */
  private namedDots: number[] = [];

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
    this.drawn.clear();
    this.fwdLen = 0;
    this.route.length = 0;
    this.routeReq = -1;
    this.namedDots.length = 0;
    const token = f.credential?.kind === 'token';
    const { data, count, viewMs, table, follow } = f;
    const { tx, ty, zoom } = f.view;
    const size = table.size;
    const seg = table.data;
    const step = this.lastVisible > MAX_DOTS ? Math.ceil(this.lastVisible / MAX_DOTS) : 1;
    const lane = Math.max(2, 4 * Math.min(1, zoom));
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
      const user = data[o + 1]!;
      const ax = x1 * zoom + tx;
      const ay = seg[s + 1]! * zoom + ty;
      const bx = seg[s + 2]! * zoom + tx;
      const by = seg[s + 3]! * zoom + ty;
      if (user === follow) {
        // The route of the followed user's latest request: every hop it has started.
        const req = data[o]!;
        if (req > this.routeReq) {
          this.routeReq = req;
          this.route.length = 0;
        }
        if (req === this.routeReq) this.route.push(ax, ay, bx, by, fail !== 0 ? 1 : 0);
      }
      if (viewMs >= arrive || arrive <= depart) continue;
      visible++;
      const named = user < NAMED;
      if (!named && fail === 0 && step > 1 && data[o]! % step !== 0) continue;
      const t = (viewMs - depart) / (arrive - depart);
      // Requests and responses ride on either side of the edge: offset along its normal.
      const dx = bx - ax;
      const dy = by - ay;
      const d = Math.hypot(dx, dy) || 1;
      const x = ax + dx * t + (dy / d) * lane;
      const y = ay + dy * t - (dx / d) * lane;
      if (x < -10 || y < -10 || x > width + 10 || y > height + 10) continue;
      const key = edgeKey(from, to);
      this.drawn.set(key, (this.drawn.get(key) ?? 0) + 1);
      const forward = fail === 0 && rank(from) < rank(to) && from < 2 ? 1 : 0;
      if (named) this.namedDots.push(x, y, user, forward);
      else if (forward && token) this.pushForward(x, y, dx / d, dy / d);
      this.push(fail !== 0 ? FAILED : named ? user : CROWD, x, y);
    }
    this.lastVisible = visible;

    const r = dotRadius(zoom);
    const dim = follow !== null;
    this.paintRoute(ctx, follow, r);
    // Tokens under the crowd dots they ride with: a tail whose length grows with its bytes.
    if (token) this.paintTails(ctx, f.credential!.bytes, r, f.theme.muted, dim ? 0.3 : 0.7);
    // Crowd first (underneath), then named users, failed responses, the followed user on top.
    this.fillBucket(ctx, CROWD, CROWD_COLOUR, r, dim ? 0.25 : 0.85, null);
    for (let u = 0; u < NAMED; u++) {
      if (u === follow) continue;
      this.fillBucket(ctx, u, USER_COLOURS[u]!, r + 2.5, dim ? 0.35 : 1, f.theme.text);
    }
    this.ringBucket(ctx, FAILED, f.theme.bad, r + 0.5, dim ? 0.4 : 1);
    if (follow !== null && follow < NAMED) {
      this.fillBucket(ctx, follow, USER_COLOURS[follow]!, r + 5, 1, f.theme.text, 2);
    }
    // Labels stay whole inside the picture (a phone's picture is narrow).
    const bounds: Rect = { x: 0, y: 0, w: width, h: height };
    this.paintNamed(ctx, f, r, bounds);
    this.paintBursts(ctx, f, zoom, bounds);
  }

  private pushForward(x: number, y: number, ux: number, uy: number): void {
    if (this.fwdLen * 4 + 4 > this.fwd.length) {
      const bigger = new Float32Array(this.fwd.length * 2);
      bigger.set(this.fwd);
      this.fwd = bigger;
    }
    const o = this.fwdLen++ * 4;
    this.fwd[o] = x;
    this.fwd[o + 1] = y;
    this.fwd[o + 2] = ux;
    this.fwd[o + 3] = uy;
  }

  /** JWT: each crowd request drags its token, a bar behind the dot sized by the token's bytes. */
  private paintTails(
    ctx: CanvasRenderingContext2D,
    bytes: number,
    r: number,
    colour: string,
    alpha: number,
  ): void {
    if (this.fwdLen === 0) return;
    const len = tokenLengthPx(bytes);
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = colour;
    ctx.lineWidth = Math.max(2, r * 0.9);
    ctx.lineCap = 'butt';
    for (let start = 0; start < this.fwdLen; start += DOTS_PER_PATH * 2) {
      ctx.beginPath();
      const end = Math.min(this.fwdLen, start + DOTS_PER_PATH * 2);
      for (let i = start; i < end; i++) {
        const o = i * 4;
        const x = this.fwd[o]!;
        const y = this.fwd[o + 1]!;
        ctx.moveTo(x, y);
        ctx.lineTo(x - this.fwd[o + 2]! * len, y - this.fwd[o + 3]! * len);
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** The followed user's latest request, hop by hop, as a wide translucent band. */
  private paintRoute(ctx: CanvasRenderingContext2D, follow: number | null, r: number): void {
    if (follow === null || follow >= NAMED || this.route.length === 0) return;
    ctx.lineCap = 'round';
    ctx.lineWidth = r * 2.6;
    ctx.strokeStyle = USER_COLOURS[follow]!;
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    for (let i = 0; i < this.route.length; i += 5) {
      ctx.moveTo(this.route[i]!, this.route[i + 1]!);
      ctx.lineTo(this.route[i + 2]!, this.route[i + 3]!);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  /**
   * Named users: their initial on the dot, and on the way to a server the credential their
   * request carries ("cookie 12 B" or "token 232 B"), so its size can be compared. The
   * labels are laid out so that none covers another or a box (the followed user's first);
   * a label with no free spot is left out for that frame.
   */
  private paintNamed(ctx: CanvasRenderingContext2D, f: DotFrame, r: number, bounds: Rect): void {
    const n = this.namedDots.length / 4;
    if (n === 0) return;
    const initials = f.initials ?? [];
    const cred = f.credential;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const wishes: LabelWish[] = [];
    const whose: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = this.namedDots[i * 4]!;
      const y = this.namedDots[i * 4 + 1]!;
      const user = this.namedDots[i * 4 + 2]!;
      const forward = this.namedDots[i * 4 + 3]! === 1;
      const big = user === f.follow;
      const rr = big ? r + 5 : r + 2.5;
      if (f.follow !== null && !big) ctx.globalAlpha = 0.45;
      const letter = initials[user];
      if (letter) {
        ctx.font = `700 ${Math.round(rr * 1.35)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
        ctx.fillStyle = readableOn(USER_COLOURS[user]!);
        ctx.fillText(letter, x, y + 0.5);
      }
      ctx.globalAlpha = 1;
      if (cred && forward) {
        const wish = { x, y, r: rr, w: 0, h: 16 };
        if (big) {
          wishes.unshift(wish);
          whose.unshift(user);
        } else {
          wishes.push(wish);
          whose.push(user);
        }
      }
    }
    if (cred && wishes.length > 0) {
      const text = cred.kind === 'token' ? `token ${cred.bytes} B` : `cookie ${cred.bytes} B`;
      ctx.font = `600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
      const w = ctx.measureText(text).width + 10;
      for (const wish of wishes) wish.w = w;
      const { tx, ty, zoom } = f.view;
      const boxes = (f.boxes ?? []).map((b) => ({
        x: b.x * zoom + tx,
        y: b.y * zoom + ty,
        w: b.w * zoom,
        h: b.h * zoom,
      }));
      const spots = placeLabels(wishes, boxes, bounds);
      spots.forEach((p, i) => {
        if (!p) return;
        if (f.follow !== null && whose[i] !== f.follow) ctx.globalAlpha = 0.45;
        pill(ctx, p.x, p.y, p.w, p.h, cred.kind === 'token' ? f.theme.accent : f.theme.panel);
        ctx.strokeStyle = f.theme.border;
        ctx.lineWidth = 1;
        ctx.stroke();
        ctx.fillStyle = cred.kind === 'token' ? f.theme.panel : f.theme.text;
        ctx.fillText(text, p.x + p.w / 2, p.y + 8.5);
        ctx.globalAlpha = 1;
      });
    }
    ctx.textAlign = 'start';
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

  private paintBursts(
    ctx: CanvasRenderingContext2D,
    f: DotFrame,
    zoom: number,
    bounds: Rect,
  ): void {
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
      // Near the picture's left edge (a phone) the label moves right rather than being cut.
      const p = clampInto(
        { x: b.x - w - 10 * k, y: b.y - 16 * k - nth * 22 - 9, w, h: 18 },
        bounds,
      );
      const age = (f.viewMs - b.depart) / Math.max(1e-9, f.labelMs);
      ctx.globalAlpha = age > 0.75 ? Math.max(0, (1 - age) / 0.25) : 1;
      pill(ctx, p.x, p.y, w, 18, f.theme.bad);
      ctx.fillStyle = f.theme.panel;
      ctx.fillText(text, p.x + 6, p.y + 9.5);
    }
    ctx.globalAlpha = 1;
  }
}

/** Radius of a crowd dot in screen px: large enough to tell apart, at any zoom. */
export function dotRadius(zoom: number): number {
  return Math.max(2.5, Math.min(4, 3.4 * zoom));
}

/** Length of a token's tail in screen px: a 12-byte cookie would be 1 px, a 232-byte JWT 16. */
export function tokenLengthPx(bytes: number): number {
  return Math.max(1, Math.min(24, Math.round(bytes / 14)));
}

export function pill(
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
