/**
 * The model's state: plain data only (numbers, arrays, Maps, typed arrays), so a whole run
 * can be checkpointed with structuredClone and restored later. Rules that change it live in
 * engine.ts, lb.ts and actions.ts.
 */
import { createQueue, type EventQueue } from './heap.ts';
import { createStream, nextUint32, type RandomStream } from './random.ts';
import type { ResolvedScenario, TimedCommand } from './scenario.ts';
import { createHistogram, type Histogram } from './histogram.ts';
import type { ChatState } from './chat/chatState.ts';
import type { UploadsState } from './uploads/uploadsState.ts';
import { STORE_PROFILES } from './catalog.ts';

/** The steps of a shopping journey. */
export const Op = { Login: 0, Browse: 1, AddToCart: 2, ViewCart: 3, Checkout: 4 } as const;
export type Op = (typeof Op)[keyof typeof Op];
export const OP_NAMES = ['login', 'browse', 'add-to-cart', 'view-cart', 'checkout'] as const;

/** Why a request failed. Index 0 means it did not fail. */
export const FAIL_REASONS = [
  'ok',
  'session-lost',
  'no-healthy-server',
  'server-down',
  'store-unavailable',
  'overloaded',
] as const;
export type FailReason = (typeof FAIL_REASONS)[number];
export const Fail = {
  None: 0,
  SessionLost: 1,
  NoHealthyServer: 2,
  ServerDown: 3,
  StoreUnavailable: 4,
  Overloaded: 5,
} as const;

/** Node numbers used on hops: users, load balancer, store, database, then server k at 3 + k. */
export const Node = { Users: 0, Lb: 1, Store: 2, Db: 3 } as const;
export const serverNode = (serverId: number): number => 3 + serverId;

/** Kinds of queued events. */
export const Ev = {
  UserSend: 1,
  ArriveLb: 2,
  ArriveServer: 3,
  IoDone: 4,
  ServiceDone: 5,
  ArriveLbBack: 6,
  ArriveClient: 7,
  HealthCheck: 8,
  ServerBooted: 9,
  DrainCheck: 10,
  Autoscale: 11,
  TtlSweep: 12,
  StoreFailover: 13,
  DeployNext: 14,
  /** A refused connection's error is back at the load balancer, which may try elsewhere. */
  RetryLb: 15,
} as const;

export type ServerStatus = 'booting' | 'up' | 'draining' | 'down';

export interface Session {
  id: number;
  userIdx: number;
  /** Item ids in the cart, in the order added. */
  items: number[];
  /** When each item was written (ms), to know what an asynchronous replica has not seen. */
  itemAtMs: number[];
  createdAtMs: number;
  lastSeenMs: number;
}

export interface Server {
  id: number;
  status: ServerStatus;
  /** What the load balancer believes after its health checks (see operations.ts). */
  lbHealthy: boolean;
  /** Consecutive passed checks while marked down, failed checks while marked up. */
  checkRises: number;
  checkFalls: number;
  /** Where this server's checks sit within the interval (ms), drawn once per server. */
  checkPhaseMs: number;
  /** The server came back from a deploy's restart and waits for the LB to see it healthy. */
  deployAwaitingHealthy: boolean;
  /** Requests the load balancer has sent to this server and not yet seen answered. */
  lbConnections: number;
  workers: number;
  busy: number;
  /** Request slots waiting for a worker, first in first out. */
  queue: number[];
  sessions: Map<number, Session>;
  requests: number;
  failed: number;
  /**
   * Worker occupancy integrated over time (busy worker-ms) up to `busyChangedMs`; see
   * busyWorkerMs in requests.ts for the value at any instant.
   */
  busyMs: number;
  busyChangedMs: number;
  /** busyWorkerMs when the autoscaler last looked. */
  windowBusyMs: number;
  upMs: number;
  upSinceMs: number;
  /** Time in the load balancer's rotation (lbHealthy), and since when (ms). */
  rotationMs: number;
  rotationSinceMs: number;
  peakSessions: number;
  /** Set while a rolling deploy restarts this server. */
  deploying: boolean;
  /** When the current boot completes (ms); an earlier, interrupted boot must not count. */
  bootDoneMs: number;
  drainDeadlineMs: number;
}

export interface User {
  idx: number;
  ip: number;
  heavy: boolean;
  thinkMeanMs: number;
  active: boolean;
  /** The session id this journey uses (0 = none yet). */
  sessionId: number;
  loggedIn: boolean;
  /** The session was already counted as lost (so a later miss is not counted twice). */
  sessionLost: boolean;
  /** Server named by the sticky cookie (0 = none), and when the LB set it (ms). */
  cookieServer: number;
  cookieSetMs: number;
  /**
   * The user's own random streams (common random numbers): the same seed gives the same
   * journeys and think times to user k in every architecture, whatever the others do.
   */
  journeyRng: RandomStream;
  thinkRng: RandomStream;
  /** The journey: operations and, for add-to-cart steps, the item. */
  plan: number[];
  planItems: number[];
  step: number;
  /** Items the user has seen added successfully this journey: what a read should return. */
  cart: number[];
  journeys: number;
  inFlight: boolean;
  /** A UserSend event is queued for this user (at most one may be, or the user doubles). */
  sendPending: boolean;
}

export interface Request {
  /** Unique, increasing request number (slots are reused; numbers are not). */
  no: number;
  userIdx: number;
  op: number;
  item: number;
  sessionId: number;
  server: number;
  startMs: number;
  workStartMs: number;
  bytes: number;
  fail: number;
  /** Whether the pending round trip comes before (1) or after (2) the service time. */
  phase: number;
  /** The pending round trip's target: 1 store, 2 database. */
  io: number;
  /** Servers that refused this request's connection (the LB does not try them again). */
  tried: number[];
  /** Queued or being served by `server`. */
  atServer: boolean;
  workerHeld: boolean;
  /** Not yet ended. */
  live: boolean;
  /** Events still queued for this slot; a slot is reused only when none remain. */
  outstanding: number;
}

export interface StoreState {
  up: boolean;
  replicas: number;
  sessions: Map<number, Session>;
  failingOver: boolean;
  failovers: number;
  /** When the primary last died (ms), to know which writes its replica had not yet seen. */
  killedAtMs: number;
}

export interface Counters {
  requestsStarted: number;
  requestsOk: number;
  requestsFailed: number;
  failedByReason: number[];
  sessionsCreated: number;
  sessionsLost: number;
  sessionsExpired: number;
  /** Session look-ups by requests after login (the denominator of the expired share). */
  sessionReads: number;
  itemsAdded: number;
  itemsLost: number;
  staleReads: number;
  checkoutsCompleted: number;
  checkoutsFailed: number;
  bytesTotal: number;
  /** Refused connections the load balancer sent on to another server. */
  retries: number;
  eventsProcessed: number;
}

export interface RehomeRecord {
  atMs: number;
  /** Share of the users in a journey whose server changed (dead + map). */
  fraction: number;
  users: number;
  from: number;
  to: number;
  /** Moved because their server left the rotation (died, drained, taken out). */
  movedDead: number;
  /** Moved although their server is still in rotation: the mapping changed. */
  movedMap: number;
}

/** Streams of the system's own randomness; each user has its own (see User). */
export interface Streams {
  network: RandomStream;
  service: RandomStream;
  balance: RandomStream;
  store: RandomStream;
  health: RandomStream;
}

export interface DeployState {
  order: number[];
  index: number;
  drainS: number;
}

export interface SimState {
  scenario: ResolvedScenario;
  nowMs: number;
  queue: EventQueue;
  streams: Streams;
  servers: Server[];
  nextServerId: number;
  users: User[];
  targetUsers: number;
  reqs: Request[];
  freeReqs: number[];
  nextReqNo: number;
  nextSessionId: number;
  store: StoreState;
  /** Carts in the database (jwt architecture), by user. */
  dbCarts: Map<number, number[]>;
  lb: {
    algorithm: ResolvedScenario['loadBalancer']['algorithm'];
    sticky: ResolvedScenario['loadBalancer']['sticky'];
    rrCursor: number;
    /** Mixed into every placement hash, from the seed: each seed has its own layout. */
    salt: number;
    /** Server ids in the balancing pool, ascending; rebuilt at health checks. */
    pool: number[];
    ring: Uint32Array;
    ringOwners: Int32Array;
  };
  counters: Counters;
  latency: Histogram;
  rehomed: RehomeRecord[];
  /** The autoscaler's recent recommendations, for its scale-down stabilisation window. */
  autoscaleHistory: { atMs: number; desired: number }[];
  deploy: DeployState | null;
  /** The real-time chat workload, when the scenario has one (src/sim/chat). */
  chat: ChatState | null;
  /** The video-upload workload, when the scenario has one (src/sim/uploads). */
  uploads: UploadsState | null;
  /** Commands not yet applied, in order. */
  pending: TimedCommand[];
  /** Commands applied so far (the replayable log). */
  applied: TimedCommand[];
  hash: number;
}

export function createCounters(): Counters {
  return {
    requestsStarted: 0,
    requestsOk: 0,
    requestsFailed: 0,
    failedByReason: FAIL_REASONS.map(() => 0),
    sessionsCreated: 0,
    sessionsLost: 0,
    sessionsExpired: 0,
    sessionReads: 0,
    itemsAdded: 0,
    itemsLost: 0,
    staleReads: 0,
    checkoutsCompleted: 0,
    checkoutsFailed: 0,
    bytesTotal: 0,
    retries: 0,
    eventsProcessed: 0,
  };
}

export function createStreams(seed: number): Streams {
  return {
    network: createStream(seed, 'network'),
    service: createStream(seed, 'service'),
    balance: createStream(seed, 'balance'),
    store: createStream(seed, 'store'),
    health: createStream(seed, 'health'),
  };
}

export function createServer(id: number, workers: number, status: ServerStatus): Server {
  return {
    id,
    status,
    lbHealthy: status === 'up',
    checkRises: 0,
    checkFalls: 0,
    checkPhaseMs: 0,
    deployAwaitingHealthy: false,
    lbConnections: 0,
    workers,
    busy: 0,
    queue: [],
    sessions: new Map(),
    requests: 0,
    failed: 0,
    busyMs: 0,
    busyChangedMs: 0,
    windowBusyMs: 0,
    upMs: 0,
    upSinceMs: 0,
    rotationMs: 0,
    rotationSinceMs: 0,
    peakSessions: 0,
    deploying: false,
    bootDoneMs: 0,
    drainDeadlineMs: 0,
  };
}

export function createBaseState(scenario: ResolvedScenario): SimState {
  return {
    scenario,
    nowMs: 0,
    queue: createQueue(),
    streams: createStreams(scenario.seed),
    servers: [],
    nextServerId: 1,
    users: [],
    targetUsers: scenario.users.count,
    reqs: [],
    freeReqs: [],
    nextReqNo: 1,
    nextSessionId: 1,
    store: {
      up: true,
      // The schema refuses replicas for a store without replication; an unchecked state
      // (built in code) gets none rather than a failover the real store cannot do.
      replicas: STORE_PROFILES[scenario.store.kind].replication ? scenario.store.replicas : 0,
      sessions: new Map(),
      failingOver: false,
      failovers: 0,
      killedAtMs: 0,
    },
    dbCarts: new Map(),
    lb: {
      algorithm: scenario.loadBalancer.algorithm,
      sticky: scenario.loadBalancer.sticky,
      rrCursor: 0,
      salt: nextUint32(createStream(scenario.seed, 'placement')),
      pool: [],
      ring: new Uint32Array(0),
      ringOwners: new Int32Array(0),
    },
    counters: createCounters(),
    latency: createHistogram(),
    rehomed: [],
    autoscaleHistory: [],
    deploy: null,
    chat: null,
    uploads: null,
    pending: [],
    applied: [],
    hash: 0x811c9dc5,
  };
}
