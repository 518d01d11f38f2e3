/**
 * Request correlation: messages sent with an id wait here until the frame (or error) that
 * names that id in `replyTo` arrives. Each entry keeps the message it sent, so after a
 * client failover the same request can be sent again to the new engine.
 */
import type { Frame, ToSim } from '../protocol/messages.ts';

export interface Waiting {
  resolve: (f: Frame) => void;
  reject: (e: Error) => void;
  msg?: ToSim;
}

export class PendingRequests {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  /** Registers `msg` and returns its id; the promise settles when its answer arrives. */
  add(msg: ToSim, send: (withId: ToSim) => void): Promise<Frame> {
    const id = this.nextId++;
    return new Promise<Frame>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, msg });
      send({ ...msg, id });
    });
  }

  /** Settles the request `replyTo` answers, if one waits for it. */
  resolve(replyTo: number | undefined, frame: Frame): void {
    const w = this.take(replyTo);
    w?.resolve(frame);
  }

  reject(replyTo: number | undefined, error: Error): void {
    const w = this.take(replyTo);
    w?.reject(error);
  }

  /** Removes and returns every waiting request, oldest first (for a failover). */
  takeAll(): [number, Waiting][] {
    const all = [...this.waiting.entries()];
    this.waiting.clear();
    return all;
  }

  /** Puts a request back under its old id (sent again to a new client). */
  restore(id: number, w: Waiting): void {
    this.waiting.set(id, w);
  }

  private take(replyTo: number | undefined): Waiting | undefined {
    if (replyTo === undefined) return undefined;
    const w = this.waiting.get(replyTo);
    if (w) this.waiting.delete(replyTo);
    return w;
  }
}
