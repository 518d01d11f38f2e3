import { describe, expect, it } from 'vitest';
import { Simulation, presetScenario } from '../../sim/index.ts';
import { buildSnapshot } from '../../worker/buildSnapshot.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';
import {
  buildEdges,
  buildNodes,
  namedShown,
  reuseNodes,
  sameData,
  visibleChips,
  type ServerNodeT,
} from './graph.ts';
import { computeLayout } from './layout.ts';

function snapshotAt(preset: string, ms: number, kill?: number): Snapshot {
  const sim = Simulation.fromScenario(presetScenario(preset)!);
  sim.runUntil(ms);
  if (kill) sim.command({ action: 'kill-server', server: kill });
  return buildSnapshot(sim.state, [], []);
}

function layoutFor(s: Snapshot) {
  return computeLayout({
    serverIds: s.servers.map((x) => x.id),
    storePresent: s.store.present,
    serverChips: s.architecture === 'in-memory',
    namedShown: namedShown(s),
  });
}

describe('visibleChips', () => {
  const chips = Array.from({ length: 30 }, (_, i) => ({ userIdx: i, items: [] }));
  it('keeps room for "+N more" when not everything fits', () => {
    const v = visibleChips(chips, 20, 120);
    expect(v.shown).toHaveLength(17);
    expect(v.more).toBe(103);
  });
  it('shows all when they fit', () => {
    expect(visibleChips(chips.slice(0, 5), 20, 5)).toEqual({ shown: chips.slice(0, 5), more: 0 });
    expect(visibleChips(chips, 0, 30).shown).toHaveLength(0);
  });
  it('shows a user once even when an old session of theirs is still on the server', () => {
    const twice = [
      { userIdx: 6, items: [1] },
      { userIdx: 1, items: [] },
      { userIdx: 6, items: [] },
    ];
    expect(visibleChips(twice, 20, 3).shown).toEqual([twice[1], twice[2]]);
  });
});

describe('buildNodes', () => {
  const snap = snapshotAt('sticky-crash', 20_000);
  const layout = layoutFor(snap);

  it('makes one node per box, server data from the snapshot', () => {
    const nodes = buildNodes({ snapshot: snap, layout, follow: null, inspected: null });
    expect(nodes.map((n) => n.id)).toEqual(layout.boxes.map((b) => b.id));
    const s1 = nodes.find((n) => n.id === 'server-1') as ServerNodeT;
    expect(s1.data.sessionCount).toBe(snap.servers[0]!.sessionCount);
    expect(s1.data.holdsSessions).toBe(true);
    expect(s1.width).toBe(layout.byHop.get(4)!.w);
  });

  it('highlights the server holding the followed user', () => {
    const u = snap.users.named.find((x) => typeof x.home === 'number')!;
    const nodes = buildNodes({ snapshot: snap, layout, follow: u.idx, inspected: null });
    for (const n of nodes) {
      if (n.type !== 'server') continue;
      expect(n.data.highlight).toBe(n.data.id === u.home ? u.idx : null);
    }
  });

  it('reuses unchanged nodes so their components do not re-render', () => {
    const a = buildNodes({ snapshot: snap, layout, follow: null, inspected: null });
    const b = reuseNodes(
      a,
      buildNodes({ snapshot: structuredClone(snap), layout, follow: null, inspected: null }),
    );
    expect(b.every((n, i) => n === a[i])).toBe(true);
    const killed = snapshotAt('sticky-crash', 20_000, 2);
    const c = reuseNodes(
      a,
      buildNodes({ snapshot: killed, layout, follow: null, inspected: null }),
    );
    expect(c.find((n) => n.id === 'server-2')).not.toBe(a.find((n) => n.id === 'server-2'));
    expect(c.find((n) => n.id === 'db')).toBe(a.find((n) => n.id === 'db'));
  });

  it('compares chips by content', () => {
    expect(
      sameData({ chips: [{ userIdx: 1, items: [2] }] }, { chips: [{ userIdx: 1, items: [2] }] }),
    ).toBe(true);
    expect(
      sameData({ chips: [{ userIdx: 1, items: [2] }] }, { chips: [{ userIdx: 1, items: [3] }] }),
    ).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('buildEdges', () => {
  it('links users, LB, servers, store and database, dashing dead servers', () => {
    const snap = snapshotAt('shared-store', 5_000, 1);
    const edges = buildEdges(snap, layoutFor(snap));
    const ids = edges.map((e) => e.id);
    expect(ids).toContain('users->lb');
    expect(ids).toContain('lb->server-3');
    expect(ids).toContain('server-2->store');
    expect(ids).toContain('server-2->db');
    expect(edges.find((e) => e.id === 'lb->server-1')!.className).toContain('dead');
    expect(edges.every((e) => e.type === 'straight')).toBe(true);
  });
});
