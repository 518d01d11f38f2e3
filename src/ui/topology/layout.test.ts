import { describe, expect, it } from 'vitest';
import {
  COMPACT_ABOVE,
  anchor,
  computeLayout,
  fitZoom,
  segment,
  segmentTable,
  type LayoutInput,
} from './layout.ts';

const base: LayoutInput = {
  serverIds: [1, 2, 3],
  storePresent: false,
  serverChips: true,
  namedShown: 8,
};

function overlaps(a: { x: number; y: number; w: number; h: number }, b: typeof a): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('computeLayout', () => {
  it('places users, LB, servers and the database left to right', () => {
    const l = computeLayout(base);
    const users = l.byHop.get(0)!;
    const lb = l.byHop.get(1)!;
    const servers = [4, 5, 6].map((h) => l.byHop.get(h)!);
    const db = l.byHop.get(3)!;
    expect(users.x + users.w).toBeLessThan(lb.x);
    for (const s of servers) {
      expect(lb.x + lb.w).toBeLessThan(s.x);
      expect(s.x + s.w).toBeLessThan(db.x);
    }
    expect(l.byHop.has(2)).toBe(false);
    expect(servers.map((s) => s.id)).toEqual(['server-1', 'server-2', 'server-3']);
  });

  it('numbers hop nodes as the simulation does: server k is 3 + k', () => {
    const l = computeLayout({ ...base, serverIds: [1, 2, 5] });
    expect(l.byHop.get(8)?.serverId).toBe(5);
  });

  it('adds the store above the database only when present', () => {
    const l = computeLayout({ ...base, storePresent: true, serverChips: false });
    const store = l.byHop.get(2)!;
    const db = l.byHop.get(3)!;
    expect(store.y + store.h).toBeLessThan(db.y);
    expect(l.chipSlots).toBe(0);
  });

  it('never overlaps boxes, for any server count', () => {
    for (let n = 1; n <= 40; n++) {
      for (const viewport of [
        undefined,
        { w: 1000, h: 480 },
        { w: 780, h: 220 },
        { w: 1380, h: 880 },
      ]) {
        const l = computeLayout({
          ...base,
          serverIds: Array.from({ length: n }, (_, i) => i + 1),
          storePresent: n % 2 === 0,
          ...(viewport ? { viewport } : {}),
        });
        expect(l.boxes).toHaveLength(n + 3 + (n % 2 === 0 ? 1 : 0));
        for (let i = 0; i < l.boxes.length; i++) {
          for (let j = i + 1; j < l.boxes.length; j++) {
            expect(overlaps(l.boxes[i]!, l.boxes[j]!)).toBe(false);
          }
        }
        expect(Math.min(...l.boxes.map((b) => b.y))).toBe(0);
      }
    }
  });

  it('goes compact above COMPACT_ABOVE servers', () => {
    const ids = Array.from({ length: COMPACT_ABOVE + 1 }, (_, i) => i + 1);
    expect(computeLayout({ ...base, serverIds: ids }).shape).toBe('compact');
    expect(computeLayout({ ...base, serverIds: ids.slice(1) }).shape).not.toBe('compact');
  });

  it('picks flatter server boxes for short, wide containers', () => {
    const tall = computeLayout({ ...base, viewport: { w: 900, h: 700 } });
    const short = computeLayout({ ...base, viewport: { w: 790, h: 220 } });
    expect(tall.shape).toBe('tall');
    expect(short.shape).toBe('strip');
    // The chosen shape is (nearly) the one that shows the graph largest.
    const z = fitZoom(short, { w: 790, h: 220 });
    expect(z).toBeGreaterThan(fitZoom(tall, { w: 790, h: 220 }));
  });

  it('stacks the users above the load balancer when the width, not the height, limits the zoom', () => {
    // A 1920×1080 screen's picture: the side-by-side row is too wide for its height.
    const viewport = { w: 1380, h: 880 };
    const l = computeLayout({ ...base, viewport });
    const users = l.byHop.get(0)!;
    const lb = l.byHop.get(1)!;
    expect(users.y + users.h).toBeLessThan(lb.y);
    expect(users.x).toBe(lb.x);
    // The first hop runs top to bottom, the LB still fans out to the right.
    const [x1, y1, x2, y2] = segment(l, 0, 1)!;
    expect([x1, y1]).toEqual([anchor(users, 'bottom').x, anchor(users, 'bottom').y]);
    expect([x2, y2]).toEqual([anchor(lb, 'top').x, anchor(lb, 'top').y]);
    expect(segment(l, 1, 4)![0]).toBe(anchor(lb, 'right').x);
    // A short, wide container keeps users beside the LB: stacking would only make it taller.
    const short = computeLayout({ ...base, viewport: { w: 1380, h: 360 } });
    expect(short.byHop.get(0)!.x + short.byHop.get(0)!.w).toBeLessThan(short.byHop.get(1)!.x);
  });

  it('gives an upload run a line more in each server box and two in the database box', () => {
    for (const viewport of [undefined, { w: 1380, h: 880 }, { w: 370, h: 600 }]) {
      const plain = computeLayout({
        ...base,
        storePresent: true,
        ...(viewport ? { viewport } : {}),
      });
      const up = computeLayout({
        ...base,
        storePresent: true,
        uploads: true,
        ...(viewport ? { viewport } : {}),
      });
      expect(up.byHop.get(4)!.h).toBe(plain.byHop.get(4)!.h + 22);
      expect(up.byHop.get(3)!.h).toBe(plain.byHop.get(3)!.h + 44);
    }
  });

  it('gives chip room only when servers hold sessions', () => {
    expect(computeLayout(base).chipSlots).toBeGreaterThan(0);
    expect(computeLayout({ ...base, serverChips: false }).chipSlots).toBe(0);
  });
});

describe('segments', () => {
  const l = computeLayout({ ...base, storePresent: true });

  it('run from the side facing the target to the side facing the source', () => {
    const lb = l.byHop.get(1)!;
    const s2 = l.byHop.get(5)!;
    expect(segment(l, 1, 5)).toEqual([
      anchor(lb, 'right').x,
      anchor(lb, 'right').y,
      anchor(s2, 'left').x,
      anchor(s2, 'left').y,
    ]);
    // The way back is the same segment reversed.
    const [x1, y1, x2, y2] = segment(l, 5, 1)!;
    expect([x2, y2, x1, y1]).toEqual(segment(l, 1, 5));
  });

  it('is null for nodes that are not shown', () => {
    expect(segment(l, 1, 99)).toBeNull();
    const noStore = computeLayout(base);
    expect(segment(noStore, 4, 2)).toBeNull();
  });

  it('fills the flat table the dot loop reads', () => {
    const t = segmentTable(l);
    const o = (0 * t.size + 1) * 4;
    expect(Array.from(t.data.subarray(o, o + 4))).toEqual(segment(l, 0, 1));
    expect(Number.isNaN(t.data[(2 * t.size + 3) * 4])).toBe(false); // store ↔ db exists in layout
    expect(Number.isNaN(t.data[(1 * t.size + 1) * 4])).toBe(true);
  });
});

describe('the column layout for portrait containers', () => {
  it('stacks users and LB, then servers, then the database, with edges top to bottom', () => {
    const l = computeLayout({ ...base, viewport: { w: 380, h: 520 } });
    expect(l.orientation).toBe('column');
    const lb = l.byHop.get(1)!;
    const db = l.byHop.get(3)!;
    for (const h of [4, 5, 6]) {
      const s = l.byHop.get(h)!;
      expect(s.y).toBeGreaterThan(lb.y + lb.h);
      expect(db.y).toBeGreaterThan(s.y + s.h);
      // LB → server leaves the LB's bottom and enters the server's top.
      expect(segment(l, 1, h)).toEqual([lb.x + lb.w / 2, lb.y + lb.h, s.x + s.w / 2, s.y]);
    }
    // Users and LB sit side by side: that hop stays horizontal.
    const [, y1, , y2] = segment(l, 0, 1)!;
    expect(Math.abs(y1 - y2)).toBeLessThan(l.byHop.get(0)!.h);
    expect(fitZoom(l, { w: 380, h: 520 })).toBeGreaterThan(0.75);
  });

  it('fits 24 servers without overlaps', () => {
    const ids = Array.from({ length: 24 }, (_, i) => i + 1);
    const l = computeLayout({ ...base, serverIds: ids, viewport: { w: 380, h: 600 } });
    const boxes = l.boxes;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });
});
