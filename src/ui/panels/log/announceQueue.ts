/**
 * Rate-limits what the polite live region says: at most one announcement every
 * `intervalMs` of wall time. Messages that arrive in between are coalesced into the next
 * announcement (the newest few, plus how many more), so a burst of crashes is one sentence,
 * not a queue a screen-reader user has to sit through. Pure: the caller passes the time.
 */
export const ANNOUNCE_INTERVAL_MS = 2000;
/** Most messages read out in one announcement. */
const MAX_SPOKEN = 2;

export class AnnounceQueue {
  private pending: string[] = [];
  private lastMs = -Infinity;

  constructor(readonly intervalMs = ANNOUNCE_INTERVAL_MS) {}

  add(text: string): void {
    this.pending.push(text);
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Wall time at which `take` will next return something (Infinity if nothing waits). */
  dueAtMs(): number {
    return this.pending.length > 0 ? this.lastMs + this.intervalMs : Infinity;
  }

  /** The announcement to make at `nowMs`, or null if nothing waits or it is too soon. */
  take(nowMs: number): string | null {
    if (this.pending.length === 0 || nowMs < this.lastMs + this.intervalMs) return null;
    const all = this.pending;
    this.pending = [];
    this.lastMs = nowMs;
    const spoken = all.slice(-MAX_SPOKEN).join(' ');
    const more = all.length - MAX_SPOKEN;
    return more > 0 ? `${spoken} (${more} more in the event log.)` : spoken;
  }

  clear(): void {
    this.pending = [];
  }
}
