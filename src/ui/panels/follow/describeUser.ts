/**
 * The follow-a-user sentence: "Alice's cart: iPhone, AirPods — lives on server 2". The words
 * are the picture's own (one sentence builder, topology/words.ts), so the card and the
 * caption never disagree; the card leaves the store's product name out.
 */
import type { NamedUserView } from '../../../protocol/snapshot.ts';
import type { Vocabulary } from '../../../store/vocabulary.ts';
import { sessionSentence } from '../../topology/words.ts';

export function describeUser(u: NamedUserView, V: Vocabulary): string {
  return sessionSentence(u, V);
}
