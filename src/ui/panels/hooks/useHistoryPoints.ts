/**
 * The metric time series for the charts. One history per session, fed from frames outside
 * React (src/store/history.ts); components re-render when a sample is recorded, i.e. at
 * snapshot rate, never per animation frame.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { attachHistory, type HistoryFeed, type HistoryPoint } from '../../../store/history.ts';
import type { SimSession } from '../../../store/simStore.ts';
import { useSimSession } from '../../SimContext.tsx';

const feeds = new WeakMap<SimSession, HistoryFeed>();

/** The session's history feed, attached on first use and kept for the session's life. */
export function historyFeed(session: SimSession): HistoryFeed {
  let feed = feeds.get(session);
  if (!feed) {
    feed = attachHistory(session);
    feeds.set(session, feed);
  }
  return feed;
}

export function useHistoryPoints(): HistoryPoint[] {
  const feed = historyFeed(useSimSession());
  const version = useSyncExternalStore(feed.subscribe, () => feed.history.version);
  return useMemo(() => (version >= 0 ? feed.history.points() : []), [feed, version]);
}
