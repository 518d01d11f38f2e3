/**
 * The request-dot layer: one <canvas> over the React Flow viewport, redrawn by its own
 * requestAnimationFrame loop from the hop buffer and the view clock. React renders this
 * component only when the layout or the motion preference changes, never per frame.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useSimSession } from '../SimContext.tsx';
import { NAMED_USERS } from '../../sim/index.ts';
import { viewTimeMs } from '../../store/viewClock.ts';
import { MAX_HOPS } from '../../store/hopBuffer.ts';
import { segmentTable, type TopologyLayout } from './layout.ts';
import { edgeKey, type EdgeRate } from './hopRules.ts';
import { DotPainter, type Credential, type Theme } from './paintDots.ts';
import type * as RatesModule from './paintRates.ts';
import type { RateExtras } from './paintRates.ts';
import type { RouteMemory } from './routeMemory.ts';
import { namedShown } from './graph.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';
import { useReducedMotion } from './useReducedMotion.ts';
import { dotStats } from './dotStats.ts';

/** A failure burst's ring, and its reason label, in wall ms at the current speed. */
const BURST_WALL_MS = 600;
const LABEL_WALL_MS = 1600;
/** Reduced motion: rates over the last simulated second, recounted twice a second. */
const RATE_WINDOW_MS = 1000;
const RATE_EVERY_WALL_MS = 500;
const PRUNE_EVERY_WALL_MS = 500;
const THEME_EVERY_WALL_MS = 1000;

function readTheme(el: Element): Theme {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string): string =>
    cs.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1b1d21'),
    panel: v('--panel', '#ffffff'),
    bad: v('--bad', '#b3261e'),
    accent: v('--accent', '#2754c5'),
    muted: v('--muted', '#545b66'),
    border: v('--border', '#d5d8dd'),
  };
}

/** Edge keys of every edge in the layout (what the reduced-motion view labels). */
function layoutEdges(layout: TopologyLayout): number[] {
  const keys = [edgeKey(0, 1)];
  for (const b of layout.boxes) {
    if (b.kind !== 'server') continue;
    keys.push(edgeKey(1, b.hop));
    if (layout.byHop.has(2)) keys.push(edgeKey(b.hop, 2));
    keys.push(edgeKey(b.hop, 3));
  }
  return keys;
}

const INITIALS = NAMED_USERS.map((n) => n.charAt(0));

/** "Alice:1-5 Bob:1-4": the LB → server link each named user's latest request took. */
function latestLinks(routes: RouteMemory, names: readonly string[]): string {
  const out: string[] = [];
  names.forEach((name, u) => {
    const r = routes.latest(u);
    if (r && r.server >= 0) out.push(`${name}:1-${r.server}`);
  });
  return out.join(' ');
}

function credentialOf(snap: Snapshot | null): Credential | undefined {
  if (!snap) return undefined;
  return {
    kind: snap.architecture === 'jwt' ? 'token' : 'cookie',
    bytes: snap.outcome.bytesPerRequest.credential,
  };
}

export function DotLayer({ layout }: { layout: TopologyLayout }) {
  const session = useSimSession();
  const flow = useStoreApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const reduced = useReducedMotion();
  // The reduced-motion painter is its own chunk, fetched the first time it is needed.
  const [ratesView, setRatesView] = useState<typeof RatesModule | null>(null);
  useEffect(() => {
    if (reduced && !ratesView) void import('./paintRates.ts').then((m) => setRatesView(m));
  }, [reduced, ratesView]);
  const table = useMemo(() => segmentTable(layout), [layout]);
  const edges = useMemo(() => layoutEdges(layout), [layout]);
  const boxes = layout.boxes;

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const painter = new DotPainter();
    let width = 0;
    let height = 0;
    let dpr = 1;
    let sizeVersion = 0;
    const resize = (): void => {
      const rect = canvas.getBoundingClientRect();
      dpr = window.devicePixelRatio || 1;
      width = rect.width;
      height = rect.height;
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      sizeVersion++;
    };
    resize();
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);

    let theme = readTheme(canvas);
    let themeKey = JSON.stringify(theme);
    let themeVersion = 0;
    let lastTheme = 0;
    let lastPrune = 0;
    let lastRates = -Infinity;
    let rates = new Map<number, EdgeRate>();
    const routes = ratesView ? new ratesView.RouteMemory(NAMED_USERS.length) : null;
    let extras: RateExtras | undefined;
    let ratesVersion = 0;
    let drawnKey = '';
    let raf = 0;

    const frame = (now: number): void => {
      raf = requestAnimationFrame(frame);
      const hops = session.hops;
      const clock = session.clock;
      const viewMs = viewTimeMs(clock, now);
      const speed = Math.max(clock.speed, 1e-6);
      const burstMs = BURST_WALL_MS * speed;
      const labelMs = LABEL_WALL_MS * speed;
      if (now - lastPrune > PRUNE_EVERY_WALL_MS) {
        lastPrune = now;
        // Reduced motion reads routes between recounts: keep the hops of that span too.
        const keep = reduced ? Math.max(RATE_WINDOW_MS, 2 * RATE_EVERY_WALL_MS * speed) : 0;
        hops.prune(viewMs, Math.max(labelMs, keep));
      }
      if (now - lastTheme > THEME_EVERY_WALL_MS) {
        lastTheme = now;
        const next = readTheme(canvas);
        const key = JSON.stringify(next);
        if (key !== themeKey) {
          theme = next;
          themeKey = key;
          themeVersion++;
        }
      }
      const [tx, ty, zoom] = flow.getState().transform;
      const view = { tx, ty, zoom };
      if (reduced) {
        if (!ratesView || !routes) return;
        if (now - lastRates > RATE_EVERY_WALL_MS) {
          lastRates = now;
          rates = ratesView.edgeRates(
            hops.data,
            hops.count,
            viewMs,
            RATE_WINDOW_MS,
            hops.count >= MAX_HOPS,
          );
          routes.observe(hops.data, hops.count, viewMs);
          const st = session.store.getState();
          const follow = st.followUser;
          extras = {
            marks: ratesView.linkMarks(routes, st.snapshot ? namedShown(st.snapshot) : 0, edgeKey),
            initials: INITIALS,
            follow,
            followRoute: follow !== null ? routes.latest(follow) : undefined,
            credential: credentialOf(st.snapshot),
            lbBox: layout.byHop.get(1),
            boxes,
          };
          // The same routes in words on the canvas element, for tests and inspection.
          const latest = latestLinks(routes, NAMED_USERS);
          if (canvas.dataset.latestLinks !== latest) canvas.dataset.latestLinks = latest;
          ratesVersion++;
        }
        const key = `${ratesVersion}|${tx}|${ty}|${zoom}|${sizeVersion}|${themeVersion}`;
        if (key === drawnKey) return;
        drawnKey = key;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ratesView.paintRates(ctx, width, height, table, edges, rates, view, theme, extras);
        return;
      }
      const st = session.store.getState();
      const follow = st.followUser;
      const snap = st.snapshot;
      // Paused and nothing moved: keep the last picture.
      const key = `${viewMs}|${hops.version}|${tx}|${ty}|${zoom}|${sizeVersion}|${themeVersion}|${follow}`;
      if (key === drawnKey) return;
      drawnKey = key;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      painter.paint(ctx, width, height, {
        data: hops.data,
        count: hops.count,
        viewMs,
        view,
        table,
        follow,
        burstMs,
        labelMs,
        theme,
        initials: INITIALS,
        boxes,
        credential: credentialOf(snap),
      });
      dotStats.perEdge = painter.drawn;
    };
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      ro.disconnect();
    };
  }, [session, flow, table, edges, boxes, layout, reduced, ratesView]);

  return <canvas ref={canvasRef} className="topo-dots" aria-hidden="true" />;
}
