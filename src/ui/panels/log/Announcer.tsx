/**
 * The polite live region: reads out narration marked `announce`, at most one message every
 * two seconds, coalescing bursts (see announceQueue.ts). Listens to the store outside React
 * renders; only the announced text is React state.
 */
import { useEffect, useState } from 'react';
import { useSimSession } from '../../SimContext.tsx';
import { AnnounceQueue } from './announceQueue.ts';

export function Announcer() {
  const session = useSimSession();
  const [text, setText] = useState('');
  useEffect(() => {
    const queue = new AnnounceQueue();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastId = session.store.getState().log.at(-1)?.id ?? 0;
    const flush = () => {
      timer = null;
      const message = queue.take(performance.now());
      if (message !== null) setText(message);
      schedule();
    };
    const schedule = () => {
      if (timer !== null || !queue.hasPending) return;
      timer = setTimeout(flush, Math.max(0, queue.dueAtMs() - performance.now()));
    };
    const unsubscribe = session.store.subscribe((s, prev) => {
      if (s.log === prev.log) return;
      let i = s.log.length;
      while (i > 0 && s.log[i - 1]!.id > lastId) i--;
      for (const e of s.log.slice(i)) if (e.announce) queue.add(e.text);
      lastId = Math.max(lastId, s.log.at(-1)?.id ?? 0);
      schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [session]);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
