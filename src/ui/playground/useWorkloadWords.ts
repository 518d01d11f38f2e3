/**
 * The playground's words follow its workload: a run of chat apps and no shoppers (the chat
 * presets, a chat scenario file) is told in the chat words a lesson uses ("connections",
 * "shared store", "apps") rather than the shop's "sessions" and "session store". Back to
 * the shop's words when the run has shoppers again and when the playground closes.
 */
import { useEffect } from 'react';
import { SKINS } from '../../lessons/skins.ts';
import type { SimStoreState } from '../../store/simStore.ts';
import { SHOP_VOCABULARY } from '../../store/vocabulary.ts';
import { useSim, useSimSession } from '../SimContext.tsx';
import { isChatOnly } from '../topology/words.ts';

/** A run of chat apps with no shoppers. */
export const selChatOnly = (s: SimStoreState): boolean => !!s.snapshot && isChatOnly(s.snapshot);

export function useWorkloadWords(): void {
  const session = useSimSession();
  const chatOnly = useSim(selChatOnly);
  useEffect(() => {
    session.store.getState().setVocabulary(chatOnly ? SKINS.chat : SHOP_VOCABULARY);
  }, [session, chatOnly]);
  useEffect(() => () => session.store.getState().setVocabulary(SHOP_VOCABULARY), [session]);
}
