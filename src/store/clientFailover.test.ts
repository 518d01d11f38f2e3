import { describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/index.ts';
import type { Frame } from '../protocol/messages.ts';
import { createInThreadClient } from '../client/inThreadClient.ts';
import { createSimSession } from './simStore.ts';
import { tickingClock } from '../client/tickingClock.ts';

const SCENARIO: Scenario = {
  version: 1,
  name: 'recovery',
  seed: 9,
  durationS: 600,
  users: { count: 200, thinkTimeS: 3 },
};

describe('recovery after a worker failure', () => {
  it('replays in slices on the in-thread engine and lands at the same place', async () => {
    // The first engine answers in one go, as a worker would from the page's point of view.
    const session = createSimSession(createInThreadClient({ sliceMs: Infinity }), () => 0);
    try {
      await session.request({ type: 'load', scenario: SCENARIO, playing: false });
      await session.request({ type: 'act', action: { action: 'kill-server', server: 1 } });
      const before = await session.request({ type: 'advance', ms: 400_000 });
      const order: string[] = [];
      setTimeout(() => order.push('timer'), 0);
      let progressSeen = 0;
      const stop = session.store.subscribe((s) => {
        if (s.replay) progressSeen++;
      });
      session.replaceClient(
        createInThreadClient({ now: tickingClock(), sliceMs: 10 }),
        'a test stopped the worker',
      );
      // The restore is the new engine's first frame (a jump: `reset`).
      const restored = await new Promise<Frame>((resolve) => {
        const off = session.onFrame((f) => {
          if (!f.reset) return;
          off();
          resolve(f);
        });
      });
      stop();
      order.push('recovered');
      expect(order).toEqual(['timer', 'recovered']);
      expect(progressSeen).toBeGreaterThan(0);
      expect(restored.tMs).toBe(before.tMs);
      expect(restored.snapshot!.outcome.eventLogHash).toBe(before.snapshot!.outcome.eventLogHash);
      expect(session.store.getState().notice).toMatch(/moved to the main thread/);
    } finally {
      session.dispose();
    }
  });
});
