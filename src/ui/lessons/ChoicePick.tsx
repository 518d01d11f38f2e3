/**
 * The parts a prediction and a check question share: one radio choice, the pick a learner is
 * making before they commit it, and the button that commits it. Native radios, so arrow keys
 * move between the choices of a question and Enter on the button commits.
 */
import { useId, useState } from 'react';
import type { Choice } from '../../lessons/types.ts';

export interface ChoicePick {
  /** The radio group's name. */
  name: string;
  /** The choice the learner has selected but not committed yet. */
  pending: string | undefined;
  setPending: (id: string) => void;
  /** Committed: the radios are fixed on the learner's answer. */
  locked: boolean;
  answer: string | undefined;
}

export function useChoicePick(answer: string | undefined): ChoicePick {
  const name = useId();
  const [pending, setPending] = useState<string | undefined>(answer);
  return { name, pending, setPending, locked: answer !== undefined, answer };
}

export function ChoiceRadio({ choice, pick }: { choice: Choice; pick: ChoicePick }) {
  return (
    <label className="choice">
      <input
        type="radio"
        name={pick.name}
        value={choice.id}
        checked={(pick.locked ? pick.answer : pick.pending) === choice.id}
        disabled={pick.locked}
        onChange={() => pick.setPending(choice.id)}
      />
      <span>{choice.text}</span>
    </label>
  );
}

/** Commits the pending choice; gone once the answer is locked. */
export function CommitChoice({
  pick,
  label,
  onAnswer,
}: {
  pick: ChoicePick;
  label: string;
  onAnswer: (choiceId: string) => void;
}) {
  if (pick.locked) return null;
  return (
    <button
      type="button"
      className="primary"
      disabled={pick.pending === undefined}
      onClick={() => pick.pending !== undefined && onAnswer(pick.pending)}
    >
      {label}
    </button>
  );
}
