/**
 * Compare mode's hook for end-to-end tests and the frame-rate measurement: drive the shared
 * clock without sleeping. Installed only in builds made with `--mode e2e`
 * (VITE_TEST_HOOKS=1); in the production build the condition is false and the code goes.
 */
import { HOP_STRIDE } from '../../protocol/hops.ts';
import { perform } from '../../app/commands.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';
import { viewTimeMs } from '../../store/viewClock.ts';
import type { CompareController } from '../../app/compareRun.ts';
import type {} from './compareTestHookTypes.ts';

export function installCompareTestHook(c: CompareController): () => void {
  if (import.meta.env.VITE_TEST_HOOKS !== '1') return () => {};
  const snaps = async (): Promise<Snapshot[]> => {
    await c.idle();
    return c.panes.map((p) => p.session.store.getState().snapshot!);
  };
  window.__statecraftCompare = {
    ready: () => c.state.getState().loaded,
    archs: () => c.panes.map((p) => p.arch),
    snapshots: () => c.panes.map((p) => p.session.store.getState().snapshot),
    clock: () => {
      const s = c.state.getState();
      return { tMs: s.tMs, playing: s.playing, speed: s.speed };
    },
    async load(scenario) {
      await c.load(scenario, { playing: false });
      return snaps();
    },
    async advance(ms) {
      void perform('pause', { run: c });
      await c.advance(ms);
      return snaps();
    },
    async seek(tMs) {
      void perform('pause', { run: c });
      await c.seek(tMs);
      return snaps();
    },
    async act(action) {
      await c.act(action);
      return snaps();
    },
    play(speed) {
      if (speed !== undefined) void c.setSpeed(speed);
      void perform('play', { run: c });
    },
    async pause() {
      void perform('pause', { run: c });
      return snaps();
    },
    visibleHops: () =>
      c.panes.map(({ session }) => {
        const { data, count } = session.hops;
        const t = viewTimeMs(session.clock, performance.now());
        let n = 0;
        for (let o = 0; o < count * HOP_STRIDE; o += HOP_STRIDE) {
          if (data[o + 4]! <= t && t < data[o + 5]!) n++;
        }
        return n;
      }),
  };
  return () => {
    delete window.__statecraftCompare;
  };
}
