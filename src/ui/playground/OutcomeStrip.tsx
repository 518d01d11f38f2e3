/**
 * The key outcome counters in one line under the system picture, so that what a crash cost
 * (sessions lost, carts emptied, requests failed) is in view with the picture at any window
 * size. The full counters and charts stay in "What came of it". A run of chat apps alone has
 * no carts or checkouts: its line shows what became of connections and messages instead.
 */
import type { SimStoreState } from '../../store/simStore.ts';
import { useSim } from '../SimContext.tsx';
import { formatCount } from '../panels/format.ts';
import { cap } from '../topology/words.ts';
import { selChatOnly } from './useWorkloadWords.ts';

const selOutcome = (s: SimStoreState) => s.snapshot?.outcome ?? null;
const selVocab = (s: SimStoreState) => s.vocabulary;

function Item({ label, value, bad }: { label: string; value: number; bad?: boolean }) {
  const alarming = !!bad && value > 0;
  return (
    <div className={alarming ? 'strip-item is-bad' : 'strip-item'}>
      <dt>{label}</dt>
      <dd>
        {alarming && <span aria-hidden="true">✖ </span>}
        {formatCount(value)}
      </dd>
    </div>
  );
}

export function OutcomeStrip() {
  const o = useSim(selOutcome);
  const vocab = useSim(selVocab);
  const chatOnly = useSim(selChatOnly);
  if (!o) return null;
  if (chatOnly && o.chat) {
    const c = o.chat;
    return (
      <dl className="outcome-strip" aria-label="Outcome so far" data-testid="outcome-strip">
        <Item label="Connections open" value={c.connections.open} />
        <Item label="Reconnecting" value={c.connections.reconnecting} bad />
        <Item label="Messages delivered" value={c.messages.delivered} />
        <Item label="Messages lost" value={c.messages.lost} bad />
        <Item label="Requests to servers" value={c.requests.total} />
      </dl>
    );
  }
  return (
    <dl className="outcome-strip" aria-label="Outcome so far" data-testid="outcome-strip">
      <Item label="Requests ok" value={o.requests.ok} />
      <Item label="Failed" value={o.requests.failed} bad />
      <Item label={`${cap(vocab.sessions)} lost`} value={o.sessions.lost} bad />
      <Item label={`${cap(vocab.cart)} items lost`} value={o.cart.itemsLost} bad />
      <Item label="Checkouts" value={o.checkouts.completed} />
    </dl>
  );
}
