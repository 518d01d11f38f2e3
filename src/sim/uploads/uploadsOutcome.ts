/**
 * The upload workload's figures in the run's outcome (`outcome.uploads`, see
 * docs/scenario-format.md), and what the picture shows: files on each server's disk, in
 * object storage and in the store's memory. Counters are kept as the run goes; this only adds
 * up the servers (a snapshot or two a second), never the videos.
 */
import { mean, quantile } from '../histogram.ts';
import type { SimState } from '../model.ts';
import { storeUsedMB } from './uploadsRules.ts';

export interface UploadsOutcome {
  placement: string;
  conversion: string;
  uploaders: number;
  videos: {
    /** Uploads the uploaders started. */
    started: number;
    /** Stored where the placement keeps them, and the uploader told so. */
    uploaded: number;
    /** Being sent right now (or waiting to be sent again). */
    uploading: number;
    /** Upload tries that failed and were sent again. */
    resent: number;
    /** Refused by a full session store. */
    refused: number;
    /** Never got through before the uploader stopped waiting. */
    abandoned: number;
    /** Destroyed after they were stored: with a server's disk, or with a wiped store. */
    lost: number;
    /** Where the files are now. */
    onServerDisks: number;
    inObjectStorage: number;
    inStore: number;
  };
  conversions: {
    done: number;
    /** Running now: on servers' workers or in functions. */
    running: number;
    /** Waiting for a server's conversion job or a free function. */
    waiting: number;
    /** Died with the server that ran them or held them waiting. */
    lost: number;
  };
  reads: {
    /** "Is my video ready?" checks that a live server answered. */
    total: number;
    /** Answered "no such video": it is on another server's disk, or gone. */
    notFound: number;
    /** notFound / total. */
    notFoundShare: number;
    /** Checks that got no answer (no healthy server, server died, store down). */
    failed: number;
  };
  ready: {
    /** Videos their uploader saw converted. */
    videos: number;
    /** Videos their uploader stopped checking for without seeing them ready. */
    gaveUp: number;
    /** From starting the upload to seeing the converted video, in seconds. */
    meanS: number;
    p95S: number;
  };
  store: {
    /** Memory the session store uses (videos and sessions), and its `maxmemory`, in MB. */
    usedMB: number;
    limitMB: number;
    /** Sessions the store evicted to make room for videos (volatile-lru). */
    sessionsEvicted: number;
  };
  functions: { running: number; waiting: number };
  /** Per server id: files on its disk, its running conversion (0 or 1) and those waiting. */
  perServer: { server: number; onDisk: number; converting: number; waiting: number }[];
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function uploadsOutcome(s: SimState): UploadsOutcome | null {
  const u = s.uploads;
  if (!u) return null;
  const k = u.counters;
  let onServerDisks = 0;
  let serverRunning = 0;
  let serverWaiting = 0;
  const perServer = s.servers.map((srv) => {
    const su = u.servers[srv.id];
    const onDisk = su?.onDisk ?? 0;
    const converting = su && su.converting !== 0 ? 1 : 0;
    const waiting = su?.waiting.length ?? 0;
    onServerDisks += onDisk;
    serverRunning += converting;
    serverWaiting += waiting;
    return { server: srv.id, onDisk, converting, waiting };
  });
  return {
    placement: u.cfg.placement,
    conversion: u.cfg.conversion,
    uploaders: u.uploaders.length,
    videos: {
      started: k.started,
      uploaded: k.uploaded,
      uploading: k.started - k.uploaded - k.refused - k.abandoned,
      resent: k.resent,
      refused: k.refused,
      abandoned: k.abandoned,
      lost: k.lostVideos,
      onServerDisks,
      inObjectStorage: u.objectVideos,
      inStore: u.storeVideos,
    },
    conversions: {
      done: k.converted,
      running: serverRunning + u.functionsRunning,
      waiting: serverWaiting + u.functionQueue.length,
      lost: k.lostConversions,
    },
    reads: {
      total: k.reads,
      notFound: k.notFound,
      notFoundShare: k.reads > 0 ? round(k.notFound / k.reads, 4) : 0,
      failed: k.failedReads,
    },
    ready: {
      videos: k.ready,
      gaveUp: k.gaveUp,
      meanS: round(mean(u.readyMs) / 1000, 2),
      p95S: round(quantile(u.readyMs, 0.95) / 1000, 2),
    },
    store: {
      usedMB: u.cfg.placement === 'session-store' ? round(storeUsedMB(s, u), 1) : 0,
      limitMB: u.cfg.storeMemoryMB,
      sessionsEvicted: k.sessionsEvicted,
    },
    functions: { running: u.functionsRunning, waiting: u.functionQueue.length },
    perServer,
  };
}
