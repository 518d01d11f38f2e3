/** The few numbers a lesson talks about, always visible beside the picture. */
import { useSim } from '../SimContext.tsx';
import { ChatStrip } from '../panels/metrics/ChatStrip.tsx';

export function LessonCounters() {
  const o = useSim((s) => s.snapshot?.outcome);
  const vocab = useSim((s) => s.vocabulary);
  if (!o) return null;
  const chat = o.chat;
  const items: [string, string | number][] = chat
    ? [
        ['Connections open', chat.connections.open],
        ['Dead, not noticed yet', chat.connections.halfOpen],
        ['Reconnects', chat.reconnects.total],
        ['Messages delivered', chat.messages.delivered],
        ['Waiting in a queue', chat.messages.queued],
        ['Messages lost', chat.messages.lost],
      ]
    : [
        ['Requests ok', o.requests.ok],
        ['Failed', o.requests.failed],
        [`${vocab.sessions[0]!.toUpperCase()}${vocab.sessions.slice(1)} lost`, o.sessions.lost],
        [`${vocab.cart[0]!.toUpperCase()}${vocab.cart.slice(1)} items lost`, o.cart.itemsLost],
        ['Stale reads', o.staleReads],
        ['Bytes / request', o.bytesPerRequest.mean],
        ['Mean latency', `${o.latencyMs.mean.toFixed(1)} ms`],
      ];
  const list = (
    <dl className="lesson-counters">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
  return chat ? (
    <>
      {list}
      <ChatStrip />
    </>
  ) : (
    list
  );
}
