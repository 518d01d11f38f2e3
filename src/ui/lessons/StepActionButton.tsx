/**
 * The button a step asks the learner to press, when the picture has none of its own. Which
 * actions get one, and how it is labelled and performed, is the registry's STEP_COMMANDS.
 */
import type { ActionName } from '../../sim/index.ts';
import { STEP_COMMANDS } from '../../app/commands.ts';
import { CommandButton } from '../CommandButton.tsx';

export function StepActionButton({ action }: { action: ActionName }) {
  const id = STEP_COMMANDS[action];
  if (!id) return null;
  return (
    <p className="step-action">
      <CommandButton id={id} className="primary" />
    </p>
  );
}
