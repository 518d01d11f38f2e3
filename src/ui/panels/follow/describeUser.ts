/**
 * The follow-a-user sentence: "Alice's cart: iPhone, AirPods — lives on server 2". Pure, so
 * the wording for every case (store, token, lost, logged out) is unit-tested.
 */
import type { Architecture } from '../../../sim/index.ts';
import type { NamedUserView } from '../../../protocol/snapshot.ts';
import { itemList } from '../../../store/narration.ts';
import type { Vocabulary } from '../../../store/vocabulary.ts';

export function whereSessionLives(
  u: Pick<NamedUserView, 'home' | 'loggedIn' | 'sessionLost'>,
  architecture: Architecture,
  V: Vocabulary,
): string {
  if (u.home > 0) return `lives on ${V.server} ${u.home}`;
  if (u.home === 0) {
    return architecture === 'jwt'
      ? 'travels with every request in a signed token'
      : `lives in the ${V.store}`;
  }
  if (u.sessionLost) return `${V.session} lost — must log in again`;
  return u.loggedIn ? `${V.session} not found` : 'not logged in';
}

export function describeUser(u: NamedUserView, architecture: Architecture, V: Vocabulary): string {
  return `${u.name}'s ${V.cart}: ${itemList(u.cart, V)} — ${whereSessionLives(u, architecture, V)}`;
}
