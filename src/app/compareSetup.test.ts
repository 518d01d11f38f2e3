import { describe, expect, it } from 'vitest';
import { presetScenario, type Scenario } from '../sim/index.ts';
import { paneRegionLabel, paneScenario, paneTitle, parseArchList } from './compareSetup.ts';

describe('compare setup', () => {
  it('changes only where state lives: seed, users, servers and faults stay the same', () => {
    const base = presetScenario('sticky-crash')!;
    for (const arch of ['in-memory', 'session-store', 'jwt'] as const) {
      const s = paneScenario(base, arch);
      expect(s.architecture).toBe(arch);
      const { architecture: _a, loadBalancer: lb, ...rest } = s;
      const { architecture: _b, loadBalancer: baseLb, ...baseRest } = base;
      expect(rest).toEqual(baseRest);
      expect(lb?.algorithm).toBe(baseLb?.algorithm);
      expect(lb?.healthCheckS).toBe(baseLb?.healthCheckS);
    }
    // The base is not touched.
    expect(base.architecture).toBe('in-memory');
  });

  it('in memory is sticky, stateless panes are not, unless the preset was written for them', () => {
    const memory = presetScenario('sticky-crash')!; // in-memory, cookie
    expect(paneScenario(memory, 'in-memory').loadBalancer?.sticky).toBe('cookie');
    expect(paneScenario(memory, 'session-store').loadBalancer?.sticky).toBe('none');
    expect(paneScenario(memory, 'jwt').loadBalancer?.sticky).toBe('none');

    const store = presetScenario('shared-store')!; // session-store, no stickiness
    expect(paneScenario(store, 'in-memory').loadBalancer?.sticky).toBe('cookie');
    expect(paneScenario(store, 'session-store')).toEqual(store);

    const hash: Scenario = presetScenario('scale-out-hash')!;
    expect(paneScenario(hash, 'in-memory').loadBalancer?.sticky).toBe('hash-mod-n');
    expect(paneScenario(presetScenario('no-sticky')!, 'in-memory').loadBalancer?.sticky).toBe(
      'none',
    );
  });

  it('names panes uniquely, in words', () => {
    expect(paneTitle('in-memory', 'cookie')).toBe('In memory + sticky');
    expect(paneTitle('in-memory', 'none')).toBe('In memory, not sticky');
    expect(paneRegionLabel('session-store', 'none')).toBe('Session store pane');
    expect(paneRegionLabel('jwt', 'none')).toBe('JWT pane');
  });

  it('parses archs strictly and in canonical order', () => {
    expect(parseArchList('jwt,in-memory')).toEqual(['in-memory', 'jwt']);
    expect(parseArchList(' session-store , jwt ')).toEqual(['session-store', 'jwt']);
    for (const bad of ['jwt', '', 'jwt,jwt', 'jwt,redis', 'in-memory,session-store,jwt,jwt']) {
      expect(parseArchList(bad)).toBe(null);
    }
  });
});
