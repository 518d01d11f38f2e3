/**
 * The event queue: a binary min-heap ordered by (time, sequence). The sequence number breaks
 * ties in insertion order, which is what makes a run reproducible: two events at the same
 * simulated millisecond are always handled in the order they were scheduled.
 *
 * Entries live in parallel typed arrays (time, sequence, kind, argument) rather than objects,
 * so pushing and popping allocates nothing and a checkpoint is a plain structuredClone.
 */

export interface EventQueue {
  size: number;
  nextSeq: number;
  timeMs: Float64Array;
  seq: Float64Array;
  kind: Uint8Array;
  arg: Int32Array;
}

export function createQueue(capacity = 1024): EventQueue {
  return {
    size: 0,
    nextSeq: 0,
    timeMs: new Float64Array(capacity),
    seq: new Float64Array(capacity),
    kind: new Uint8Array(capacity),
    arg: new Int32Array(capacity),
  };
}

function grow(q: EventQueue): void {
  const cap = q.timeMs.length * 2;
  const timeMs = new Float64Array(cap);
  const seq = new Float64Array(cap);
  const kind = new Uint8Array(cap);
  const arg = new Int32Array(cap);
  timeMs.set(q.timeMs);
  seq.set(q.seq);
  kind.set(q.kind);
  arg.set(q.arg);
  q.timeMs = timeMs;
  q.seq = seq;
  q.kind = kind;
  q.arg = arg;
}

function less(q: EventQueue, i: number, j: number): boolean {
  const ti = q.timeMs[i]!;
  const tj = q.timeMs[j]!;
  return ti < tj || (ti === tj && q.seq[i]! < q.seq[j]!);
}

function swap(q: EventQueue, i: number, j: number): void {
  const t = q.timeMs[i]!;
  q.timeMs[i] = q.timeMs[j]!;
  q.timeMs[j] = t;
  const s = q.seq[i]!;
  q.seq[i] = q.seq[j]!;
  q.seq[j] = s;
  const k = q.kind[i]!;
  q.kind[i] = q.kind[j]!;
  q.kind[j] = k;
  const a = q.arg[i]!;
  q.arg[i] = q.arg[j]!;
  q.arg[j] = a;
}

export function push(q: EventQueue, timeMs: number, kind: number, arg: number): void {
  if (q.size === q.timeMs.length) grow(q);
  let i = q.size++;
  q.timeMs[i] = timeMs;
  q.seq[i] = q.nextSeq++;
  q.kind[i] = kind;
  q.arg[i] = arg;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(q, i, parent)) break;
    swap(q, i, parent);
    i = parent;
  }
}

/** Time of the earliest event, or Infinity when the queue is empty. */
export function peekTime(q: EventQueue): number {
  return q.size > 0 ? q.timeMs[0]! : Infinity;
}

export interface Popped {
  timeMs: number;
  kind: number;
  arg: number;
}

/** Removes the earliest event and writes it into `out` (reused to avoid allocation). */
export function pop(q: EventQueue, out: Popped): boolean {
  if (q.size === 0) return false;
  out.timeMs = q.timeMs[0]!;
  out.kind = q.kind[0]!;
  out.arg = q.arg[0]!;
  const last = --q.size;
  if (last > 0) {
    q.timeMs[0] = q.timeMs[last]!;
    q.seq[0] = q.seq[last]!;
    q.kind[0] = q.kind[last]!;
    q.arg[0] = q.arg[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && less(q, l, m)) m = l;
      if (r < last && less(q, r, m)) m = r;
      if (m === i) break;
      swap(q, i, m);
      i = m;
    }
  }
  return true;
}
