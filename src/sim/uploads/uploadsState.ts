/**
 * The upload workload's state: plain data (arrays, Maps, numbers) so it survives a checkpoint
 * copy with the rest of the state. Rules that change it are in uploadsRules.ts.
 *
 * Each uploader sends a video now and then; the video's file lands where the scenario's
 * `placement` says (one server's disk, object storage, or the session store's memory) and is
 * converted where `conversion` says (on that server, or by a function the object store
 * triggers). The uploader then asks "is it ready?" every few seconds, through the load
 * balancer, until it is or the uploader gives up.
 */
import { createHistogram, type Histogram } from '../histogram.ts';
import { createStream, type RandomStream } from '../random.ts';
import type { ResolvedUploads } from '../scenario.ts';

/** Event kinds of the upload model, numbered apart from the core's and the chat model's. */
export const UploadEv = {
  /** An uploader starts a new upload (arg: uploader index). */
  Upload: 60,
  /** A video's bytes have all reached the server it was sent to (arg: video id). */
  Received: 61,
  /** The store or object storage has answered the server's write (arg: video id). */
  Stored: 62,
  /** An upload that failed is sent again (arg: video id). */
  Resend: 63,
  /** The uploader sends a "ready?" check (arg: video id). */
  Check: 64,
  /** A check reaches its server, which looks for the video (arg: video id). */
  CheckAt: 65,
  /** A conversion finishes (arg: video id). */
  Converted: 66,
  /** The object store's event has started a function for a video (arg: video id). */
  Trigger: 67,
} as const;
export const UPLOADS_EV_MIN = 60;
export const UPLOADS_EV_MAX = 67;

export const VideoStatus = {
  /** Being sent (or waiting to be sent again after a failed try). */
  Uploading: 0,
  /** Stored where the placement says: the uploader has been told it is uploaded. */
  Stored: 1,
  /** The file was destroyed after it was stored (its server's disk, or a wiped store). */
  Lost: 2,
  /** The session store was full and refused it. */
  Refused: 3,
  /** The uploader stopped waiting before the upload got through. */
  Abandoned: 4,
} as const;

export const ConvertStatus = {
  /** Not started: waiting for the file, a worker or a function. */
  Waiting: 0,
  Running: 1,
  Done: 2,
  /** Its server died while it ran or waited; nobody starts it again. */
  Lost: 3,
} as const;

export interface Video {
  id: number;
  uploader: number;
  /** When the uploader started sending it (ms). */
  startMs: number;
  status: number;
  convert: number;
  /** Server the current upload try went to, and when it was sent (ms). */
  viaServer: number;
  viaSentMs: number;
  /** Server whose disk holds the file / that converts it (0 = none). */
  home: number;
  /** Server that runs the conversion, and when it started there (ms). */
  convertServer: number;
  convertStartMs: number;
  /** Due times of the video's pending steps; an event at another time is stale. */
  receivedDueMs: number;
  storedDueMs: number;
  resendDueMs: number;
  checkDueMs: number;
  checkAtDueMs: number;
  convertedDueMs: number;
  /** Server the current check went to, and when it was sent (ms). */
  checkServer: number;
  checkSentMs: number;
  /** The uploader has seen it converted and plays it. */
  seenReady: boolean;
  /** Still checking (false once seen ready or given up). */
  checking: boolean;
}

/** What one server holds: video files on its disk and its conversion job. */
export interface ServerUploads {
  /** Files on this server's disk (server-disk). */
  onDisk: number;
  /** The video its conversion job runs now (0 = idle). */
  converting: number;
  /** Videos waiting for that job, first in first out. */
  waiting: number[];
}

export interface UploadCounters {
  /** Uploads the uploaders started. */
  started: number;
  /** Stored and acknowledged. */
  uploaded: number;
  /** Upload tries that failed (server died, no healthy server, store down) and were resent. */
  resent: number;
  refused: number;
  abandoned: number;
  /** Files destroyed after they were stored. */
  lostVideos: number;
  /** Conversions that died with their server (running or waiting there). */
  lostConversions: number;
  converted: number;
  /** Checks that reached a live server and got an answer about the video. */
  reads: number;
  /** Of those, answered "no such video": the file is on another server's disk, or gone. */
  notFound: number;
  /** Checks that got no answer: no healthy server, the server died, the store was down. */
  failedReads: number;
  /** Videos their uploader saw converted. */
  ready: number;
  /** Videos their uploader stopped checking without seeing them ready. */
  gaveUp: number;
  /** Sessions the store evicted to make room for a video (volatile-lru). */
  sessionsEvicted: number;
}

export interface Uploader {
  /** Own address and session id, for the load balancer's hash and cookie stickiness. */
  ip: number;
  sessionId: number;
  cookieServer: number;
  cookieSetMs: number;
  /** When the next upload is due (ms): an Upload event at another time is stale. */
  nextUploadMs: number;
}

export interface UploadsState {
  cfg: ResolvedUploads;
  uploaders: Uploader[];
  videos: Map<number, Video>;
  nextVideoId: number;
  /** Per server id (index = id). */
  servers: ServerUploads[];
  /** Files in object storage (object-store). */
  objectVideos: number;
  /** Functions converting now, and videos waiting for one (first in first out). */
  functionsRunning: number;
  functionQueue: number[];
  /** Files in the session store (session-store) and the MB they take. */
  storeVideos: number;
  storeVideoMB: number;
  streams: {
    /** One per uploader: the same seed gives uploader k the same upload times in every design. */
    upload: RandomStream[];
    store: RandomStream;
  };
  counters: UploadCounters;
  /** Time from starting an upload to seeing the converted video, per video seen ready (ms). */
  readyMs: Histogram;
}

export function createUploadsState(cfg: ResolvedUploads, seed: number): UploadsState {
  const uploaders: Uploader[] = [];
  const upload: RandomStream[] = [];
  for (let i = 0; i < cfg.uploaders; i++) {
    uploaders.push({
      ip: UPLOADER_IP_BASE + i,
      sessionId: UPLOADER_SESSION_BASE + i,
      cookieServer: 0,
      cookieSetMs: 0,
      nextUploadMs: -1,
    });
    upload.push(createStream(seed, `uploads-uploader:${i}`));
  }
  return {
    cfg,
    uploaders,
    videos: new Map(),
    nextVideoId: 1,
    servers: [],
    objectVideos: 0,
    functionsRunning: 0,
    functionQueue: [],
    storeVideos: 0,
    storeVideoMB: 0,
    streams: { upload, store: createStream(seed, 'uploads-store') },
    counters: {
      started: 0,
      uploaded: 0,
      resent: 0,
      refused: 0,
      abandoned: 0,
      lostVideos: 0,
      lostConversions: 0,
      converted: 0,
      reads: 0,
      notFound: 0,
      failedReads: 0,
      ready: 0,
      gaveUp: 0,
      sessionsEvicted: 0,
    },
    readyMs: createHistogram(),
  };
}

/**
 * Uploaders' addresses and session ids sit far above the shop users' (addresses 1…, 1000 + k;
 * session ids counted from 1), so no hash puts an uploader and a shopper together by design.
 */
const UPLOADER_IP_BASE = 0x20000000;
const UPLOADER_SESSION_BASE = 0x40000000;

export function serverUploads(u: UploadsState, id: number): ServerUploads {
  let v = u.servers[id];
  if (!v) {
    v = { onDisk: 0, converting: 0, waiting: [] };
    u.servers[id] = v;
  }
  return v;
}
