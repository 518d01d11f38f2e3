/**
 * Compare mode drives every pane with `advance` messages many times a second, and the
 * simulation host answers each one with a full snapshot. A pane's store would then change,
 * and its React panels re-render, on every tick. The gate sits between the client and the
 * session and takes the snapshot out of the frames it is told to (the shared clock lets one
 * through to each pane a few times a second); hops, events and the clock in those frames still
 * go through, so the dots never stall. The last snapshot it took out is kept in `held`, so the
 * shared clock can still sample every pane at the same instant.
 */
import type { FromSim } from '../protocol/messages.ts';
import type { Snapshot } from '../protocol/snapshot.ts';
import type { SimClient } from '../client/SimClient.ts';

export class SnapshotGate {
  /** When false, frames arriving now lose their snapshot (kept in `held`). */
  pass = true;
  held: Snapshot | null = null;

  wrap(inner: SimClient): SimClient {
    return {
      kind: inner.kind,
      send: (msg) => inner.send(msg),
      subscribe: (listener) =>
        inner.subscribe((msg: FromSim) => {
          if (msg.type === 'frame' && msg.snapshot && !this.pass) {
            this.held = msg.snapshot;
            listener({ ...msg, snapshot: null });
          } else {
            listener(msg);
          }
        }),
      dispose: () => inner.dispose(),
    };
  }
}
