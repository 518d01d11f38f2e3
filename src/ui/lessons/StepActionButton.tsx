/**
 * The button a step asks the learner to press, when the picture has none of its own. Server
 * kills and restarts are done on the server nodes themselves; store and fleet actions get a
 * button here, next to the hint, labelled in the lesson's words ("Kill central bank
 * database"). While the step's prediction is open the button is held, and says why.
 */
import type { Action, ActionName } from '../../sim/index.ts';
import { extraWords, type Vocabulary } from '../../store/vocabulary.ts';
import { useSim } from '../SimContext.tsx';

export function stepActionLabel(action: ActionName, v: Vocabulary): string | null {
  switch (action) {
    case 'kill-store':
      return `Kill ${v.store}`;
    case 'restart-store':
      return `Restart ${v.store}`;
    case 'add-store-replica':
      return `Add a ${extraWords(v).storeCopy}`;
    case 'add-server':
      return `Add ${v.server}`;
    case 'remove-server':
      return `Remove ${v.server}`;
    case 'deploy':
      return 'Deploy a new version';
    default:
      return null;
  }
}

const ACTIONS: Partial<Record<ActionName, Action>> = {
  'kill-store': { action: 'kill-store' },
  'restart-store': { action: 'restart-store' },
  'add-store-replica': { action: 'add-store-replica' },
  'add-server': { action: 'add-server', count: 1 },
  'remove-server': { action: 'remove-server' },
  deploy: { action: 'deploy' },
};

export function StepActionButton({ action, held }: { action: ActionName; held: boolean }) {
  const act = useSim((s) => s.act);
  const vocab = useSim((s) => s.vocabulary);
  const label = stepActionLabel(action, vocab);
  const a = ACTIONS[action];
  if (!label || !a) return null;
  return (
    <p className="step-action">
      <button
        type="button"
        className="primary"
        disabled={held}
        aria-describedby={held ? 'held-reason' : undefined}
        onClick={() => act(a)}
      >
        {label}
      </button>
    </p>
  );
}
