/** Sticky sessions on/off: off sends 'none', on sends the chosen method. */
import type { StickyMethod } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { useCommand } from '../../RunContext.tsx';

const selSticky = (s: SimStoreState) => s.snapshot?.sticky ?? 'none';

export function StickySwitch({ method }: { method: Exclude<StickyMethod, 'none'> }) {
  const sticky = useSim(selSticky);
  const on = sticky !== 'none';
  const toggle = useCommand('set-sticky', { sticky: on ? 'none' : method });
  return (
    <div className="switch-field">
      <span id="sticky-label">{toggle.label}</span>
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={on}
        aria-labelledby="sticky-label"
        aria-describedby="sticky-hint"
        onClick={toggle.perform}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-text">{on ? 'On' : 'Off'}</span>
      </button>
      <p id="sticky-hint" className="hint">
        {on
          ? 'The load balancer sends each user back to the same server.'
          : 'Any request may land on any server.'}
      </p>
    </div>
  );
}
