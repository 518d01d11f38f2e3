/**
 * The analogy skins stay in their analogy: product names appear only in the one step that
 * maps the analogy back to real systems, and that step also says where the analogy breaks
 * down. Every word the picture and counters need is the skin's own, and the chat skin speaks
 * of apps, connections, messages and rooms, never of the shop's sessions and carts.
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

const SHOP_WORDS = /\b(carts?|sessions?|shoppers?|checkouts?|orders?|logged in|log in)\b/i;

describe('the chat skin', () => {
  const chatLessons = LESSONS.filter((l) => l.steps.some((s) => setupHasChat(s.setup?.scenario)));

  it('is used by every lesson that runs a chat workload', () => {
    expect(chatLessons.map((l) => l.id)).toContain('realtime-chat');
    for (const l of chatLessons) expect(l.skin, l.id).toBe('chat');
  });

  it('has no shop word in any word the picture, counters and buttons are made of', () => {
    const v = SKINS.chat;
    const w = extraWords(v);
    const words = [
      v.server,
      v.servers,
      v.loadBalancer,
      v.store,
      v.database,
      v.session,
      v.sessions,
      v.cart,
      v.user,
      v.users,
      ...v.items,
      w.storeCopy,
      w.storeCopies,
      w.cartItems,
      w.databaseCaption,
      w.loggedIn,
    ];
    for (const word of words) expect(word).not.toMatch(SHOP_WORDS);
  });

  it.each(chatLessons.map((l) => [l.id, l] as const))(
    '%s: titles, hints and questions stay with connections and messages',
    (_id, lesson) => {
      for (const step of lesson.steps) {
        const texts = [
          step.title,
          step.until.kind === 'continue' ? '' : step.until.hint,
          step.predict?.question ?? '',
          ...(step.predict?.choices ?? []).map((c) => c.text),
          step.check?.question ?? '',
          ...(step.check?.choices ?? []).map((c) => c.text),
        ];
        for (const t of texts) expect(t, `${lesson.id}/${step.id}`).not.toMatch(SHOP_WORDS);
      }
    },
  );
});

function setupHasChat(scenario: unknown): boolean {
  return typeof scenario === 'object' && scenario !== null && 'chat' in scenario;
}
