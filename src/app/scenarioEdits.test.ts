import { describe, expect, it } from 'vitest';
import { presetScenario, validateScenario } from '../sim/index.ts';
import { parseSeed, reconfigure, withSeed } from './scenarioEdits.ts';

describe('reconfigure', () => {
  const base = presetScenario('playground')!;
  const snap = {
    algorithm: 'least-connections' as const,
    sticky: 'none' as const,
    users: { target: 400, active: 400, loggedIn: 0, named: [] },
  };

  it('changes the architecture and keeps the live settings', () => {
    const next = reconfigure(base, snap, { architecture: 'session-store' });
    expect(next.architecture).toBe('session-store');
    expect(next.loadBalancer).toMatchObject({ algorithm: 'least-connections', sticky: 'none' });
    expect(next.users?.count).toBe(400);
    expect(next.seed).toBe(base.seed);
    expect(validateScenario(next).ok).toBe(true);
    expect(base.architecture).toBe('in-memory'); // the input is not changed
  });

  it('changes the store kind without a snapshot', () => {
    const next = reconfigure(base, null, { storeKind: 'dynamodb' });
    expect(next.store?.kind).toBe('dynamodb');
    expect(next.loadBalancer).toEqual(base.loadBalancer);
  });

  it('parses seeds strictly', () => {
    expect(parseSeed(' 42 ')).toBe(42);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('-1')).toBeNull();
    expect(parseSeed('1.5')).toBeNull();
    expect(parseSeed('')).toBeNull();
    expect(parseSeed('99999999999')).toBeNull();
    expect(withSeed(base, 9).seed).toBe(9);
  });
});
