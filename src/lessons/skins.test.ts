/**
 * The analogy skins stay in their analogy: product names appear only in the one step that
 * maps the analogy back to real systems, and that step also says where the analogy breaks
 * down. Every word the picture and counters need is the skin's own.
 */
import { describe, expect, it } from 'vitest';
import { extraWords } from '../store/vocabulary.ts';
import { LESSONS } from './catalog.ts';
import { SKINS } from './skins.ts';

const PRODUCT_NAMES = /\b(Redis|JWT|DynamoDB|Memcached|HAProxy|nginx)\b/;
const BREAKS_DOWN = 'Where the analogy breaks down';

const analogyLessons = LESSONS.filter((l) => SKINS[l.skin].techNames === false);

describe('analogy skins', () => {
  it('are used by at least the pizza and ATM lessons', () => {
    expect(analogyLessons.map((l) => l.id)).toEqual(expect.arrayContaining(['pizza', 'atm']));
  });

  it.each(analogyLessons.map((l) => [l.id, l] as const))(
    '%s names real products only in the step that maps the analogy back, which also says where it breaks down',
    (_id, lesson) => {
      const mapping = lesson.steps.filter((s) => s.narration.some((p) => p.includes(BREAKS_DOWN)));
      expect(mapping).toHaveLength(1);
      for (const step of lesson.steps) {
        if (step === mapping[0]) continue;
        const texts = [
          step.title,
          ...step.narration,
          step.until.kind === 'continue' ? '' : step.until.hint,
          step.predict?.question ?? '',
          step.predict?.explanation ?? '',
          ...(step.predict?.choices ?? []).flatMap((c) => [c.text, c.feedback]),
          step.check?.question ?? '',
          ...(step.check?.choices ?? []).flatMap((c) => [c.text, c.feedback]),
        ];
        for (const t of texts) expect(t, `${lesson.id}/${step.id}`).not.toMatch(PRODUCT_NAMES);
      }
      expect(mapping[0]!.narration.join(' ')).toMatch(PRODUCT_NAMES);
    },
  );

  it.each(Object.values(SKINS).map((v) => [v.id, v] as const))(
    '%s has its own words for captions, copies and lost items',
    (_id, v) => {
      const w = extraWords(v);
      for (const word of [w.storeCopy, w.storeCopies, w.cartItems, w.databaseCaption]) {
        expect(word.length).toBeGreaterThan(0);
        if (v.techNames === false) expect(word).not.toMatch(/replica|cart|key/i);
      }
    },
  );
});
