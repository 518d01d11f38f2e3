import { describe, expect, it } from 'vitest';
import { Simulation, presetScenario, resolveScenario, outcome } from '../../sim/index.ts';
import type { Architecture, Outcome } from '../../sim/index.ts';
import { paneScenario, paneTitle } from '../../app/compareSetup.ts';
import { withinNoise, outcomeRows, type PaneOutcome } from './outcomeRows.ts';

const ARCHS: Architecture[] = ['in-memory', 'session-store', 'jwt'];

/** Runs the preset in every architecture, headless, and returns the panes' outcomes. */
function panesAfter(preset: string, untilMs: number): PaneOutcome[] {
  return ARCHS.map((arch) => {
    const sc = paneScenario(presetScenario(preset)!, arch);
    const sim = new Simulation(resolveScenario(sc));
    sim.runUntil(untilMs);
    const sticky = sim.state.lb.sticky;
    return { arch, title: paneTitle(arch, sticky), sticky, outcome: outcome(sim.state) };
  });
}

const row = (rows: ReturnType<typeof outcomeRows>, key: string) => rows.find((r) => r.key === key)!;

describe('outcome rows', () => {
  it('after a server crash: only memory loses sessions, and the table says why', () => {
    const rows = outcomeRows(panesAfter('sticky-crash', 45_000));
    const lost = row(rows, 'sessions-lost');
    expect(lost.cells.map((c) => c.value > 0)).toEqual([true, false, false]);
    expect(lost.verdict).toBe('winner');
    expect(lost.winners).toEqual(['Session store', 'JWT']);
    expect(lost.cells.map((c) => c.best)).toEqual([false, true, true]);
    expect(lost.why).toMatch(/^In memory a session lives on one server only/);
    expect(lost.why).toMatch(/signed token/);
    // A failure reason row for each reason seen, under "Failed requests".
    const failedAt = rows.findIndex((r) => r.key === 'failed');
    expect(rows[failedAt + 1]!.sub).toBe(true);
    expect(rows.some((r) => r.key === 'failed-session-lost')).toBe(true);
    // The token is the biggest credential.
    const bytes = row(rows, 'bytes');
    expect(bytes.cells[2]!.best).toBe(false);
    expect(bytes.why).toMatch(/12 bytes.*232 bytes/);
    // The mean is below the cookie's 12 bytes because logins carry none: the row says so.
    expect(bytes.label).toBe('Credential bytes per request');
    expect(bytes.why).toMatch(/login carries no credential/);
    // Every row explains itself in one line.
    for (const r of rows) {
      expect(r.why.length).toBeGreaterThan(10);
      expect(r.why).not.toMatch(/\n/);
    }
  });

  it('equal values are a tie, with no winner marked', () => {
    const rows = outcomeRows(panesAfter('playground', 10_000));
    const stale = row(rows, 'stale-reads');
    expect(stale.verdict).toBe('tie');
    expect(stale.cells.every((c) => !c.best)).toBe(true);
    expect(stale.winners).toEqual([]);
  });

  it('compares what is shown: values that round to the same text tie', () => {
    const base = panesAfter('playground', 5_000);
    const tweak = (o: Outcome, p95: number): Outcome => ({
      ...o,
      latencyMs: { ...o.latencyMs, p95 },
    });
    const panes = base.map((p, i) => ({ ...p, outcome: tweak(p.outcome, 120.2 + i * 0.1) }));
    expect(row(outcomeRows(panes), 'p95').verdict).toBe('tie');
  });

  it('before any request finishes, latency has no winner', () => {
    const rows = outcomeRows(panesAfter('playground', 0));
    expect(row(rows, 'p50').verdict).toBe('none');
    expect(row(rows, 'p50').cells.every((c) => c.text === '–')).toBe(true);
  });
});

describe('best only beyond run-to-run noise', () => {
  it('calls p95 147 vs 151 ms and 38 vs 39 failures a tie, 0 vs 37 a win', () => {
    const base = panesAfter('playground', 5_000);
    const set = (o: Outcome, p95: number, failed: number, lost: number): Outcome => ({
      ...o,
      latencyMs: { ...o.latencyMs, p95 },
      requests: { ...o.requests, failed },
      sessions: { ...o.sessions, lost },
    });
    const values = [
      [147, 38, 37],
      [151, 39, 0],
      [149, 38, 0],
    ];
    const panes = base.map((p, i) => ({
      ...p,
      outcome: set(p.outcome, values[i]![0]!, values[i]![1]!, values[i]![2]!),
    }));
    const rows = outcomeRows(panes);
    expect(row(rows, 'p95').verdict).toBe('tie');
    expect(row(rows, 'failed').verdict).toBe('tie');
    const lost = row(rows, 'sessions-lost');
    expect(lost.verdict).toBe('winner');
    expect(lost.cells.map((c) => c.best)).toEqual([false, true, true]);
    expect(withinNoise(120, 100, 2)).toBe(false);
    expect(withinNoise(109, 100, 2)).toBe(true);
  });
});
