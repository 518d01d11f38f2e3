/**
 * A control value that follows the store, except while the learner is changing it: then the
 * control shows the learner's value until they let go, so a slider does not jump back while
 * the simulation catches up (the store only changes when the next frame arrives).
 */
import { useCallback, useState } from 'react';

export function useDraft<T>(external: T): [value: T, set: (v: T) => void, release: () => void] {
  const [draft, setDraft] = useState<{ v: T } | null>(null);
  const release = useCallback(() => setDraft(null), []);
  const set = useCallback((v: T) => setDraft({ v }), []);
  return [draft ? draft.v : external, set, release];
}
