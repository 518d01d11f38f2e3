/** Servers and traffic: scale the app tier and set how many users are active. */
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { command, commandsInGroup, perform } from '../../../app/commands.ts';
import { CommandButton } from '../../CommandButton.tsx';
import { useCommandHost } from '../../RunContext.tsx';
import { useSim } from '../../SimContext.tsx';
import { formatCount } from '../format.ts';

const selTarget = (s: SimStoreState) => s.snapshot?.users.target ?? 0;
const selActive = (s: SimStoreState) => s.snapshot?.users.active ?? 0;
const selRunning = (s: SimStoreState) =>
  s.snapshot?.servers.filter((x) => x.status === 'up' || x.status === 'booting').length ?? 0;

export function TrafficControls() {
  const target = useSim(selTarget);
  const active = useSim(selActive);
  const running = useSim(selRunning);
  const host = useCommandHost();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(target);

  const commit = (e?: FormEvent) => {
    e?.preventDefault();
    if (text === null) return;
    const n = Math.round(Number(text));
    if (text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= LIMITS.users && n !== target) {
      void perform('set-users', host, { count: n });
    }
    setText(null);
  };

  return (
    <fieldset className="panel-group">
      <legend>Servers and traffic</legend>
      <div className="button-row" role="group" aria-label="Servers">
        {commandsInGroup('servers').map((id) => (
          <CommandButton key={id} id={id} title={command(id).description} />
        ))}
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
        <CommandButton
          id="traffic-spike"
          title="Ten times as many users, all at once (Black Friday)"
        />
      </form>
      <p id="users-hint" className="hint">
        {formatCount(active)} active. Type a number and press Enter; the spike multiplies by 10.
      </p>
    </fieldset>
  );
}
