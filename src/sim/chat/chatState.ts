/**
 * The chat workload's state: plain data (arrays, Maps, numbers) so it survives
 * structuredClone with the rest of a checkpoint. Rules that change it are in chatRules.ts.
 *
 * A client holds one long-lived connection (a WebSocket) to one server at a time. What the
 * service knows about connected users lives either only in each server's memory
 * ("server-memory": presence is "which sockets do I hold", messages fan out by fire-and-forget
 * pub/sub) or also in the shared store ("shared-store": a presence map and one queue of
 * undelivered messages per user).
 */
import { createHistogram, type Histogram } from '../histogram.ts';
import { createStream, type RandomStream } from '../random.ts';
import type { ResolvedChat } from '../scenario.ts';

/** Event kinds of the chat model, numbered apart from the core's (see model.ts Ev). */
export const ChatEv = {
  /** A client writes a message (arg: client index). */
  Send: 40,
  /** A message reaches the sender's server (arg: message id). */
  AtServer: 41,
  /** A message has gone through the broker or store and reaches the fan-out step (arg: id). */
  Fanout: 42,
  /** A message reaches the recipient's app (arg: message id). */
  Deliver: 43,
  /** The server's heartbeat ping is due on a client's connection (arg: client). */
  Ping: 44,
  /** A client's heartbeat deadline passes (arg: client). */
  PingTimeout: 45,
  /** A message's acknowledgement deadline passes (arg: message id). */
  AckTimeout: 46,
  /** A client tries to (re)connect (arg: client). */
  Connect: 47,
  /** A connection handshake completes or fails (arg: client). */
  Handshake: 48,
  /** A polling client sends its next poll (arg: client). */
  Poll: 49,
  /** A poll reaches its server, which reads the client's queue in the store (arg: client). */
  PollRead: 50,
} as const;
export const CHAT_EV_MIN = 40;
export const CHAT_EV_MAX = 50;

export const ClientStatus = {
  /** Waiting for its (re)connect delay to pass. */
  Waiting: 0,
  /** Handshake in progress. */
  Connecting: 1,
  /** Holds a connection (which may already be dead without the client knowing). */
  Connected: 2,
  /** Holds no connection: asks a server for new messages every `pollIntervalS`. */
  Polling: 3,
} as const;

export interface ChatClient {
  status: number;
  /** Server of the current connection or handshake (0 = none). */
  server: number;
  /** When the current connection opened (ms); a server restarted since then lost it. */
  connectedAtMs: number;
  everConnected: boolean;
  /** Failed attempts since the connection was lost: the back-off exponent. */
  attempt: number;
  /** When the client noticed its connection was gone (ms), -1 while connected. */
  noticedAtMs: number;
  /** Due times of the client's pending timers; an event at another time is stale. */
  pingDueMs: number;
  pingTimeoutDueMs: number;
  connectDueMs: number;
  handshakeDueMs: number;
  /** Messages written but not yet sent (offline) or to be sent again after a reconnect. */
  outbox: number[];
  /** Messages sent on the current connection and not yet acknowledged. */
  unacked: number[];
  /** Messages addressed to this client that were lost. */
  lostMessages: number;
  /**
   * When the client's presence entry in the shared store was last written (ms), -1 for none.
   * The entry expires `presenceTtlMs` later unless a heartbeat refreshes it.
   */
  presenceSeenMs: number;
  /** Polling: when the next poll is due, and when the current one reaches its server (ms). */
  pollDueMs: number;
  pollReadDueMs: number;
}

export interface ChatMessage {
  id: number;
  from: number;
  to: number;
  /** When the sender wrote it (ms). */
  writtenMs: number;
  /** Server the current send attempt went to, and that connection's open time. */
  viaServer: number;
  viaConnectedAtMs: number;
  /** Connection the message is being pushed down to the recipient on. */
  toServer: number;
  toConnectedAtMs: number;
  /** Due times of the message's pending step; an event at another time is stale. */
  atServerDueMs: number;
  ackDueMs: number;
  fanoutDueMs: number;
  deliverDueMs: number;
  /** The server acknowledged it: from the sender's point of view it is sent. */
  accepted: boolean;
  /** Waiting in the recipient's queue in the shared store. */
  queued: boolean;
  /** Was queued at some point (waited for its recipient). */
  everQueued: boolean;
}

export interface ChatCounters {
  sent: number;
  delivered: number;
  lost: number;
  everQueued: number;
  connects: number;
  reconnects: number;
  attempts: number;
  failedAttempts: number;
  noticedByHeartbeat: number;
  noticedBySend: number;
  /** Longest time from noticing a lost connection to being connected again (ms). */
  maxReconnectMs: number;
  /** Reconnect attempts in the current whole simulated second, for the storm's peak. */
  attemptsSecond: number;
  attemptsInSecond: number;
  /** Most reconnect attempts in any one simulated second (the reconnect storm's peak). */
  peakAttemptsPerS: number;
  /**
   * What clients sent to servers: HTTP requests (polls, messages posted), WebSocket
   * handshakes, message frames and answers to heartbeat pings.
   */
  requests: number;
  polls: number;
  /** Polls answered with nothing new. */
  emptyPolls: number;
  /** Polls that found no healthy server, reached a dead one, or found the store down. */
  failedPolls: number;
}

export interface ChatState {
  cfg: ResolvedChat;
  clients: ChatClient[];
  messages: Map<number, ChatMessage>;
  nextMessageId: number;
  /** Open connections per server id, as the servers count them (index = server id). */
  conns: number[];
  /** Shared store: presence (client → server) and each recipient's undelivered messages. */
  presence: Map<number, number>;
  queues: Map<number, number[]>;
  rrCursor: number;
  streams: {
    send: RandomStream;
    peer: RandomStream;
    backoff: RandomStream;
    lb: RandomStream;
    store: RandomStream;
    start: RandomStream;
  };
  counters: ChatCounters;
  deliveryMs: Histogram;
}

/**
 * How long a presence entry lives without a refresh (ms). The server rewrites it with each
 * heartbeat that finds the connection alive (a `SET … EX`), so it outlives one heartbeat
 * interval; an entry whose server died expires when its clients give the connection up.
 */
export function presenceTtlMs(cfg: ResolvedChat): number {
  return (cfg.heartbeatS + cfg.heartbeatTimeoutS) * 1000;
}

export function createChatState(cfg: ResolvedChat, seed: number): ChatState {
  return {
    cfg,
    clients: [],
    messages: new Map(),
    nextMessageId: 1,
    conns: [],
    presence: new Map(),
    queues: new Map(),
    rrCursor: 0,
    streams: {
      send: createStream(seed, 'chat-send'),
      peer: createStream(seed, 'chat-peer'),
      backoff: createStream(seed, 'chat-backoff'),
      lb: createStream(seed, 'chat-lb'),
      store: createStream(seed, 'chat-store'),
      start: createStream(seed, 'chat-start'),
    },
    counters: {
      sent: 0,
      delivered: 0,
      lost: 0,
      everQueued: 0,
      connects: 0,
      reconnects: 0,
      attempts: 0,
      failedAttempts: 0,
      noticedByHeartbeat: 0,
      noticedBySend: 0,
      maxReconnectMs: 0,
      attemptsSecond: -1,
      attemptsInSecond: 0,
      peakAttemptsPerS: 0,
      requests: 0,
      polls: 0,
      emptyPolls: 0,
      failedPolls: 0,
    },
    deliveryMs: createHistogram(),
  };
}

export function createClient(): ChatClient {
  return {
    status: ClientStatus.Waiting,
    server: 0,
    connectedAtMs: 0,
    everConnected: false,
    attempt: 0,
    noticedAtMs: -1,
    pingDueMs: -1,
    pingTimeoutDueMs: -1,
    connectDueMs: -1,
    handshakeDueMs: -1,
    outbox: [],
    unacked: [],
    lostMessages: 0,
    presenceSeenMs: -1,
    pollDueMs: -1,
    pollReadDueMs: -1,
  };
}
