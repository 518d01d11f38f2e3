/**
 * A strip under the system picture for chat runs: open connections per server as bars, and
 * how many apps are connected, connected to a dead server without knowing it, or reconnecting.
 * The picture's boxes count the shop's sessions; this is where the connections show.
 */
import type { ChatOutcome } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { formatCount } from '../format.ts';
import './chatCounters.css';

const selChat = (s: SimStoreState) => s.snapshot?.outcome.chat ?? null;
const selServers = (s: SimStoreState) => s.snapshot?.servers ?? null;

export function ChatStripView({
  chat,
  down,
}: {
  chat: ChatOutcome;
  /** Server ids that are not running. */
  down: ReadonlySet<number>;
}) {
  const c = chat.connections;
  const most = Math.max(1, ...c.perServer.map((p) => p.connections));
  return (
    <div className="chat-strip" data-testid="chat-strip">
      <p className="chat-strip-line">
        <strong>Chat:</strong> {formatCount(chat.clients)} apps, {formatCount(c.open)} connected
        {c.halfOpen > 0 && (
          <span className="chat-strip-bad">
            , {formatCount(c.halfOpen)} on a dead server without knowing it
          </span>
        )}
        {c.reconnecting > 0 && <span>, {formatCount(c.reconnecting)} reconnecting</span>}.
      </p>
      <ul className="chat-strip-bars" aria-label="Open connections per server">
        {c.perServer.map((p) => (
          <li key={p.server}>
            <span className="chat-strip-name">Server {p.server}</span>
            <span className="chat-strip-track" aria-hidden="true">
              <span
                className="chat-strip-fill"
                style={{ width: `${(100 * p.connections) / most}%` }}
              />
            </span>
            <span className="chat-strip-count">
              {down.has(p.server) ? 'down' : formatCount(p.connections)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ChatStrip() {
  const chat = useSim(selChat);
  const servers = useSim(selServers);
  if (!chat) return null;
  const down = new Set((servers ?? []).filter((s) => s.status === 'down').map((s) => s.id));
  return <ChatStripView chat={chat} down={down} />;
}
