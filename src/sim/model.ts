/**
 * The model's state: plain data only (numbers, arrays, Maps, typed arrays), so a whole run
 * can be checkpointed with structuredClone and restored later. Rules that change it live in
 * engine.ts, lb.ts and actions.ts.
 */
import { createQueue, type EventQueue } from './heap.ts';
import { createStream, type RandomStream } from './random.ts';
import type { ResolvedScenario, TimedCommand } from './scenario.ts';
import { createHistogram, type Histogram } from './histogram.ts';
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
  /** What the load balancer believes after its last health check. */
  lbHealthy: boolean;
  /** Requests the load balancer has sent to this server and not yet seen answered. */
  lbConnections: number;
  workers: number;
  busy: number;
  /** Request slots waiting for a worker, first in first out. */
  queue: number[];
  sessions: Map<number, Session>;
  requests: number;
  failed: number;
  busyMs: number;
  /** Busy worker-milliseconds since the autoscaler last looked. */
  windowBusyMs: number;
  upMs: number;
  upSinceMs: number;
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
  /** Server named by the sticky cookie (0 = none). */
  cookieServer: number;
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
  eventsProcessed: number;
}

export interface RehomeRecord {
  atMs: number;
  fraction: number;
  users: number;
  from: number;
  to: number;
}

export interface Streams {
  journey: RandomStream;
  think: RandomStream;
  network: RandomStream;
  service: RandomStream;
  balance: RandomStream;
  store: RandomStream;
  users: RandomStream;
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
    /** Server ids in the balancing pool, ascending; rebuilt at health checks. */
    pool: number[];
    ring: Uint32Array;
    ringOwners: Int32Array;
  };
  counters: Counters;
  latency: Histogram;
  rehomed: RehomeRecord[];
  deploy: DeployState | null;
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
    eventsProcessed: 0,
  };
}

export function createStreams(seed: number): Streams {
  return {
    journey: createStream(seed, 'journey'),
    think: createStream(seed, 'think'),
    network: createStream(seed, 'network'),
    service: createStream(seed, 'service'),
    balance: createStream(seed, 'balance'),
    store: createStream(seed, 'store'),
    users: createStream(seed, 'users'),
  };
}

export function createServer(id: number, workers: number, status: ServerStatus): Server {
  return {
    id,
    status,
    lbHealthy: status === 'up',
    lbConnections: 0,
    workers,
    busy: 0,
    queue: [],
    sessions: new Map(),
    requests: 0,
    failed: 0,
    busyMs: 0,
    windowBusyMs: 0,
    upMs: 0,
    upSinceMs: 0,
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
      pool: [],
      ring: new Uint32Array(0),
      ringOwners: new Int32Array(0),
    },
    counters: createCounters(),
    latency: createHistogram(),
    rehomed: [],
    deploy: null,
    pending: [],
    applied: [],
    hash: 0x811c9dc5,
  };
}
