/**
 * What the users do: shop (short HTTP requests) or chat (long-lived WebSocket connections).
 * Switching loads the matching preset; for chat, the architecture picks where chat state
 * lives (session-store: presence and queues in the store; otherwise only in server memory).
 */
import { presetScenario } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim, useSimSession } from '../../SimContext.tsx';

type Workload = 'shop' | 'chat';

const selIsChat = (s: SimStoreState) =>
  s.snapshot ? s.snapshot.outcome.chat !== null : s.scenario?.chat !== undefined;
const selArchitecture = (s: SimStoreState) =>
  s.snapshot?.architecture ?? s.scenario?.architecture ?? 'in-memory';

export function WorkloadControls() {
  const session = useSimSession();
  const isChat = useSim(selIsChat);
  const architecture = useSim(selArchitecture);

  const choose = (w: Workload) => {
    const name =
      w === 'shop'
        ? 'playground'
        : architecture === 'session-store'
          ? 'chat-shared-store'
          : 'chat-server-memory';
    const scenario = presetScenario(name);
    if (scenario) session.store.getState().load(scenario, { playing: true });
  };

  return (
    <fieldset className="panel-group">
      <legend>Workload</legend>
      <label className="field">
        <span>Users</span>
        <select
          value={isChat ? 'chat' : 'shop'}
          aria-describedby="workload-hint"
          data-testid="workload-select"
          onChange={(e) => choose(e.target.value as Workload)}
        >
          <option value="shop">shop (short HTTP requests)</option>
          <option value="chat">chat (long-lived WebSocket connections)</option>
        </select>
      </label>
      <p id="workload-hint" className="hint">
        {isChat
          ? 'Each app holds one connection to one server and sends a message every 10 s on average; server 2 dies at 60 s. Architecture session-store keeps presence and message queues in Redis; in-memory keeps them only on each server.'
          : 'Shoppers log in, browse, fill a cart and check out. Chat shows long-lived connections pinned to a server instead.'}
      </p>
    </fieldset>
  );
}
