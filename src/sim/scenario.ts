/**
 * The scenario: the whole setup of a run (version 1 of the public scenario format, see
 * docs/scenario-format.md). `Scenario` is what a file may say; `ResolvedScenario` is the
 * same with every default filled in, which is what the engine runs.
 */

export const ARCHITECTURES = ['in-memory', 'session-store', 'jwt'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const STORE_KINDS = ['redis', 'memcached', 'dynamodb', 'cassandra'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const ALGORITHMS = ['round-robin', 'least-connections', 'random'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export const STICKY_METHODS = [
  'none',
  'cookie',
  'ip-hash',
  'hash-mod-n',
  'consistent-hash',
] as const;
export type StickyMethod = (typeof STICKY_METHODS)[number];

export const SERVICE_DISTRIBUTIONS = ['constant', 'exponential'] as const;
export type ServiceDistribution = (typeof SERVICE_DISTRIBUTIONS)[number];

/** What a server does with a request whose session it cannot find. */
export const MISSING_SESSION_POLICIES = ['re-login', 'start-empty'] as const;
export type MissingSessionPolicy = (typeof MISSING_SESSION_POLICIES)[number];

export const STORE_PERSISTENCE = ['none', 'aof'] as const;
export type StorePersistence = (typeof STORE_PERSISTENCE)[number];

/** Things that can happen to a running system: timeline entries and live commands alike. */
export type Action =
  | { action: 'kill-server'; server: number }
  | { action: 'restart-server'; server: number }
  | { action: 'restart-all-servers' }
  | { action: 'add-server'; count: number }
  | { action: 'remove-server'; server?: number }
  | { action: 'kill-store' }
  | { action: 'restart-store' }
  | { action: 'add-store-replica' }
  | { action: 'set-sticky'; sticky: StickyMethod }
  | { action: 'set-algorithm'; algorithm: Algorithm }
  | { action: 'set-users'; count: number }
  | { action: 'deploy'; drainS?: number };

export type ActionName = Action['action'];

export const ACTION_NAMES: readonly ActionName[] = [
  'kill-server',
  'restart-server',
  'restart-all-servers',
  'add-server',
  'remove-server',
  'kill-store',
  'restart-store',
  'add-store-replica',
  'set-sticky',
  'set-algorithm',
  'set-users',
  'deploy',
];

export type TimelineEntry = Action & { atS: number };

/**
 * Where a chat service keeps what it knows about connected users (see src/sim/chat/):
 * only in each chat server's memory, or presence and undelivered messages in the shared store.
 */
export const CHAT_STATE_PLACEMENTS = ['server-memory', 'shared-store'] as const;
export type ChatStatePlacement = (typeof CHAT_STATE_PLACEMENTS)[number];

/** A real-time chat workload: long-lived connections, each pinned to one server. */
export interface ChatSettings {
  /** Chat clients (apps holding one WebSocket each). */
  clients?: number;
  /** Mean seconds between two messages one client sends (exponential). */
  messageIntervalS?: number;
  /** Default: shared-store for the session-store architecture, server-memory otherwise. */
  state?: ChatStatePlacement;
  /** Seconds between the server's heartbeat pings on a connection (Socket.IO pingInterval). */
  heartbeatS?: number;
  /** Seconds a client waits past a missed ping before it gives up (Socket.IO pingTimeout). */
  heartbeatTimeoutS?: number;
  /** Seconds a client waits for the server to acknowledge a message it sent. */
  ackTimeoutS?: number;
  /** Reconnect delay before the first retry, doubled after each failure, in seconds. */
  backoffBaseS?: number;
  /** Longest reconnect delay, in seconds. */
  backoffMaxS?: number;
  /** Share of each delay drawn at random: 0 none, 0.5 "equal jitter", 1 "full jitter". */
  jitter?: number;
  /**
   * 0 (default): each client holds a WebSocket and messages are pushed. Above 0: clients hold
   * no connection and poll any server with a plain HTTP request every this many seconds; a
   * message waits in the shared store until its recipient's next poll (needs `shared-store`).
   */
  pollIntervalS?: number;
}

export type ResolvedChat = Required<ChatSettings>;

/**
 * Where an uploaded video's file lives (see src/sim/uploads/): on the disk of the app server
 * that took the upload, in durable shared object storage (S3-like), or in the session store's
 * memory with the sessions (Redis).
 */
export const UPLOAD_PLACEMENTS = ['server-disk', 'object-store', 'session-store'] as const;
export type UploadPlacement = (typeof UPLOAD_PLACEMENTS)[number];

/**
 * Where a video is converted: on the app server that took the upload (a background job that
 * holds one of its workers), or by a stateless function the object store triggers per video.
 */
export const UPLOAD_CONVERSIONS = ['app-server', 'functions'] as const;
export type UploadConversion = (typeof UPLOAD_CONVERSIONS)[number];

/** A video-upload workload: uploaders send videos that must be converted, then watch them. */
export interface UploadSettings {
  /** People uploading videos (each a client with its own random stream). */
  uploaders?: number;
  /** Mean seconds between two uploads of one uploader (exponential). */
  uploadIntervalS?: number;
  /** Size of one video in MB. */
  videoMB?: number;
  /** The uploader's upstream bandwidth in Mbit/s: a video takes videoMB × 8 / uploadMbps s. */
  uploadMbps?: number;
  /** Seconds one conversion takes (on a server worker or in a function). */
  conversionS?: number;
  placement?: UploadPlacement;
  /** Default: functions for object-store, app-server otherwise. */
  conversion?: UploadConversion;
  /** Seconds between an uploader's "is my video ready?" checks once the upload is done. */
  checkIntervalS?: number;
  /** Seconds after the upload an uploader keeps checking before giving the video up. */
  patienceS?: number;
  /** Most conversions the function pool runs at once (AWS Lambda's default quota: 1000). */
  functionConcurrency?: number;
  /** The session store's memory limit in MB (Redis `maxmemory`), for session-store. */
  storeMemoryMB?: number;
}

export type ResolvedUploads = Required<UploadSettings>;

/**
 * A command stamped with the simulated time at which it takes effect. `live` marks commands
 * a learner gave while the run played (as opposed to the scenario's own timeline).
 */
export type TimedCommand = Action & { atMs: number; live?: boolean };

export interface AutoscaleSettings {
  /** Average worker utilisation the autoscaler steers towards, 0..1. */
  targetUtilization: number;
  min: number;
  max: number;
  /** Seconds between autoscaler decisions. */
  intervalS: number;
  /**
   * Scale in only to the highest recommendation of this many past seconds (Kubernetes HPA
   * `behavior.scaleDown.stabilizationWindowSeconds`, default 300).
   */
  scaleDownStabilizationS?: number;
  /** No change while utilisation is within this share of the target (HPA default 0.1). */
  tolerance?: number;
}

export interface Scenario {
  version: 1;
  name?: string;
  description?: string;
  seed?: number;
  durationS?: number;
  architecture?: Architecture;
  store?: {
    kind?: StoreKind;
    replicas?: number;
    ttlS?: number;
    persistence?: StorePersistence;
    /** Seconds a replica needs to take over after the primary dies. */
    failoverS?: number;
    /** Asynchronous replication lag: writes younger than this are lost at failover. */
    replicationLagMs?: number;
  };
  loadBalancer?: {
    algorithm?: Algorithm;
    sticky?: StickyMethod;
    /** Seconds between two health checks of one server (HAProxy `inter`). */
    healthCheckS?: number;
    /** Consecutive failed checks before a server is taken out (HAProxy `fall`). */
    fall?: number;
    /** Consecutive passed checks before a server is put back (HAProxy `rise`). */
    rise?: number;
    /**
     * How many times a refused connection is retried on another server (HAProxy `retries`
     * with `option redispatch 1`; nginx `proxy_next_upstream error`). 0 = off.
     */
    retries?: number;
    /** Lifetime of the stickiness cookie in seconds; 0 = a browser-session cookie. */
    cookieMaxAgeS?: number;
    virtualNodes?: number;
  };
  servers?: {
    count?: number;
    workers?: number;
    serviceTimeMs?: number;
    serviceTimeDistribution?: ServiceDistribution;
    queueLimit?: number;
    bootS?: number;
    drainTimeoutS?: number;
    onMissingSession?: MissingSessionPolicy;
    autoscale?: AutoscaleSettings;
  };
  users?: {
    count?: number;
    thinkTimeS?: number;
    heavyShare?: number;
    /** How many times more often a heavy user sends requests. */
    heavyFactor?: number;
    sharedIpGroups?: number;
    /** Share of users that sit behind the shared (NAT) addresses when there are groups. */
    sharedIpShare?: number;
  };
  network?: {
    clientLatencyMs?: number;
    lbLatencyMs?: number;
  };
  jwt?: {
    tokenBytes?: number;
    verifyMs?: number;
  };
  /** Present: a real-time chat workload runs beside (or instead of) the shop users. */
  chat?: ChatSettings;
  /** Present: uploaders send videos to be converted, beside the shop users. */
  uploads?: UploadSettings;
  timeline?: TimelineEntry[];
}

export interface ResolvedScenario {
  version: 1;
  name: string;
  description: string;
  seed: number;
  durationS: number;
  architecture: Architecture;
  store: {
    kind: StoreKind;
    replicas: number;
    ttlS: number;
    persistence: StorePersistence;
    failoverS: number;
    replicationLagMs: number;
  };
  loadBalancer: {
    algorithm: Algorithm;
    sticky: StickyMethod;
    healthCheckS: number;
    fall: number;
    rise: number;
    retries: number;
    cookieMaxAgeS: number;
    virtualNodes: number;
  };
  servers: {
    count: number;
    workers: number;
    serviceTimeMs: number;
    serviceTimeDistribution: ServiceDistribution;
    queueLimit: number;
    bootS: number;
    drainTimeoutS: number;
    onMissingSession: MissingSessionPolicy;
    autoscale: AutoscaleSettings | null;
  };
  users: {
    count: number;
    thinkTimeS: number;
    heavyShare: number;
    heavyFactor: number;
    sharedIpGroups: number;
    sharedIpShare: number;
  };
  network: { clientLatencyMs: number; lbLatencyMs: number };
  jwt: { tokenBytes: number; verifyMs: number };
  /** null: no chat workload. */
  chat: ResolvedChat | null;
  /** null: no upload workload. */
  uploads: ResolvedUploads | null;
  timeline: TimelineEntry[];
}

/** Upper bounds that keep any scenario (including hostile ones) finite and responsive. */
export const LIMITS = {
  durationS: 3600,
  servers: 64,
  workers: 64,
  users: 50_000,
  queueLimit: 10_000,
  /**
   * Timed actions in a run: the scenario's own plus the learner's commands. One limit for both,
   * so an exported run (commands folded into the timeline) always imports again.
   */
  timelineEntries: 2500,
  replicas: 5,
  uploaders: 5000,
  seed: 2 ** 32 - 1,
} as const;

export const DEFAULTS: ResolvedScenario = {
  version: 1,
  name: 'untitled',
  description: '',
  seed: 1,
  durationS: 120,
  architecture: 'in-memory',
  store: {
    kind: 'redis',
    replicas: 0,
    ttlS: 1800,
    persistence: 'none',
    failoverS: 2,
    replicationLagMs: 100,
  },
  loadBalancer: {
    algorithm: 'round-robin',
    sticky: 'cookie',
    healthCheckS: 2,
    fall: 3,
    rise: 2,
    retries: 3,
    cookieMaxAgeS: 0,
    virtualNodes: 100,
  },
  servers: {
    count: 3,
    workers: 4,
    serviceTimeMs: 20,
    serviceTimeDistribution: 'exponential',
    queueLimit: 100,
    bootS: 5,
    drainTimeoutS: 30,
    onMissingSession: 're-login',
    autoscale: null,
  },
  users: {
    count: 300,
    thinkTimeS: 3,
    heavyShare: 0,
    heavyFactor: 10,
    sharedIpGroups: 0,
    sharedIpShare: 0.3,
  },
  network: { clientLatencyMs: 40, lbLatencyMs: 0.5 },
  jwt: { tokenBytes: 232, verifyMs: 0.1 },
  chat: null,
  uploads: null,
  timeline: [],
};

/** The autoscaler's optional settings, as Kubernetes HPA defaults them. */
export const AUTOSCALE_DEFAULTS = { scaleDownStabilizationS: 300, tolerance: 0.1 } as const;

/**
 * Chat defaults: heartbeat as Socket.IO 4 (pingInterval 25 s, pingTimeout 20 s), reconnect
 * delays as socket.io-client (reconnectionDelay 1 s, reconnectionDelayMax 5 s), with AWS's
 * recommended "full jitter". See docs/model.md.
 */
export const CHAT_DEFAULTS: Omit<ResolvedChat, 'state'> = {
  clients: 120,
  messageIntervalS: 10,
  heartbeatS: 25,
  heartbeatTimeoutS: 20,
  ackTimeoutS: 5,
  backoffBaseS: 1,
  backoffMaxS: 5,
  jitter: 1,
  pollIntervalS: 0,
};

function resolveChat(s: Scenario): ResolvedChat | null {
  if (!s.chat) return null;
  // Any server may answer a poll, so a polling service keeps its messages in the shared store.
  const state =
    s.architecture === 'session-store' || (s.chat.pollIntervalS ?? 0) > 0
      ? 'shared-store'
      : 'server-memory';
  return { ...CHAT_DEFAULTS, state, ...s.chat };
}

/**
 * Upload defaults, modelling choices unless noted (see docs/model.md, "Video uploads"): a
 * 50 MB clip sent over a 40 Mbit/s uplink (10 s), converted in 30 s; the function pool's
 * limit is AWS Lambda's default concurrency quota per region (1000); the store's `maxmemory`
 * is that of the smallest ElastiCache nodes: 0.5 GiB less the default 25 % reserved, 384 MB.
 */
export const UPLOAD_DEFAULTS: Omit<ResolvedUploads, 'conversion'> = {
  uploaders: 20,
  uploadIntervalS: 120,
  videoMB: 50,
  uploadMbps: 40,
  conversionS: 30,
  placement: 'object-store',
  checkIntervalS: 5,
  patienceS: 120,
  functionConcurrency: 1000,
  storeMemoryMB: 384,
};

function resolveUploads(s: Scenario): ResolvedUploads | null {
  if (!s.uploads) return null;
  const placement = s.uploads.placement ?? UPLOAD_DEFAULTS.placement;
  const conversion = placement === 'object-store' ? 'functions' : 'app-server';
  return { ...UPLOAD_DEFAULTS, conversion, ...s.uploads };
}

/** Fills in every default. The input must already be valid (see scenarioSchema.ts). */
export function resolveScenario(s: Scenario): ResolvedScenario {
  const d = DEFAULTS;
  return {
    version: 1,
    name: s.name ?? d.name,
    description: s.description ?? d.description,
    seed: s.seed ?? d.seed,
    durationS: s.durationS ?? d.durationS,
    architecture: s.architecture ?? d.architecture,
    store: { ...d.store, ...s.store },
    loadBalancer: { ...d.loadBalancer, ...s.loadBalancer },
    servers: {
      ...d.servers,
      ...s.servers,
      autoscale: s.servers?.autoscale ? { ...AUTOSCALE_DEFAULTS, ...s.servers.autoscale } : null,
    },
    users: { ...d.users, ...s.users },
    network: { ...d.network, ...s.network },
    jwt: { ...d.jwt, ...s.jwt },
    chat: resolveChat(s),
    uploads: resolveUploads(s),
    timeline: [...(s.timeline ?? [])].sort((a, b) => a.atS - b.atS),
  };
}

/** The timeline as commands in simulated milliseconds, in a stable order. */
export function timelineCommands(s: ResolvedScenario): TimedCommand[] {
  return s.timeline.map(({ atS, ...action }) => ({ ...(action as Action), atMs: atS * 1000 }));
}
