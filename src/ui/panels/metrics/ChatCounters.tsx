/**
 * The chat workload's figures, shown when the run has one: where the connections are, how
 * many apps are reconnecting (or have not noticed yet that their server died), what
 * became of the messages (delivered, waiting in a queue, lost), and how many requests the
 * apps sent the servers (polls and posted messages, or WebSocket frames) and how fast.
 */
import type { ChatOutcome } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { formatCount } from '../format.ts';
import { CounterList } from './CounterList.tsx';
import './chatCounters.css';

const selChat = (s: SimStoreState) => s.snapshot?.outcome.chat ?? null;

const STATE_WORDS: Record<string, string> = {
  'server-memory': 'presence only in each server’s memory; pub/sub keeps no copy',
  'shared-store': 'presence and a queue per user in the store',
};

export function ChatCountersView({ chat }: { chat: ChatOutcome }) {
  const c = chat.connections;
  const m = chat.messages;
  const r = chat.reconnects;
  const perServer = c.perServer
    .map((p) => `${p.server}: ${formatCount(p.connections)}`)
    .join(' · ');
  return (
    <div className="chat-counters" data-testid="chat-counters">
      <h3 className="chat-counters-title">Chat connections</h3>
      <p className="hint">{STATE_WORDS[chat.state] ?? chat.state}.</p>
      <CounterList
        items={[
          { label: 'Connections open', value: c.open, testId: 'chat-open' },
          {
            label: 'Dead, not noticed yet',
            value: c.halfOpen,
            testId: 'chat-half-open',
            bad: true,
            detail: '(half-open)',
          },
          { label: 'Reconnecting', value: c.reconnecting, testId: 'chat-reconnecting', bad: true },
          {
            label: 'Reconnects',
            value: r.total,
            testId: 'chat-reconnects',
            detail: `peak ${formatCount(r.peakAttemptsPerS)} tries/s`,
          },
          { label: 'Messages delivered', value: m.delivered, testId: 'chat-delivered' },
          { label: 'Waiting in a queue', value: m.queued, testId: 'chat-queued' },
          { label: 'Messages lost', value: m.lost, testId: 'chat-lost', bad: true },
          { label: 'Held in sender’s app', value: m.atSender, testId: 'chat-at-sender' },
          {
            label: 'Requests to servers',
            value: chat.requests.total,
            testId: 'chat-requests',
            detail: `${chat.requests.perS.toFixed(1)}/s`,
          },
        ]}
      />
      <p className="hint" data-testid="chat-per-server">
        Connections per server: {perServer}. Noticed a dead server by a missed heartbeat{' '}
        {formatCount(r.noticedByHeartbeat)}, by an unacknowledged send{' '}
        {formatCount(r.noticedBySend)}.
      </p>
    </div>
  );
}

export function ChatCounters() {
  const chat = useSim(selChat);
  return chat ? <ChatCountersView chat={chat} /> : null;
}
