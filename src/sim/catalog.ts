/**
 * Fixed facts the model uses: store latencies, byte sizes, names and shop items. Each
 * figure is explained, with its source, in docs/model.md.
 */
import type { StoreKind } from './scenario.ts';

export interface StoreProfile {
  label: string;
  /** Round-trip time of one read or write as seen by an app server, in ms (uniform range). */
  rttMinMs: number;
  rttMaxMs: number;
  /** Data survives the store process dying (written to disk or to other nodes). */
  durable: boolean;
  /** The store can run replicas that take over when the primary dies. */
  replication: boolean;
  /** The store can log writes to an append-only file and reload it on restart. */
  appendOnlyFile: boolean;
}

export const STORE_PROFILES: Record<StoreKind, StoreProfile> = {
  redis: {
    label: 'Redis',
    rttMinMs: 1,
    rttMaxMs: 2,
    durable: false,
    replication: true,
    appendOnlyFile: true,
  },
  memcached: {
    label: 'Memcached',
    rttMinMs: 0.3,
    rttMaxMs: 0.8,
    durable: false,
    replication: false,
    appendOnlyFile: false,
  },
  dynamodb: {
    label: 'DynamoDB',
    rttMinMs: 5,
    rttMaxMs: 10,
    durable: true,
    replication: true,
    appendOnlyFile: false,
  },
  cassandra: {
    label: 'Cassandra',
    rttMinMs: 5,
    rttMaxMs: 20,
    durable: true,
    replication: true,
    appendOnlyFile: false,
  },
};

/** Reading a session from the app server's own memory: about a microsecond. */
export const IN_MEMORY_LOOKUP_MS = 0.001;

/** Round trip to the relational database that holds accounts, orders (and, with JWT, carts). */
export const DB_RTT_MIN_MS = 2;
export const DB_RTT_MAX_MS = 5;

/**
 * An opaque session id in a cookie: the sources' figure for a short id (9 random bytes are 12
 * base64 characters). Real ids are often longer (16 random bytes are 22 characters); either
 * way about a tenth of a JWT.
 */
export const SESSION_COOKIE_BYTES = 12;

export const NAMED_USERS = [
  'Alice',
  'Bob',
  'Carol',
  'Dave',
  'Eve',
  'Frank',
  'Grace',
  'Heidi',
] as const;

export const ITEMS = [
  'iPhone',
  'AirPods',
  'MacBook',
  'iPad',
  'Watch',
  'Charger',
  'Case',
  'Headphones',
  'Keyboard',
  'Monitor',
] as const;

/** Alice's journey is scripted so lessons can follow it: she buys an iPhone, then AirPods. */
export const ALICE_ITEMS = [0, 1];
