/**
 * Where state lives: the architecture and the store kind reload the run (they shape the
 * whole system); replicas and store crashes are live commands.
 */
import {
  ARCHITECTURES,
  STORE_KINDS,
  STORE_PROFILES,
  type Architecture,
  type StoreKind,
} from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { command, commandsInGroup, perform } from '../../../app/commands.ts';
import { CommandButton } from '../../CommandButton.tsx';
import { useCommandHost } from '../../RunContext.tsx';
import { useSim } from '../../SimContext.tsx';

const ARCHITECTURE_LABELS: Record<Architecture, string> = {
  'in-memory': 'in-memory (stateful)',
  'session-store': 'session-store',
  jwt: 'jwt (signed token)',
};

const ARCHITECTURE_HINTS: Record<Architecture, string> = {
  'in-memory': 'Sessions live in the memory of the server that created them.',
  'session-store': 'Servers keep nothing; sessions live in a shared store.',
  jwt: 'The session travels with every request in a signed token.',
};

const selArchitecture = (s: SimStoreState) =>
  s.snapshot?.architecture ?? s.scenario?.architecture ?? 'in-memory';
const selKind = (s: SimStoreState) => s.snapshot?.store.kind ?? s.scenario?.store?.kind ?? 'redis';
const selStoreUp = (s: SimStoreState) => s.snapshot?.store.up ?? true;
const selReplicas = (s: SimStoreState) => s.snapshot?.store.replicas ?? 0;

export function ArchitectureControls() {
  const host = useCommandHost();
  const architecture = useSim(selArchitecture);
  const kind = useSim(selKind);
  const storeUp = useSim(selStoreUp);
  const replicas = useSim(selReplicas);
  const hasStore = architecture === 'session-store';
  const canReplicate = STORE_PROFILES[kind].replication;

  return (
    <fieldset className="panel-group">
      <legend>Where state lives</legend>
      <label className="field">
        <span>Architecture</span>
        <select
          value={architecture}
          aria-describedby="architecture-hint"
          onChange={(e) =>
            void perform('set-architecture', host, {
              architecture: e.target.value as Architecture,
            })
          }
        >
          {ARCHITECTURES.map((a) => (
            <option key={a} value={a}>
              {ARCHITECTURE_LABELS[a]}
            </option>
          ))}
        </select>
      </label>
      <p id="architecture-hint" className="hint">
        {ARCHITECTURE_HINTS[architecture]} Changing it restarts the run from 0 s, keeping your load
        balancer and user settings.
      </p>
      <label className="field">
        <span>Store kind</span>
        <select
          value={kind}
          disabled={!hasStore}
          onChange={(e) =>
            void perform('set-store-kind', host, { kind: e.target.value as StoreKind })
          }
        >
          {STORE_KINDS.map((k) => (
            <option key={k} value={k}>
              {STORE_PROFILES[k].label} ({STORE_PROFILES[k].rttMinMs}–{STORE_PROFILES[k].rttMaxMs}{' '}
              ms)
            </option>
          ))}
        </select>
      </label>
      <div className="button-row" role="group" aria-label="Session store">
        {commandsInGroup('store').map((id) => (
          <CommandButton
            key={id}
            id={id}
            className={command(id).icon === 'kill' ? 'btn btn-danger' : 'btn'}
          />
        ))}
        <CommandButton
          id="add-store-replica"
          title={canReplicate ? undefined : `${STORE_PROFILES[kind].label} has no replication`}
        />
      </div>
      <p className="hint">
        {hasStore
          ? `${STORE_PROFILES[kind].label} is ${storeUp ? 'up' : 'DOWN'}, ${replicas} replica${replicas === 1 ? '' : 's'}.`
          : 'No session store in this architecture: choose session-store to use these.'}
      </p>
    </fieldset>
  );
}
