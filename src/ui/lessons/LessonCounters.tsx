/**
 * The numbers a lesson talks about, always visible beside the picture: the usual outcome
 * counters, every other figure the current step quotes (its claims), and how many requests
 * each server has handled. Values are formatted as the step's "your run" figures are, so the
 * two can be compared at a glance.
 */
import { formatMetric, metricLabel } from '../../lessons/figures.ts';
import { readMetric } from '../../lessons/runner.ts';
import { useSim } from '../SimContext.tsx';
import { ChatStrip } from '../panels/metrics/ChatStrip.tsx';

/** A chat run has no requests or carts: its counters are connections and messages. */
const CHAT_BASE = [
  'chat.connections.open',
  'chat.connections.halfOpen',
  'chat.reconnects.total',
  'chat.messages.delivered',
  'chat.messages.queued',
  'chat.messages.lost',
];

const BASE = [
  'requests.ok',
  'requests.failed',
  'sessions.lost',
  'cart.itemsLost',
  'staleReads',
  'bytesPerRequest.mean',
  'latencyMs.mean',
];

/** Claims about the run's shape (its clock, its server count) are not counters. */
const NOT_COUNTERS = new Set(['simulatedS', 'servers.length']);

export function LessonCounters({ quoted }: { quoted: readonly string[] }) {
  const o = useSim((s) => s.snapshot?.outcome);
  const vocab = useSim((s) => s.vocabulary);
  if (!o) return null;
  const chat = o.chat !== null;
  const base = chat ? CHAT_BASE : BASE;
  // Requests per server have their own row below; a chat run's connections per server are
  // drawn by the chat strip.
  const extra = quoted.filter(
    (m) =>
      !base.includes(m) &&
      !NOT_COUNTERS.has(m) &&
      !/^servers\.\d+\.requests$/.test(m) &&
      !/^chat\.connections\.perServer\./.test(m),
  );
  const metrics = [...base, ...new Set(extra)];
  return (
    <div className="lesson-counters-wrap">
      <dl className="lesson-counters" aria-label="Counters">
        {metrics.map((m) => (
          <div key={m} className={extra.includes(m) ? 'is-quoted' : undefined}>
            <dt>{metricLabel(m, vocab)}</dt>
            <dd data-counter-metric={m}>{formatMetric(m, readMetric(o, m))}</dd>
          </div>
        ))}
        <div>
          <dt>Simulated time</dt>
          <dd data-counter-metric="simulatedS">{formatMetric('simulatedS', o.simulatedS)}</dd>
        </div>
      </dl>
      {chat && <ChatStrip />}
      {!chat && o.servers.length > 0 && (
        <dl
          className="lesson-counters lesson-per-server"
          aria-label={`Requests per ${vocab.server}`}
        >
          <div>
            <dt>Requests per {vocab.server}</dt>
            <dd className="per-server-list">
              {o.servers.map((srv, i) => (
                <span key={srv.id}>
                  {srv.id}:{' '}
                  <strong data-counter-metric={`servers.${i}.requests`}>{srv.requests}</strong>
                </span>
              ))}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
