/**
 * What the shared store holds for a chat service at this instant, as the picture's store box
 * shows it: with `shared-store`, the presence map's live entries (apps it lists as online,
 * including those whose server died and whose entry has not expired yet) and the messages
 * waiting in recipients' queues; with `server-memory` the store only relays pub/sub messages
 * and keeps nothing. Counted on demand (a snapshot or two a second), never per event.
 */
import type { SimState } from '../model.ts';
import { presenceAt } from './chatRules.ts';

export interface ChatStoreFigures {
  /** The store keeps presence and queues (`shared-store`), or only relays (`server-memory`). */
  keepsState: boolean;
  /** Clients poll (no connections, no presence): messages wait for the recipient's next poll. */
  polling: boolean;
  /** Apps the presence map lists as online (live, unexpired entries). */
  online: number;
  /** Messages waiting in recipients' queues. */
  queued: number;
  /** Apps with at least one message waiting for them. */
  waitingApps: number;
}

export function chatStoreFigures(s: SimState): ChatStoreFigures | null {
  const c = s.chat;
  if (!c) return null;
  const keepsState = c.cfg.state === 'shared-store';
  let online = 0;
  if (keepsState) {
    for (let i = 0; i < c.clients.length; i++) if (presenceAt(s, c, i) !== 0) online++;
  }
  let queued = 0;
  for (const q of c.queues.values()) queued += q.length;
  return {
    keepsState,
    polling: c.cfg.pollIntervalS > 0,
    online,
    queued,
    waitingApps: c.queues.size,
  };
}
