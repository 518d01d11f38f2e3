import { describe, expect, it } from 'vitest';
import { SHOP_VOCABULARY as V } from '../../../store/vocabulary.ts';
import { describeUser } from './describeUser.ts';

const alice = {
  idx: 0,
  name: 'Alice',
  step: 'add-to-cart',
  loggedIn: true,
  sessionLost: false,
  inFlight: false,
  home: 2,
  cart: [0, 1],
  journeys: 0,
};

describe('describeUser', () => {
  it('says where the session lives, in the words of the picture’s caption', () => {
    expect(describeUser(alice, V)).toBe("Alice's cart: iPhone, AirPods — lives on server 2");
    expect(describeUser({ ...alice, home: 'store' }, V)).toBe(
      "Alice's cart: iPhone, AirPods — lives in the session store",
    );
    expect(describeUser({ ...alice, home: 'token' }, V)).toMatch(/signed token$/);
    expect(describeUser({ ...alice, home: 'none', sessionLost: true, cart: [] }, V)).toBe(
      "Alice's cart: empty — session lost: must log in again",
    );
    expect(describeUser({ ...alice, home: 'none', loggedIn: false }, V)).toMatch(/not logged in$/);
  });
});
