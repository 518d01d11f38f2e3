/**
 * Small integer hashes. `mix32` spreads keys for load-balancer hashing (ip-hash, hash-mod-n,
 * the consistent-hash ring); `fnvStep` folds the event log into the run's fingerprint.
 */

/** Murmur3's 32-bit finaliser: a well-spread hash of an integer key. */
export function mix32(key: number): number {
  let h = key | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const FNV_OFFSET = 0x811c9dc5;

/** One FNV-1a step over a 32-bit value (four bytes). */
export function fnvStep(h: number, value: number): number {
  let x = h;
  for (let i = 0; i < 4; i++) {
    x ^= (value >>> (i * 8)) & 0xff;
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

export function toHex(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}
