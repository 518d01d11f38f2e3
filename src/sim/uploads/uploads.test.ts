/**
 * The upload model's rules: a server's crash destroys the files on its disk and the
 * conversions there, never a file in object storage; without stickiness a check finds a
 * file on one server's disk only as often as the balancer happens to pick that server; with
 * stickiness it always does; the session store fills when the videos reach its memory limit
 * and then evicts sessions and refuses videos; a conversion on a server holds one of its
 * workers; runs are deterministic; and a scenario without uploads runs exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { outcome } from '../outcome.ts';
import { presetScenario } from '../presets.ts';
import type { Scenario, UploadSettings } from '../scenario.ts';
import { validateScenario } from '../scenarioSchema.ts';
import { brokenInvariants } from '../testkit.ts';
import { storeUsedMB } from './uploadsRules.ts';

const KILL_S = 40;
/** The store's default `maxmemory`: an ElastiCache cache.t3.micro's 0.5 GiB less 25 %. */
const LIMIT_MB = 384;

function scenario(uploads: UploadSettings, extra: Partial<Scenario> = {}): Scenario {
  return {
    version: 1,
    seed: 5,
    durationS: 300,
    architecture: 'session-store',
    store: { kind: 'redis', replicas: 1 },
    loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    servers: { count: 3 },
    users: { count: 40 },
    uploads: { uploaders: 30, uploadIntervalS: 30, conversionS: 20, ...uploads },
    ...extra,
  };
}

const crash = { timeline: [{ atS: KILL_S, action: 'kill-server' as const, server: 1 }] };

function sim(s: Scenario): Simulation {
  const v = validateScenario(s);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return Simulation.fromScenario(v.scenario);
}

describe('a server crash', () => {
  it('destroys the files on its disk and its conversions, and nothing else', () => {
    const run = sim(scenario({ placement: 'server-disk' }, crash));
    run.runUntil(KILL_S * 1000 - 1);
    const before = outcome(run.state).uploads!;
    const on1 = before.perServer[0]!;
    const others = before.perServer.slice(1).reduce((n, p) => n + p.onDisk, 0);
    expect(on1.onDisk).toBeGreaterThan(0);
    expect(before.videos.lost).toBe(0);
    run.runUntil(KILL_S * 1000 + 1);
    const after = outcome(run.state).uploads!;
    expect(after.videos.lost).toBe(on1.onDisk);
    expect(after.conversions.lost).toBe(on1.converting + on1.waiting);
    expect(after.perServer[0]).toEqual({ server: 1, onDisk: 0, converting: 0, waiting: 0 });
    // Files on the other disks are untouched (some may have just arrived).
    expect(after.perServer.slice(1).reduce((n, p) => n + p.onDisk, 0)).toBeGreaterThanOrEqual(
      others,
    );
    run.runToEnd();
    expect(brokenInvariants(run.state)).toEqual([]);
  });

  it('never loses a file in object storage, and every upload gets through', () => {
    const run = sim(scenario({ placement: 'object-store' }, crash));
    run.runToEnd();
    const u = outcome(run.state).uploads!;
    expect(u.conversion).toBe('functions');
    expect(u.videos.lost).toBe(0);
    expect(u.conversions.lost).toBe(0);
    expect(u.reads.notFound).toBe(0);
    expect(u.videos.inObjectStorage).toBe(u.videos.uploaded);
    // Uploads on their way into server 1 when it died were sent again, and got through.
    expect(u.videos.resent).toBeGreaterThan(0);
    expect(u.videos.abandoned).toBe(0);
    expect(u.videos.started - u.videos.uploaded).toBe(u.videos.uploading);
    expect(brokenInvariants(run.state)).toEqual([]);
  });

  it('loses a server-run conversion but not the file when the file is in the store', () => {
    const run = sim(scenario({ placement: 'session-store', storeMemoryMB: 100_000 }, crash));
    run.runToEnd();
    const u = outcome(run.state).uploads!;
    expect(u.videos.lost).toBe(0);
    expect(u.conversions.lost).toBeGreaterThan(0);
    expect(u.reads.notFound).toBe(0);
  });
});

describe('checks without and with stickiness', () => {
  // Uploads only, so every pick the balancer makes is an uploader's; no crash.
  const alone = { users: { count: 0 }, durationS: 600 } as const;

  it.each([3, 4])(
    'with %i servers and no stickiness, about (N − 1)/N of checks find nothing',
    (n) => {
      const run = sim(
        scenario(
          { placement: 'server-disk', conversionS: 60, patienceS: 600 },
          {
            ...alone,
            servers: { count: n, workers: 8 },
            loadBalancer: { algorithm: 'random', sticky: 'none' },
          },
        ),
      );
      run.runToEnd();
      const r = outcome(run.state).uploads!.reads;
      expect(r.total).toBeGreaterThan(20_000);
      // Each check lands on the file's server with probability 1/N: the share's standard
      // error is about 0.003 with this many checks.
      expect(Math.abs(r.notFoundShare - (n - 1) / n)).toBeLessThan(0.015);
    },
  );

  it('round robin gives the same share', () => {
    const run = sim(scenario({ placement: 'server-disk', conversionS: 60 }, alone));
    run.runToEnd();
    const r = outcome(run.state).uploads!.reads;
    expect(Math.abs(r.notFoundShare - 2 / 3)).toBeLessThan(0.05);
  });

  it('with cookie stickiness every check finds the file, until its server dies', () => {
    const sticky = { algorithm: 'round-robin', sticky: 'cookie' } as const;
    const run = sim(scenario({ placement: 'server-disk' }, { ...alone, loadBalancer: sticky }));
    run.runToEnd();
    const u = outcome(run.state).uploads!;
    expect(u.reads.total).toBeGreaterThan(1000);
    expect(u.reads.notFound).toBe(0);
    expect(u.ready.videos).toBeGreaterThan(0);

    const crashed = sim(
      scenario({ placement: 'server-disk' }, { ...alone, ...crash, loadBalancer: sticky }),
    );
    crashed.runToEnd();
    const c = outcome(crashed.state).uploads!;
    expect(c.videos.lost).toBeGreaterThan(0);
    // The uploaders pinned to server 1 are pinned elsewhere, where their old files are not.
    expect(c.reads.notFound).toBeGreaterThan(0);
  });
});

describe('videos in the session store', () => {
  const store = (seed: number, users: number) =>
    sim(
      scenario(
        { placement: 'session-store', uploaders: 10, uploadIntervalS: 60, videoMB: 50 },
        { seed, users: { count: users }, durationS: 400 },
      ),
    );

  it('fill its memory at the predicted count and then evict sessions and refuse videos', () => {
    const run = store(5, 40);
    const u = run.state.uploads!;
    // Step until the first refusal, watching the memory as it fills.
    let stepsLeft = 2_000_000;
    while (u.counters.refused === 0 && stepsLeft-- > 0) {
      expect(storeUsedMB(run.state, u)).toBeLessThanOrEqual(LIMIT_MB + 50);
      if (!run.step()) break;
    }
    expect(u.counters.refused).toBe(1);
    // Redis checks the limit before each write: the 8th 50 MB video still goes in (350 MB and
    // the sessions are under 384 MB), the 9th finds 400 MB and is refused.
    expect(u.storeVideos).toBe(Math.floor(LIMIT_MB / 50) + 1);
    expect(u.storeVideos).toBe(8);
    expect(u.counters.sessionsEvicted).toBeGreaterThan(0);
    expect(run.state.store.sessions.size).toBe(0);
    run.runToEnd();
    const o = outcome(run.state);
    expect(o.uploads!.store.usedMB).toBeGreaterThan(LIMIT_MB);
    expect(o.uploads!.store.limitMB).toBe(LIMIT_MB);
    expect(o.uploads!.videos.inStore).toBe(8);
    expect(o.uploads!.videos.refused).toBeGreaterThan(0);
    // The evicted shoppers find no session on their next request and must log in again.
    expect(o.sessions.lost).toBeGreaterThan(0);
  });

  it('fill at the time uploads × size says (mean over seeds)', () => {
    // 10 uploaders, one upload a minute each: the 9th upload starts after 54 s on average,
    // and is refused when its 10 s transfer ends.
    const times: number[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const run = store(seed, 0);
      const u = run.state.uploads!;
      while (u.counters.refused === 0 && run.step());
      times.push(run.nowMs / 1000);
    }
    const meanS = times.reduce((a, b) => a + b, 0) / times.length;
    expect(meanS).toBeGreaterThan(64 * 0.8);
    expect(meanS).toBeLessThan(64 * 1.2);
  });

  it('are gone when the store dies without a replica or a file to come back from', () => {
    const run = sim(
      scenario(
        { placement: 'session-store', storeMemoryMB: 100_000 },
        { store: { kind: 'redis', replicas: 0 }, timeline: [{ atS: 60, action: 'kill-store' }] },
      ),
    );
    run.runUntil(59_999);
    const inStore = outcome(run.state).uploads!.videos.inStore;
    expect(inStore).toBeGreaterThan(0);
    run.runUntil(61_000);
    const u = outcome(run.state).uploads!;
    expect(u.videos.lost).toBe(inStore);
    expect(u.videos.inStore).toBe(0);
    run.runUntil(100_000);
    expect(outcome(run.state).uploads!.reads.failed).toBeGreaterThan(0);
  });
});

describe('a conversion on an app server', () => {
  it('holds one of its workers, so shop requests wait behind it', () => {
    const shop = { servers: { count: 3, workers: 2 }, users: { count: 150 }, durationS: 200 };
    const onServers = sim(scenario({ placement: 'server-disk' }, shop));
    let maxConverting = 0;
    while (onServers.nowMs < 200_000) {
      onServers.runUntil(onServers.nowMs + 1000);
      const o = outcome(onServers.state).uploads!;
      maxConverting = Math.max(maxConverting, o.conversions.running);
      for (const p of o.perServer) {
        const srv = onServers.state.servers[p.server - 1]!;
        expect(srv.busy).toBeGreaterThanOrEqual(p.converting);
      }
    }
    expect(maxConverting).toBeGreaterThan(0);
    expect(brokenInvariants(onServers.state)).toEqual([]);
    const inFunctions = sim(scenario({ placement: 'object-store' }, shop));
    inFunctions.runToEnd();
    const slow = outcome(onServers.state).latencyMs.mean;
    const fast = outcome(inFunctions.state).latencyMs.mean;
    expect(slow).toBeGreaterThan(fast * 1.02);
  });
});

describe('determinism', () => {
  it('gives the same outcome for the same seed, another for another seed', () => {
    const a = sim(scenario({ placement: 'server-disk' }, crash));
    const b = sim(scenario({ placement: 'server-disk' }, crash));
    const c = sim(scenario({ placement: 'server-disk' }, { ...crash, seed: 6 }));
    for (const x of [a, b, c]) x.runToEnd();
    expect(outcome(b.state)).toEqual(outcome(a.state));
    expect(c.eventLogHash).not.toBe(a.eventLogHash);
  });

  it('replays the same from a checkpoint', () => {
    const straight = sim(scenario({ placement: 'session-store' }, crash));
    straight.runToEnd();
    const forked = sim(scenario({ placement: 'session-store' }, crash));
    forked.runUntil(50_000);
    const saved = forked.checkpoint();
    forked.runToEnd();
    forked.restore(saved);
    forked.runToEnd();
    expect(forked.eventLogHash).toBe(straight.eventLogHash);
  });

  it('leaves a scenario without uploads exactly as it ran before uploads existed', () => {
    // Event-log hashes of presets recorded before the upload model was added.
    const before: Record<string, string> = {
      'first-crash': '0a39fd43',
      'store-crash': '3440c1a5',
      'rolling-deploy-stateful': '521c350d',
      'chat-server-memory': '23029119',
    };
    for (const [name, hash] of Object.entries(before)) {
      const run = Simulation.fromScenario(presetScenario(name)!);
      run.runToEnd();
      expect(run.eventLogHash, name).toBe(hash);
      expect(outcome(run.state).uploads).toBeNull();
      expect(run.state.uploads).toBeNull();
    }
  });
});

describe('the scenario format', () => {
  it('refuses functions without object storage, and videos in a store that is not Redis', () => {
    const bad = validateScenario(scenario({ placement: 'server-disk', conversion: 'functions' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^uploads: conversion "functions" needs/);
    const dynamo = validateScenario(
      scenario({ placement: 'session-store' }, { store: { kind: 'dynamodb' } }),
    );
    expect(dynamo.ok).toBe(false);
    if (!dynamo.ok) expect(dynamo.errors[0]).toMatch(/^uploads\.placement: placement "session/);
    const big = validateScenario(scenario({ uploaders: 1e6 }));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.errors[0]).toMatch(/^uploads\.uploaders: must be a whole number/);
  });
});
