/**
 * Reconnect delays: capped exponential back-off with jitter, as chat clients use after a lost
 * connection. The n-th retry (n = 0 for the first) waits
 *
 *   d = min(max, base × 2^n) × (1 − jitter × u),  u uniform in [0, 1)
 *
 * so jitter 0 is plain exponential back-off (every client that lost its server at the same
 * moment retries at the same moment), 0.5 is what AWS calls "equal jitter" (d/2 + random d/2)
 * and 1 is "full jitter" (random in (0, d]), which AWS recommends for spreading a storm.
 * Source: Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015; the
 * base and cap defaults follow socket.io-client (reconnectionDelay 1 s, reconnectionDelayMax 5 s).
 */
import { nextFloat, type RandomStream } from '../random.ts';

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  /** 0..1 */
  jitter: number;
}

/** The longest the n-th retry can wait (the bound used by tests and docs). */
export function backoffCeilingMs(n: number, b: BackoffSettings): number {
  // 2^n overflows to Infinity for large n; min() keeps it at the cap.
  return Math.min(b.maxMs, b.baseMs * 2 ** Math.min(n, 1024));
}

/** The delay before the n-th retry, drawn from `stream`. Always in (0, ceiling]. */
export function backoffDelayMs(n: number, b: BackoffSettings, stream: RandomStream): number {
  const ceiling = backoffCeilingMs(n, b);
  const u = nextFloat(stream);
  return ceiling * (1 - b.jitter * u);
}
