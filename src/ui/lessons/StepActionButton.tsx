/**
 * The button a step asks the learner to press, when the picture has none of its own. Server
 * kills and restarts are done on the server nodes themselves; store and fleet actions get a
 * button here, next to the hint.
 */
import type { Action, ActionName } from '../../sim/index.ts';
import { useSim } from '../SimContext.tsx';

const BUTTONS: Partial<Record<ActionName, { label: string; action: Action }>> = {
  'kill-store': { label: 'Kill store', action: { action: 'kill-store' } },
  'restart-store': { label: 'Restart store', action: { action: 'restart-store' } },
  'add-store-replica': { label: 'Add store replica', action: { action: 'add-store-replica' } },
  'add-server': { label: 'Add server', action: { action: 'add-server', count: 1 } },
  'remove-server': { label: 'Remove server', action: { action: 'remove-server' } },
  deploy: { label: 'Deploy a new version', action: { action: 'deploy' } },
};

export function StepActionButton({ action, held }: { action: ActionName; held: boolean }) {
  const act = useSim((s) => s.act);
  const b = BUTTONS[action];
  if (!b) return null;
  return (
    <p className="step-action">
      <button
        type="button"
        className="primary"
        disabled={held}
        aria-describedby={held ? 'held-reason' : undefined}
        onClick={() => act(b.action)}
      >
        {b.label}
      </button>
    </p>
  );
}
