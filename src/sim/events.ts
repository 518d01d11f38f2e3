/**
 * What the simulation tells the outside world. Hops (one per request per edge, with depart
 * and arrive times) are reported through a numeric callback so the hot path allocates
 * nothing; the rarer, narratable events are small objects.
 */
import type { Algorithm, StickyMethod } from './scenario.ts';
import type { ServerStatus } from './model.ts';

export type LossCause = 'server-died' | 'store-died' | 'failover' | 'drained' | 'miss';

export interface NamedLoss {
  userIdx: number;
  items: number[];
}

export type SimEvent =
  | { type: 'server'; tMs: number; server: number; status: ServerStatus; reason?: string }
  | {
      type: 'sessions-lost';
      tMs: number;
      cause: LossCause;
      /** Server id for server causes, 0 for the store. */
      server: number;
      count: number;
      items: number;
      named: NamedLoss[];
    }
  | { type: 'session-created'; tMs: number; userIdx: number; server: number }
  | { type: 'cart'; tMs: number; userIdx: number; items: number[]; server: number }
  | {
      type: 'stale-read';
      tMs: number;
      userIdx: number;
      server: number;
      seen: number[];
      expected: number[];
    }
  | { type: 'checkout'; tMs: number; userIdx: number; ok: boolean; items: number[] }
  | { type: 'request-failed'; tMs: number; userIdx: number; server: number; reason: string }
  | {
      type: 'store';
      tMs: number;
      status: 'up' | 'down' | 'failing-over' | 'failed-over';
      replicas: number;
    }
  | { type: 'scale'; tMs: number; from: number; to: number; utilization: number }
  | {
      type: 'rehomed';
      tMs: number;
      fraction: number;
      users: number;
      from: number;
      to: number;
      /** Users moved because their server left the rotation. */
      movedDead?: number;
      /** Users moved although their server is still in rotation (the mapping changed). */
      movedMap?: number;
    }
  | { type: 'lb'; tMs: number; algorithm: Algorithm; sticky: StickyMethod }
  | { type: 'users'; tMs: number; count: number }
  | { type: 'deploy'; tMs: number; server: number; phase: 'draining' | 'restarting' | 'done' }
  | { type: 'refused'; tMs: number; message: string };

export interface SimObserver {
  /** A request (or its response) leaves `from` at `departMs` and reaches `to` at `arriveMs`. */
  hop(
    reqNo: number,
    userIdx: number,
    from: number,
    to: number,
    departMs: number,
    arriveMs: number,
    fail: number,
  ): void;
  event(e: SimEvent): void;
}
