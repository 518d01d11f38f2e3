import { describe, expect, it } from 'vitest';
import { HOP_STRIDE } from '../../protocol/messages.ts';
import { DOTS_PER_PATH, DotPainter, MAX_DOTS, type DotFrame } from './paintDots.ts';
import type { SegmentTable } from './layout.ts';

/** Counts what the painter asks of a 2D context (no canvas in Node). */
function fakeContext() {
  const calls = { arc: 0, fill: 0, stroke: 0, beginPath: 0 };
  const ctx = {
    globalAlpha: 1,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textBaseline: '',
    clearRect() {},
    beginPath: () => void calls.beginPath++,
    moveTo() {},
    arc: () => void calls.arc++,
    fill: () => void calls.fill++,
    stroke: () => void calls.stroke++,
    textAlign: '',
    fillText() {},
    measureText: (t: string) => ({ width: t.length * 7 }),
    roundRect: (x: number, y: number, w: number, h: number) => void pills.push({ x, y, w, h }),
  };
  const pills: { x: number; y: number; w: number; h: number }[] = [];
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, pills };
}

/** One edge, users (0) → LB (1), across a 1000 px wide view. */
function table(): SegmentTable {
  const size = 4;
  const data = new Float64Array(size * size * 4).fill(NaN);
  data.set([0, 100, 1000, 100], (0 * size + 1) * 4);
  return { size, data };
}

/** `n` crowd requests (user index 100+) half-way along users → LB at t = 500. */
function frame(n: number): DotFrame {
  const data = new Float64Array(n * HOP_STRIDE);
  for (let i = 0; i < n; i++) {
    data.set([i, 100 + i, 0, 1, i % 500, 1000 + (i % 500), 0], i * HOP_STRIDE);
  }
  const theme = {
    text: '#000',
    panel: '#fff',
    bad: '#f00',
    accent: '#00f',
    muted: '#888',
    border: '#ccc',
  };
  return {
    data,
    count: n,
    viewMs: 500,
    view: { tx: 0, ty: 0, zoom: 1 },
    table: table(),
    follow: null,
    burstMs: 600,
    labelMs: 1600,
    theme,
  };
}

describe('DotPainter', () => {
  it('draws every dot, in paths of at most DOTS_PER_PATH circles', () => {
    const { ctx, calls } = fakeContext();
    const n = 2000;
    new DotPainter().paint(ctx, 1000, 400, frame(n));
    expect(calls.arc).toBe(n);
    expect(calls.fill).toBe(Math.ceil(n / DOTS_PER_PATH));
    expect(calls.beginPath).toBe(calls.fill);
  });

  it('samples the crowd above MAX_DOTS instead of drawing them all', () => {
    const { ctx, calls } = fakeContext();
    const painter = new DotPainter();
    const n = 2 * MAX_DOTS + 10;
    painter.paint(ctx, 1000, 400, frame(n)); // learns how many are visible
    expect(painter.lastVisible).toBe(n);
    calls.arc = 0;
    painter.paint(ctx, 1000, 400, frame(n));
    expect(calls.arc).toBeLessThanOrEqual(MAX_DOTS);
    expect(calls.arc).toBeGreaterThan(MAX_DOTS / 2);
  });
});

describe('DotPainter labels', () => {
  const inside = (p: { x: number; y: number; w: number; h: number }, w: number, h: number) =>
    p.x >= 0 && p.y >= 0 && p.x + p.w <= w && p.y + p.h <= h;

  it("keeps a named user's credential label whole at the picture's left edge", () => {
    const { ctx, pills } = fakeContext();
    const f = frame(0);
    // Alice (user 0) 5 px from the left edge, on her way to the load balancer.
    f.data = Float64Array.from([1, 0, 0, 1, 0, 1000, 0]);
    f.count = 1;
    f.viewMs = 5;
    f.credential = { kind: 'cookie', bytes: 12 };
    new DotPainter().paint(ctx, 300, 200, f);
    expect(pills.length).toBe(1);
    expect(inside(pills[0]!, 300, 200), JSON.stringify(pills[0])).toBe(true);
  });

  it("keeps a failure's reason label whole when the failure is at the picture's left edge", () => {
    const { ctx, pills } = fakeContext();
    const f = frame(0);
    // A request that failed where it left the users' box, at x = 0.
    f.data = Float64Array.from([1, 100, 0, 1, 400, 1400, 1]);
    f.count = 1;
    new DotPainter().paint(ctx, 300, 200, f);
    expect(pills.length).toBe(1);
    expect(inside(pills[0]!, 300, 200), JSON.stringify(pills[0])).toBe(true);
  });
});
