/**
 * Timeline drags fire a seek per pointer move; each can cost the engine a replay. Only one
 * seek is in flight at a time, and while it runs only the latest target waits: ten drags cost
 * a couple of replays, not hundreds. Any other command flushes the waiting seek first, so the
 * order the learner acted in is kept.
 */
export interface SeekCoalescer {
  /** Asks for a seek to `tMs`; earlier targets not yet sent are dropped. */
  seek(tMs: number): void;
  /** Sends the waiting target now (before another command), if there is one. */
  flush(): void;
}

export function createSeekCoalescer(send: (tMs: number) => Promise<unknown>): SeekCoalescer {
  let inFlight = 0;
  let waiting: number | null = null;
  const start = (tMs: number): void => {
    inFlight++;
    const done = (): void => {
      inFlight--;
      if (inFlight === 0 && waiting !== null) {
        const next = waiting;
        waiting = null;
        start(next);
      }
    };
    send(tMs).then(done, done);
  };
  return {
    seek(tMs) {
      if (inFlight === 0) start(tMs);
      else waiting = tMs;
    },
    flush() {
      if (waiting === null) return;
      const next = waiting;
      waiting = null;
      start(next);
    },
  };
}
