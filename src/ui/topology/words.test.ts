import { describe, expect, it } from 'vitest';
import { SHOP_VOCABULARY } from '../../store/vocabulary.ts';
import { FAIL_REASONS } from '../../sim/index.ts';
import type { SessionHome } from '../../protocol/snapshot.ts';
import { chipCaption, failLabel, followCaption, initial, statusWords, userName } from './words.ts';

const V = SHOP_VOCABULARY;
const alice = { name: 'Alice', cart: [0, 1], home: 2 as SessionHome, sessionLost: false };

describe('captions', () => {
  it('say where a followed cart lives', () => {
    expect(followCaption(alice, 'Redis', V)).toBe(
      "Alice's cart: iPhone, AirPods — lives on server 2",
    );
    expect(followCaption({ ...alice, home: 'store' }, 'Redis', V)).toBe(
      "Alice's cart: iPhone, AirPods — lives in the session store (Redis)",
    );
    expect(followCaption({ ...alice, home: 'token' }, 'Redis', V)).toContain(
      'saved in the database',
    );
    expect(followCaption({ ...alice, home: 'none', cart: [] }, 'Redis', V)).toBe(
      "Alice's cart: empty — not logged in",
    );
    expect(followCaption({ ...alice, home: 'none', sessionLost: true }, 'R', V)).toContain(
      'session lost: must log in again',
    );
  });

  it('say whose a chip is and where it sits', () => {
    expect(chipCaption(0, [0, 1], 2, 'Redis', V)).toBe(
      "Alice's cart: iPhone, AirPods — lives on server 2",
    );
    expect(chipCaption(1, [], 0, 'Memcached', V)).toBe(
      "Bob's cart: empty — lives in the session store (Memcached)",
    );
    expect(chipCaption(41, [3], 1, 'Redis', V)).toBe("User 42's cart: iPad — lives on server 1");
    expect(chipCaption(0, [0, 1], 2, 'Redis', V, true)).toBe(
      "Alice's cart (2): iPhone, AirPods — lives on server 2",
    );
  });
});

describe('labels', () => {
  it('name every failure reason in plain words', () => {
    for (let i = 1; i < FAIL_REASONS.length; i++) expect(failLabel(i)).not.toBe('');
    expect(failLabel(FAIL_REASONS.indexOf('session-lost'))).toBe('session not found');
    expect(failLabel(FAIL_REASONS.indexOf('no-healthy-server'))).toBe('no healthy server');
  });

  it('give each status an icon and a word', () => {
    for (const s of ['up', 'booting', 'draining', 'down'] as const) {
      expect(statusWords(s).icon).not.toBe('');
      expect(statusWords(s).label).toMatch(/^[A-Z]/);
    }
  });

  it('name users and their initials', () => {
    expect(userName(2, V)).toBe('Carol');
    expect(userName(99, V)).toBe('User 100');
    expect(initial(7)).toBe('H');
    expect(initial(8)).toBe('');
  });
});
