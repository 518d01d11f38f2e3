import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../sim/index.ts';
import { foldLabel, setupSummary } from './setupSummary.ts';

describe('the folded setup line', () => {
  it('names the scenario, with its scripted crash, and the panes', () => {
    expect(
      setupSummary(presetScenario('sticky-crash')!, ['in-memory', 'session-store', 'jwt']),
    ).toBe(
      'Sticky sessions in memory, then server 1 crashes at 30 s · In memory + sticky vs Session store vs JWT',
    );
  });

  it('names the in-memory pane as the pane does when the scenario is not sticky', () => {
    expect(setupSummary(presetScenario('no-sticky')!, ['in-memory', 'jwt'])).toMatch(
      / · In memory, not sticky vs JWT$/,
    );
    // A scenario written for another architecture gives the in-memory pane cookie stickiness.
    expect(setupSummary(presetScenario('store-crash')!, ['in-memory', 'session-store'])).toMatch(
      / · In memory \+ sticky vs Session store$/,
    );
  });

  it('labels the fold by what it holds', () => {
    expect(foldLabel({ setup: true, speed: true })).toBe('Setup, speed and faults');
    expect(foldLabel({ setup: false, speed: true })).toBe('Speed and faults');
    expect(foldLabel({ setup: true, speed: false })).toBe('Setup and faults');
    expect(foldLabel({ setup: false, speed: false })).toBe('Faults');
  });
});
