/**
 * The button a step asks the learner to press, when the picture has none of its own. Server
 * kills and restarts are done on the server nodes themselves; store and fleet actions get a
 * button here, next to the hint, labelled in the lesson's words ("Kill central bank
 * database"). Which actions get one, and how they are performed, is the registry's
 * STEP_COMMANDS. While the step's prediction is open the button is held, and says why.
 */
import { STEP_COMMANDS, type ArgList, type CommandId } from '../../app/commands.ts';
import type { ActionName } from '../../sim/index.ts';
import { extraWords, type Vocabulary } from '../../store/vocabulary.ts';
import { useSim } from '../SimContext.tsx';
import { useCommand } from '../RunContext.tsx';

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

export function StepActionButton({ action, held }: { action: ActionName; held: boolean }) {
  const id = STEP_COMMANDS[action];
  const vocab = useSim((s) => s.vocabulary);
  const label = stepActionLabel(action, vocab);
  if (!id || !label) return null;
  return <StepCommand id={id} label={label} held={held} />;
}

function StepCommand({ id, label, held }: { id: CommandId; label: string; held: boolean }) {
  // Step commands take no arguments.
  const c = useCommand(id, ...([] as unknown as ArgList<CommandId>));
  const reason = !c.availability.ok ? c.availability.reason : undefined;
  return (
    <p className="step-action">
      <button
        type="button"
        className="primary"
        disabled={held || !c.availability.ok}
        title={reason}
        aria-describedby={held ? 'held-reason' : undefined}
        onClick={c.perform}
      >
        {label}
      </button>
    </p>
  );
}
