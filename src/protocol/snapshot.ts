/**
 * A picture of the whole system at one simulated instant, small enough to send a few times a
 * second: what each server and store holds, where each named user's session lives, and the
 * outcome so far.
 */
import type {
  Algorithm,
  Architecture,
  ChatStoreFigures,
  Outcome,
  ServerStatus,
  StickyMethod,
  StoreKind,
  TimedCommand,
} from '../sim/index.ts';

/** A session as the view draws it: whose it is and what its cart holds. */
export interface SessionChip {
  userIdx: number;
  items: number[];
}

export interface ServerView {
  id: number;
  status: ServerStatus;
  lbHealthy: boolean;
  busy: number;
  workers: number;
  queue: number;
  utilization: number;
  requests: number;
  failed: number;
  sessionCount: number;
  /** Named users' sessions first, then others, at most MAX_CHIPS. */
  chips: SessionChip[];
}

export interface StoreView {
  present: boolean;
  kind: StoreKind;
  up: boolean;
  failingOver: boolean;
  replicas: number;
  keys: number;
  chips: SessionChip[];
  /**
   * In a chat run, what the store holds for the chat service instead of sessions: presence
   * entries and queued messages (or nothing, when it only relays pub/sub). Null otherwise.
   */
  chat: ChatStoreFigures | null;
}

/**
 * Where a named user's session lives right now: a server id (sessions in server memory), the
 * shared store, the signed token the user carries, or nowhere (logged out or lost). Said on
 * the wire, so the view never works it out again from the architecture.
 */
export type SessionHome = number | 'store' | 'token' | 'none';

export interface NamedUserView {
  idx: number;
  name: string;
  step: string;
  loggedIn: boolean;
  sessionLost: boolean;
  inFlight: boolean;
  /** Where the session lives: the id of the server holding it, the store, the token, or none. */
  home: SessionHome;
  /** What the user believes is in the cart (their last successful writes). */
  cart: number[];
  journeys: number;
}

export interface Snapshot {
  tMs: number;
  endMs: number;
  name: string;
  seed: number;
  architecture: Architecture;
  algorithm: Algorithm;
  sticky: StickyMethod;
  servers: ServerView[];
  store: StoreView;
  users: { target: number; active: number; loggedIn: number; named: NamedUserView[] };
  outcome: Outcome;
  /** Commands the learner gave, in order: with the scenario and seed, the whole run. */
  liveCommands: TimedCommand[];
  /** Simulated time of each checkpoint (where seeking is instant). */
  checkpointsMs: number[];
}

export const MAX_CHIPS = 48;
