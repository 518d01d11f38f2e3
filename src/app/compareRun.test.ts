import { afterEach, describe, expect, it } from 'vitest';
import { createInThreadClient } from '../client/inThreadClient.ts';
import {
  Simulation,
  presetScenario,
  resolveScenario,
  type Architecture,
  type Scenario,
} from '../sim/index.ts';
import { CompareController, STEP_SIM_MS } from './compareRun.ts';
import { perform } from './commands.ts';
import { paneScenario } from './compareSetup.ts';
import { viewTimeMs } from '../store/viewClock.ts';

const ARCHS: Architecture[] = ['in-memory', 'session-store', 'jwt'];
let controller: CompareController | null = null;

function make(archs: Architecture[] = ARCHS): CompareController {
  controller = new CompareController(archs, {
    createClient: () => createInThreadClient(),
    now: () => performance.now(),
    requestFrame: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
    cancelFrame: (id) => clearTimeout(id),
  });
  return controller;
}

afterEach(() => {
  controller?.dispose();
  controller = null;
});

const snaps = (c: CompareController) => c.panes.map((p) => p.session.store.getState().snapshot!);
const base = (): Scenario => ({ ...presetScenario('playground')!, seed: 7 });

describe('compare controller', () => {
  it('keeps every pane at the same simulated time and stamps a fault identically', async () => {
    const c = make();
    await c.load(base());
    await c.advance(4000);
    expect(snaps(c).map((s) => s.tMs)).toEqual([4000, 4000, 4000]);
    await c.act({ action: 'kill-server', server: 1 });
    await c.advance(3000);
    const after = snaps(c);
    for (const s of after) {
      expect(s.tMs).toBe(7000);
      expect(s.liveCommands).toEqual([
        expect.objectContaining({ action: 'kill-server', server: 1, atMs: 4000 }),
      ]);
    }
    // Only the pane that keeps sessions in server memory loses them.
    const lost = Object.fromEntries(after.map((s) => [s.architecture, s.outcome.sessions.lost]));
    expect(lost['in-memory']).toBeGreaterThan(0);
    expect(lost['session-store']).toBe(0);
    expect(lost.jwt).toBe(0);
    expect(c.state.getState()).toMatchObject({ tMs: 7000, playing: false });
  });

  it('gives exactly the headless run for the same scenario and command log', async () => {
    const c = make();
    await c.load(base());
    await c.advance(2500);
    await c.act({ action: 'kill-server', server: 2 });
    await c.advance(2500);
    for (const [i, arch] of ARCHS.entries()) {
      const sim = new Simulation(resolveScenario(paneScenario(base(), arch)));
      sim.enqueue({ action: 'kill-server', server: 2, atMs: 2500 });
      sim.runUntil(5000);
      expect(snaps(c)[i]!.outcome.eventLogHash).toBe(sim.eventLogHash);
    }
  });

  it('a Kill button inside any pane acts in every pane', async () => {
    const c = make(['in-memory', 'jwt']);
    await c.load(base());
    await c.advance(1000);
    // A pane's Kill button performs the registry's command on the run it sits in.
    void perform('kill-server', { run: c }, { server: 3 });
    await c.idle();
    for (const s of snaps(c)) {
      expect(s.servers.find((x) => x.id === 3)!.status).toBe('down');
      expect(s.liveCommands[0]).toMatchObject({ action: 'kill-server', server: 3, atMs: 1000 });
    }
  });

  it('plays in lock-step, steps, and seeks every pane back together', async () => {
    const c = make(['in-memory', 'session-store']);
    await c.load(base());
    c.setSpeed(1);
    // While playing, the dots' clock never steps back and never passes the panes' time.
    const session = c.panes[0]!.session;
    let shown = 0;
    let bad = 0;
    const off = session.onFrame((f) => {
      const now = viewTimeMs(session.clock, performance.now());
      if (now < shown - 1e-9 || session.clock.frameSimMs > f.tMs) bad++;
      shown = now;
    });
    c.play();
    await new Promise((r) => setTimeout(r, 300));
    c.pause();
    await c.idle();
    off();
    expect(bad).toBe(0);
    const t = snaps(c).map((s) => s.tMs);
    expect(t[0]).toBeGreaterThan(0);
    expect(t[1]).toBe(t[0]);
    expect(c.state.getState().tMs).toBe(t[0]);
    // The table's sample: every pane at that same instant.
    expect(c.state.getState().sampleTMs).toBe(t[0]);
    expect(c.state.getState().outcomes!.map((o) => o.eventLogHash)).toEqual(
      snaps(c).map((s) => s.outcome.eventLogHash),
    );

    await c.step();
    expect(snaps(c).map((s) => s.tMs)).toEqual([t[0]! + STEP_SIM_MS, t[0]! + STEP_SIM_MS]);

    const samples = c.panes[0]!.history.length;
    expect(samples).toBeGreaterThan(1);
    await c.seek(50);
    expect(snaps(c).map((s) => s.tMs)).toEqual([50, 50]);
    expect(c.panes[0]!.history.samples().every((x) => x.tMs <= 50)).toBe(true);
    // The histories of all panes are sampled at the same instants (overlaid charts).
    expect(c.panes[0]!.history.samples().map((x) => x.tMs)).toEqual(
      c.panes[1]!.history.samples().map((x) => x.tMs),
    );
  });
});
