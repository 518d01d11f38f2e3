/** A check question with feedback on whichever choice the learner picks. */
import { useId } from 'react';
import type { Choice } from '../../lessons/types.ts';

export function CheckQuestion({
  question,
  choices,
  answer,
  onAnswer,
}: {
  question: string;
  choices: Choice[];
  answer: string | undefined;
  onAnswer: (choiceId: string) => void;
}) {
  const name = useId();
  const picked = choices.find((c) => c.id === answer);
  return (
    <fieldset className="lesson-question check">
      <legend>Check: {question}</legend>
      {choices.map((c) => (
        <label key={c.id} className="choice">
          <input
            type="radio"
            name={name}
            value={c.id}
            checked={answer === c.id}
            onChange={() => onAnswer(c.id)}
          />
          <span>{c.text}</span>
        </label>
      ))}
      {picked && (
        <p
          className={`feedback ${picked.correct ? 'feedback-good' : 'feedback-bad'}`}
          role="status"
        >
          <strong>{picked.correct ? '✓ Correct.' : '✗ Not quite.'}</strong> {picked.feedback}
        </p>
      )}
    </fieldset>
  );
}
