/**
 * What the shared store holds for a chat service at this instant, as the picture's store box
 * shows it: with `shared-store`, the presence map's live entries (apps it lists as online,
 * including those whose server died and whose entry has not expired yet) and the messages
 * waiting in recipients' queues; with `server-memory` the store only relays pub/sub messages
 * and keeps nothing. Counted on demand (a snapshot or two a second), never per event.
 */
import type { SimState } from '../model.ts';
import { connectionAlive, presenceAt } from './chatRules.ts';
import { ClientStatus } from './chatState.ts';

export interface ChatStoreFigures {
  /** The store keeps presence and queues (`shared-store`), or only relays (`server-memory`). */
  keepsState: boolean;
  /** Clients poll (no connections, no presence): messages wait for the recipient's next poll. */
  polling: boolean;
  /** Apps the presence map lists as online (live, unexpired entries). */
  online: number;
  /** Messages waiting in recipients' queues. */
  queued: number;
  /**
   * Apps with messages waiting for them that hold no live connection: they get them once they
   * reconnect. (A connected app's queue holds messages only while they are being pushed.)
   */
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
  let waitingApps = 0;
  for (const [i, q] of c.queues) {
    queued += q.length;
    const cl = c.clients[i];
    const live =
      cl !== undefined &&
      cl.status === ClientStatus.Connected &&
      connectionAlive(s, cl.server, cl.connectedAtMs);
    if (q.length > 0 && !live) waitingApps++;
  }
  return {
    keepsState,
    polling: c.cfg.pollIntervalS > 0,
    online,
    queued,
    waitingApps,
  };
}
