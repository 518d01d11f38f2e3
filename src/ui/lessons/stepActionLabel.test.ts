/** A step's hint names the button the learner must press, in the lesson's own words. */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons/catalog.ts';
import { SKINS } from '../../lessons/skins.ts';
import { stepActionLabel } from './StepActionButton.tsx';

describe('step action buttons', () => {
  const steps = LESSONS.flatMap((l) =>
    l.steps.map((s) => [`${l.id}/${s.id}`, l.skin, s] as const),
  ).filter(([, , s]) => s.until.kind === 'action' && stepActionLabel(s.until.action, SKINS.shop));

  it('exist for the store actions the lessons ask for', () => {
    expect(steps.length).toBeGreaterThan(0);
  });

  it.each(steps)('%s: the hint names the button', (_id, skin, step) => {
    if (step.until.kind !== 'action') throw new Error('not an action step');
    const label = stepActionLabel(step.until.action, SKINS[skin])!;
    expect(step.until.hint).toContain(label);
  });

  it('speak the skin: the ATM lesson kills the central bank database, not a store', () => {
    expect(stepActionLabel('kill-store', SKINS.atm)).toBe('Kill central bank database');
    expect(stepActionLabel('add-store-replica', SKINS.pizza)).toBe('Add a copy of the board');
  });
});
