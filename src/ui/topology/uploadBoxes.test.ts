/**
 * In an upload run the boxes say where the videos live: each server its disk's files and its
 * conversions, the store its memory against the limit, the database box the videos in object
 * storage. The words are counted from the snapshot, so they follow the run.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, type Scenario, type UploadPlacement } from '../../sim/index.ts';
import { buildSnapshot } from '../../worker/buildSnapshot.ts';
import {
  buildNodes,
  namedShown,
  type DbNodeT,
  type ServerNodeT,
  type StoreNodeT,
} from './graph.ts';
import { computeLayout } from './layout.ts';
import { objectStorageWords, serverVideoWords, storeVideoWords } from './words.ts';

function uploadScenario(placement: UploadPlacement): Scenario {
  return {
    version: 1,
    seed: 3,
    durationS: 120,
    architecture: 'session-store',
    store: { kind: 'redis', replicas: 1 },
    loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    servers: { count: 3 },
    users: { count: 20 },
    uploads: { uploaders: 30, uploadIntervalS: 20, conversionS: 20, placement },
    timeline: [{ atS: 40, action: 'kill-server', server: 1 }],
  };
}

function nodesAt(placement: UploadPlacement, ms: number) {
  const sim = Simulation.fromScenario(uploadScenario(placement));
  sim.runUntil(ms);
  const s = buildSnapshot(sim.state, [], []);
  const layout = computeLayout({
    serverIds: s.servers.map((x) => x.id),
    storePresent: s.store.present,
    serverChips: s.architecture === 'in-memory',
    namedShown: namedShown(s),
  });
  const nodes = buildNodes({ snapshot: s, layout, follow: null, inspected: null });
  return {
    u: s.outcome.uploads!,
    servers: nodes.filter((n): n is ServerNodeT => n.type === 'server'),
    store: nodes.find((n): n is StoreNodeT => n.type === 'store')!,
    db: nodes.find((n): n is DbNodeT => n.type === 'db')!,
  };
}

describe('the words', () => {
  it('count videos on a disk, running and waiting conversions, leaving out empty parts', () => {
    const disk = { placement: 'server-disk' } as const;
    expect(serverVideoWords(disk, { onDisk: 3, converting: 1, waiting: 0 })).toBe(
      '3 videos on disk · 1 converting',
    );
    expect(serverVideoWords(disk, { onDisk: 1, converting: 1, waiting: 4 })).toBe(
      '1 video on disk · 1 converting · 4 waiting',
    );
    expect(serverVideoWords(disk, null)).toBe('0 videos on disk');
    const store = { placement: 'session-store' } as const;
    expect(serverVideoWords(store, { onDisk: 0, converting: 1, waiting: 2 })).toBe(
      'Videos · 1 converting · 2 waiting',
    );
    expect(serverVideoWords(store, { onDisk: 0, converting: 0, waiting: 0 })).toBeNull();
  });

  it('say the store memory against its limit, and when it is past it', () => {
    expect(storeVideoWords({ usedMB: 420.3, limitMB: 512 }, { videos: { inStore: 8 } })).toEqual({
      figures: 'Memory 420 / 512 MB · 8 videos',
      full: false,
    });
    expect(storeVideoWords({ usedMB: 550, limitMB: 512 }, { videos: { inStore: 11 } })).toEqual({
      figures: 'Memory 550 / 512 MB · 11 videos · full',
      full: true,
    });
  });

  it('name object storage with its videos and the functions converting them', () => {
    expect(
      objectStorageWords({
        videos: { inObjectStorage: 40 },
        functions: { running: 2, waiting: 0 },
      }),
    ).toBe('Object storage · 40 videos · 2 converting');
  });
});

describe('the boxes of an upload run', () => {
  it('server disk: each live server shows its own files; the crashed one shows none', () => {
    const { u, servers, db, store } = nodesAt('server-disk', 60_000);
    expect(servers).toHaveLength(3);
    const [one, ...live] = servers;
    expect(one!.data.status).toBe('down');
    expect(one!.data.videos).toBeNull();
    let shown = 0;
    for (const n of live) {
      const p = u.perServer.find((x) => x.server === n.data.id)!;
      expect(n.data.videos).toBe(serverVideoWords(u, p));
      expect(n.data.videos).toMatch(/^\d+ videos? on disk/);
      expect(n.data.holdsVideos).toBe(true);
      shown += p.onDisk;
    }
    expect(shown).toBe(u.videos.onServerDisks);
    expect(shown).toBeGreaterThan(0);
    expect(db.data.objectStorage).toBeNull();
    expect(store.data.videos).toBeNull();
  });

  it('object storage: the database box holds every video, the servers none', () => {
    const { u, servers, db } = nodesAt('object-store', 60_000);
    expect(db.data.objectStorage).toBe(objectStorageWords(u));
    expect(db.data.objectStorage).toMatch(
      new RegExp(`^Object storage · ${u.videos.uploaded} videos`),
    );
    for (const n of servers) {
      expect(n.data.videos).toBeNull();
      expect(n.data.holdsVideos).toBe(false);
    }
  });

  it('session store: the store box shows its memory filling up to full', () => {
    const early = nodesAt('session-store', 11_500);
    expect(early.store.data.videos).toMatch(/^Memory \d+ \/ 384 MB · \d+ videos?$/);
    expect(early.store.data.full).toBe(false);
    expect(early.u.videos.inStore).toBeGreaterThan(0);
    const late = nodesAt('session-store', 110_000);
    expect(late.u.videos.refused).toBeGreaterThan(0);
    expect(late.store.data.full).toBe(true);
    expect(late.store.data.videos).toBe(
      `Memory ${Math.round(late.u.store.usedMB)} / 384 MB · ${late.u.videos.inStore} videos · full`,
    );
  });
});
