/** The compare table's chat rows, on the outcomes of the two chat presets after the crash. */
import { describe, expect, it } from 'vitest';
import { outcome, presetScenario, Simulation } from '../../sim/index.ts';
import { outcomeRows, type PaneOutcome } from './outcomeRows.ts';

function pane(name: string, title: string): PaneOutcome {
  const sim = Simulation.fromScenario(presetScenario(name)!);
  sim.runUntil(120_000);
  const o = outcome(sim.state);
  return { arch: sim.state.scenario.architecture, title, sticky: 'none', outcome: o };
}

describe('compare rows for chat', () => {
  it('rank the shared store best on lost messages, and say why', () => {
    const rows = outcomeRows([
      pane('chat-server-memory', 'In memory'),
      pane('chat-shared-store', 'Shared store'),
    ]);
    const lost = rows.find((r) => r.key === 'chat-lost')!;
    expect(lost.cells[0]!.value).toBeGreaterThan(0);
    expect(lost.cells[1]!.value).toBe(0);
    expect(lost.winners).toEqual(['Shared store']);
    expect(lost.why).toContain('wait and arrive after the reconnect');
    expect(rows[0]!.key).toBe('chat-lost');
  });

  it('are left out when the panes run no chat', () => {
    const rows = outcomeRows([pane('sticky-crash', 'A'), pane('shared-store', 'B')]);
    expect(rows.some((r) => r.key.startsWith('chat-'))).toBe(false);
  });
});
