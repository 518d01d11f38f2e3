/**
 * One way for the view to talk to a simulation, whichever thread it runs on. The worker
 * client keeps the main thread free; the in-thread client works where workers are not
 * allowed (some sandboxed iframes). Both run the same SimHost and pass the same tests.
 */
import type { FromSim, ToSim } from '../protocol/messages.ts';

export type ClientKind = 'worker' | 'in-thread';

export interface SimClient {
  readonly kind: ClientKind;
  send(msg: ToSim): void;
  /** Returns a function that unsubscribes. */
  subscribe(listener: (msg: FromSim) => void): () => void;
  dispose(): void;
}

export class Listeners {
  private readonly set = new Set<(msg: FromSim) => void>();

  add(listener: (msg: FromSim) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(msg: FromSim): void {
    for (const l of this.set) l(msg);
  }
}
