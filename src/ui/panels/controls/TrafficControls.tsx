/** Servers and traffic: scale the app tier and set how many users are active. */
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { formatCount } from '../format.ts';
import { Icon } from '../Icon.tsx';

const selTarget = (s: SimStoreState) => s.snapshot?.users.target ?? 0;
const selActive = (s: SimStoreState) => s.snapshot?.users.active ?? 0;
const selRunning = (s: SimStoreState) =>
  s.snapshot?.servers.filter((x) => x.status === 'up' || x.status === 'booting').length ?? 0;
const selAct = (s: SimStoreState) => s.act;

export function TrafficControls() {
  const target = useSim(selTarget);
  const active = useSim(selActive);
  const running = useSim(selRunning);
  const act = useSim(selAct);
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(target);

  const commit = (e?: FormEvent) => {
    e?.preventDefault();
    if (text === null) return;
    const n = Math.round(Number(text));
    if (text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= LIMITS.users && n !== target) {
      act({ action: 'set-users', count: n });
    }
    setText(null);
  };

  return (
    <fieldset className="panel-group">
      <legend>Servers and traffic</legend>
      <div className="button-row" role="group" aria-label="Servers">
        <button
          type="button"
          className="btn"
          onClick={() => act({ action: 'add-server', count: 1 })}
        >
          <Icon name="plus" /> Add server
        </button>
        <button
          type="button"
          className="btn"
          title="Drains the newest running server: it takes no new users and stops when done"
          onClick={() => act({ action: 'remove-server' })}
        >
          <Icon name="minus" /> Remove server
        </button>
      </div>
      <p className="hint">
        {running} servers running. Kill or restart one on its node in the picture.
      </p>
      <form className="users-row" onSubmit={commit}>
        <label className="field field-inline">
          <span>Users</span>
          <input
            type="number"
            min={0}
            max={LIMITS.users}
            step={10}
            value={shown}
            aria-describedby="users-hint"
            onChange={(e) => setText(e.target.value)}
            onBlur={() => commit()}
          />
        </label>
        <button
          type="button"
          className="btn"
          disabled={target >= LIMITS.users}
          title="Ten times as many users, all at once (Black Friday)"
          onClick={() =>
            act({ action: 'set-users', count: Math.min(LIMITS.users, Math.max(10, target * 10)) })
          }
        >
          <Icon name="bolt" /> Traffic spike
        </button>
      </form>
      <p id="users-hint" className="hint">
        {formatCount(active)} active. Type a number and press Enter; the spike multiplies by 10.
      </p>
    </fieldset>
  );
}
