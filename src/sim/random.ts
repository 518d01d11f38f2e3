/**
 * Seeded pseudo-random streams. The simulation never calls Math.random: every concern
 * (arrivals, service times, network jitter, balancing, journeys) owns a stream derived from
 * the scenario seed and the concern's name, so changing how one concern draws numbers does
 * not reshuffle the others.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of
 * state held as four plain numbers, so a stream survives structuredClone in checkpoints.
 */

export interface RandomStream {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** FNV-1a over a string, used to derive a stream's starting state from its name. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Advances the stream and returns a uniformly distributed 32-bit unsigned integer. */
export function nextUint32(s: RandomStream): number {
  const t = (((s.a + s.b) | 0) + s.d) | 0;
  s.d = (s.d + 1) | 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) | 0;
  s.c = (s.c << 21) | (s.c >>> 11);
  s.c = (s.c + t) | 0;
  return t >>> 0;
}

/** A float in [0, 1). */
export function nextFloat(s: RandomStream): number {
  return nextUint32(s) / 4294967296;
}

export function createStream(seed: number, name: string): RandomStream {
  const s: RandomStream = {
    a: hashName(name),
    b: seed >>> 0,
    c: Math.floor(seed / 4294967296) >>> 0,
    d: 1,
  };
  // Warm up so streams with similar seeds or names diverge.
  for (let i = 0; i < 15; i++) nextUint32(s);
  return s;
}

/** An integer in [0, n). */
export function intBelow(s: RandomStream, n: number): number {
  return Math.floor(nextFloat(s) * n);
}

/** Exponentially distributed value with the given mean (same unit as the mean). */
export function exponential(s: RandomStream, mean: number): number {
  // 1 - u is in (0, 1], so the log is finite.
  return -mean * Math.log(1 - nextFloat(s));
}

/** Uniform value in [lo, hi). */
export function uniform(s: RandomStream, lo: number, hi: number): number {
  return lo + (hi - lo) * nextFloat(s);
}
